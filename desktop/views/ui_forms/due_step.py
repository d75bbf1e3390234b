# Generated from ui/due_step.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout,
    QWidget)

class Ui_DueStep(object):
    def setupUi(self, DueStep):
        if not DueStep.objectName():
            DueStep.setObjectName(u"DueStep")
        DueStep.resize(640, 620)
        self.layout = QVBoxLayout(DueStep)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(DueStep)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.PlainText)
        self.heading.setWordWrap(True)

        self.layout.addWidget(self.heading)

        self.about = QLabel(DueStep)
        self.about.setObjectName(u"about")
        self.about.setTextFormat(Qt.PlainText)
        self.about.setWordWrap(True)

        self.layout.addWidget(self.about)

        self.hint = QLabel(DueStep)
        self.hint.setObjectName(u"hint")
        self.hint.setTextFormat(Qt.PlainText)
        self.hint.setWordWrap(True)

        self.layout.addWidget(self.hint)

        self.pages = QStackedWidget(DueStep)
        self.pages.setObjectName(u"pages")
        self.messagePage = QWidget()
        self.messagePage.setObjectName(u"messagePage")
        self.messageLayout = QVBoxLayout(self.messagePage)
        self.messageLayout.setObjectName(u"messageLayout")
        self.messageLayout.setContentsMargins(0, -1, 0, -1)
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.channelLabel = QLabel(self.messagePage)
        self.channelLabel.setObjectName(u"channelLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channel = QComboBox(self.messagePage)
        self.channel.setObjectName(u"channel")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.channel)

        self.subjectLabel = QLabel(self.messagePage)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subject = QLineEdit(self.messagePage)
        self.subject.setObjectName(u"subject")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.subject)


        self.messageLayout.addLayout(self.form)

        self.message = QPlainTextEdit(self.messagePage)
        self.message.setObjectName(u"message")
        self.message.setTabChangesFocus(True)

        self.messageLayout.addWidget(self.message)

        self.sendRow = QHBoxLayout()
        self.sendRow.setObjectName(u"sendRow")
        self.copyButton = QPushButton(self.messagePage)
        self.copyButton.setObjectName(u"copyButton")

        self.sendRow.addWidget(self.copyButton)

        self.openButton = QPushButton(self.messagePage)
        self.openButton.setObjectName(u"openButton")
        self.openButton.setText(u"\u2026")

        self.sendRow.addWidget(self.openButton)

        self.number = QLabel(self.messagePage)
        self.number.setObjectName(u"number")
        self.number.setTextFormat(Qt.PlainText)
        self.number.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.sendRow.addWidget(self.number)

        self.sendSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sendRow.addItem(self.sendSpacer)

        self.sentEarlierButton = QPushButton(self.messagePage)
        self.sentEarlierButton.setObjectName(u"sentEarlierButton")

        self.sendRow.addWidget(self.sentEarlierButton)


        self.messageLayout.addLayout(self.sendRow)

        self.pages.addWidget(self.messagePage)
        self.strikePage = QWidget()
        self.strikePage.setObjectName(u"strikePage")
        self.strikeLayout = QVBoxLayout(self.strikePage)
        self.strikeLayout.setObjectName(u"strikeLayout")
        self.strikeText = QLabel(self.strikePage)
        self.strikeText.setObjectName(u"strikeText")
        self.strikeText.setTextFormat(Qt.PlainText)
        self.strikeText.setWordWrap(True)

        self.strikeLayout.addWidget(self.strikeText)

        self.strikeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.strikeLayout.addItem(self.strikeSpacer)

        self.pages.addWidget(self.strikePage)

        self.layout.addWidget(self.pages)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.sentButton = QPushButton(DueStep)
        self.sentButton.setObjectName(u"sentButton")

        self.actions.addWidget(self.sentButton)

        self.strikeButton = QPushButton(DueStep)
        self.strikeButton.setObjectName(u"strikeButton")

        self.actions.addWidget(self.strikeButton)

        self.replyButton = QPushButton(DueStep)
        self.replyButton.setObjectName(u"replyButton")

        self.actions.addWidget(self.replyButton)

        self.snoozeButton = QPushButton(DueStep)
        self.snoozeButton.setObjectName(u"snoozeButton")

        self.actions.addWidget(self.snoozeButton)

        self.dismissButton = QPushButton(DueStep)
        self.dismissButton.setObjectName(u"dismissButton")

        self.actions.addWidget(self.dismissButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actionsSpacer)

        self.closeButton = QPushButton(DueStep)
        self.closeButton.setObjectName(u"closeButton")

        self.actions.addWidget(self.closeButton)


        self.layout.addLayout(self.actions)


        self.retranslateUi(DueStep)

        QMetaObject.connectSlotsByName(DueStep)
    # setupUi

    def retranslateUi(self, DueStep):
        self.channelLabel.setText(QCoreApplication.translate("DueStep", u"Channel", None))
        self.subjectLabel.setText(QCoreApplication.translate("DueStep", u"Subject", u"Subject line of an email"))
        self.copyButton.setText(QCoreApplication.translate("DueStep", u"Copy message", None))
        self.sentEarlierButton.setText(QCoreApplication.translate("DueStep", u"Sent earlier\u2026", u"Button on a reminder: the owner sent this message on an earlier day"))
        self.sentButton.setText(QCoreApplication.translate("DueStep", u"Mark as sent", u"Button: the owner has sent the message"))
        self.strikeButton.setText(QCoreApplication.translate("DueStep", u"Add a strike", None))
        self.replyButton.setText(QCoreApplication.translate("DueStep", u"Reply received\u2026", None))
        self.snoozeButton.setText(QCoreApplication.translate("DueStep", u"Later", u"Button with a menu: remind me later"))
        self.dismissButton.setText(QCoreApplication.translate("DueStep", u"Done without a message", u"Button: handled without sending this message"))
        self.closeButton.setText(QCoreApplication.translate("DueStep", u"Close", None))
        pass
    # retranslateUi

