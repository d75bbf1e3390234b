# Generated from ui/strike_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_StrikeDialog(object):
    def setupUi(self, StrikeDialog):
        if not StrikeDialog.objectName():
            StrikeDialog.setObjectName(u"StrikeDialog")
        StrikeDialog.resize(560, 520)
        self.layout = QVBoxLayout(StrikeDialog)
        self.layout.setObjectName(u"layout")
        self.strikeWarning = QLabel(StrikeDialog)
        self.strikeWarning.setObjectName(u"strikeWarning")
        self.strikeWarning.setWordWrap(True)
        self.strikeWarning.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.strikeWarning)

        self.strikeForm = QFormLayout()
        self.strikeForm.setObjectName(u"strikeForm")
        self.reasonLabel = QLabel(StrikeDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.strikeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QComboBox(StrikeDialog)
        self.reason.setObjectName(u"reason")

        self.strikeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason)

        self.collaborationLabel = QLabel(StrikeDialog)
        self.collaborationLabel.setObjectName(u"collaborationLabel")

        self.strikeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.collaborationLabel)

        self.collaboration = QComboBox(StrikeDialog)
        self.collaboration.setObjectName(u"collaboration")

        self.strikeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.collaboration)

        self.linkLabel = QLabel(StrikeDialog)
        self.linkLabel.setObjectName(u"linkLabel")

        self.strikeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.linkLabel)

        self.link = QLineEdit(StrikeDialog)
        self.link.setObjectName(u"link")

        self.strikeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.link)

        self.noteLabel = QLabel(StrikeDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.strikeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QPlainTextEdit(StrikeDialog)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumSize(QSize(16777215, 80))

        self.strikeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.note)


        self.layout.addLayout(self.strikeForm)

        self.eventsLabel = QLabel(StrikeDialog)
        self.eventsLabel.setObjectName(u"eventsLabel")

        self.layout.addWidget(self.eventsLabel)

        self.events = QListWidget(StrikeDialog)
        self.events.setObjectName(u"events")

        self.layout.addWidget(self.events)

        self.evidenceLabel = QLabel(StrikeDialog)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.layout.addWidget(self.evidenceLabel)

        self.evidencePictures = QListWidget(StrikeDialog)
        self.evidencePictures.setObjectName(u"evidencePictures")
        self.evidencePictures.setIconSize(QSize(48, 48))
        self.evidencePictures.setMaximumSize(QSize(16777215, 140))

        self.layout.addWidget(self.evidencePictures)

        self.buttons = QDialogButtonBox(StrikeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reason)
        self.collaborationLabel.setBuddy(self.collaboration)
        self.linkLabel.setBuddy(self.link)
        self.noteLabel.setBuddy(self.note)
        self.eventsLabel.setBuddy(self.events)
        self.evidenceLabel.setBuddy(self.evidencePictures)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StrikeDialog)

        QMetaObject.connectSlotsByName(StrikeDialog)
    # setupUi

    def retranslateUi(self, StrikeDialog):
        StrikeDialog.setWindowTitle(QCoreApplication.translate("StrikeDialog", u"Add a strike", None))
        self.reasonLabel.setText(QCoreApplication.translate("StrikeDialog", u"Reason", None))
        self.collaborationLabel.setText(QCoreApplication.translate("StrikeDialog", u"Collaboration", None))
        self.linkLabel.setText(QCoreApplication.translate("StrikeDialog", u"Evidence link", None))
        self.link.setPlaceholderText(QCoreApplication.translate("StrikeDialog", u"e.g. a screenshot or the post", None))
        self.noteLabel.setText(QCoreApplication.translate("StrikeDialog", u"Note", None))
        self.note.setPlaceholderText(QCoreApplication.translate("StrikeDialog", u"What happened, in a few words", None))
        self.eventsLabel.setText(QCoreApplication.translate("StrikeDialog", u"Timeline events this strike refers to", None))
        self.evidenceLabel.setText(QCoreApplication.translate("StrikeDialog", u"Evidence pictures this strike refers to", None))
    # retranslateUi

