# Generated from ui/quick_note.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from desktop.views.date_edit import DateTimeEdit

class Ui_QuickNote(object):
    def setupUi(self, QuickNote):
        if not QuickNote.objectName():
            QuickNote.setObjectName(u"QuickNote")
        QuickNote.resize(520, 420)
        self.layout = QVBoxLayout(QuickNote)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(QuickNote)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.fields = QGridLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setVerticalSpacing(2)
        self.personLabel = QLabel(QuickNote)
        self.personLabel.setObjectName(u"personLabel")

        self.fields.addWidget(self.personLabel, 0, 0, 1, 1)

        self.person = QComboBox(QuickNote)
        self.person.setObjectName(u"person")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.NoInsert)
        self.person.setMinimumSize(QSize(320, 0))

        self.fields.addWidget(self.person, 0, 1, 1, 1)

        self.personError = QLabel(QuickNote)
        self.personError.setObjectName(u"personError")
        self.personError.setTextFormat(Qt.PlainText)
        self.personError.setWordWrap(True)
        self.personError.setVisible(False)
        self.personError.setProperty(u"tone", u"red")

        self.fields.addWidget(self.personError, 1, 1, 1, 1)

        self.kindLabel = QLabel(QuickNote)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fields.addWidget(self.kindLabel, 2, 0, 1, 1)

        self.kind = QComboBox(QuickNote)
        self.kind.setObjectName(u"kind")

        self.fields.addWidget(self.kind, 2, 1, 1, 1)

        self.kindError = QLabel(QuickNote)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setTextFormat(Qt.PlainText)
        self.kindError.setWordWrap(True)
        self.kindError.setVisible(False)
        self.kindError.setProperty(u"tone", u"red")

        self.fields.addWidget(self.kindError, 3, 1, 1, 1)

        self.channelLabel = QLabel(QuickNote)
        self.channelLabel.setObjectName(u"channelLabel")

        self.fields.addWidget(self.channelLabel, 4, 0, 1, 1)

        self.channel = QComboBox(QuickNote)
        self.channel.setObjectName(u"channel")

        self.fields.addWidget(self.channel, 4, 1, 1, 1)

        self.channelError = QLabel(QuickNote)
        self.channelError.setObjectName(u"channelError")
        self.channelError.setTextFormat(Qt.PlainText)
        self.channelError.setWordWrap(True)
        self.channelError.setVisible(False)
        self.channelError.setProperty(u"tone", u"red")

        self.fields.addWidget(self.channelError, 5, 1, 1, 1)

        self.directionLabel = QLabel(QuickNote)
        self.directionLabel.setObjectName(u"directionLabel")

        self.fields.addWidget(self.directionLabel, 6, 0, 1, 1)

        self.direction = QComboBox(QuickNote)
        self.direction.setObjectName(u"direction")

        self.fields.addWidget(self.direction, 6, 1, 1, 1)

        self.directionError = QLabel(QuickNote)
        self.directionError.setObjectName(u"directionError")
        self.directionError.setTextFormat(Qt.PlainText)
        self.directionError.setWordWrap(True)
        self.directionError.setVisible(False)
        self.directionError.setProperty(u"tone", u"red")

        self.fields.addWidget(self.directionError, 7, 1, 1, 1)

        self.atLabel = QLabel(QuickNote)
        self.atLabel.setObjectName(u"atLabel")

        self.fields.addWidget(self.atLabel, 8, 0, 1, 1)

        self.at = DateTimeEdit(QuickNote)
        self.at.setObjectName(u"at")
        self.at.setCalendarPopup(True)

        self.fields.addWidget(self.at, 8, 1, 1, 1)

        self.atError = QLabel(QuickNote)
        self.atError.setObjectName(u"atError")
        self.atError.setTextFormat(Qt.PlainText)
        self.atError.setWordWrap(True)
        self.atError.setVisible(False)
        self.atError.setProperty(u"tone", u"red")

        self.fields.addWidget(self.atError, 9, 1, 1, 1)

        self.textLabel = QLabel(QuickNote)
        self.textLabel.setObjectName(u"textLabel")
        self.textLabel.setAlignment(Qt.AlignLeading|Qt.AlignTop)

        self.fields.addWidget(self.textLabel, 10, 0, 1, 1)

        self.text = QPlainTextEdit(QuickNote)
        self.text.setObjectName(u"text")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumSize(QSize(0, 110))

        self.fields.addWidget(self.text, 10, 1, 1, 1)

        self.textError = QLabel(QuickNote)
        self.textError.setObjectName(u"textError")
        self.textError.setTextFormat(Qt.PlainText)
        self.textError.setWordWrap(True)
        self.textError.setVisible(False)
        self.textError.setProperty(u"tone", u"red")

        self.fields.addWidget(self.textError, 11, 1, 1, 1)


        self.layout.addLayout(self.fields)

        self.buttons = QDialogButtonBox(QuickNote)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.personLabel.setBuddy(self.person)
        self.kindLabel.setBuddy(self.kind)
        self.channelLabel.setBuddy(self.channel)
        self.directionLabel.setBuddy(self.direction)
        self.atLabel.setBuddy(self.at)
        self.textLabel.setBuddy(self.text)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(QuickNote)

        QMetaObject.connectSlotsByName(QuickNote)
    # setupUi

    def retranslateUi(self, QuickNote):
        QuickNote.setWindowTitle(QCoreApplication.translate("QuickNote", u"Quick note", u"Title of the dialog opened with Ctrl+N"))
        self.intro.setText(QCoreApplication.translate("QuickNote", u"Write down a note, or log a call, DM or message. A reply you log here stops the reminders for that person.", None))
        self.personLabel.setText(QCoreApplication.translate("QuickNote", u"Who", u"Person the note or contact is about"))
        self.kindLabel.setText(QCoreApplication.translate("QuickNote", u"What", u"Kind of contact: note, call, DM or message"))
        self.channelLabel.setText(QCoreApplication.translate("QuickNote", u"Channel", None))
        self.directionLabel.setText(QCoreApplication.translate("QuickNote", u"Direction", u"Who contacted whom"))
        self.atLabel.setText(QCoreApplication.translate("QuickNote", u"When", u"Moment of the contact"))
        self.textLabel.setText(QCoreApplication.translate("QuickNote", u"Text", u"What was said or agreed"))
    # retranslateUi

