# Generated from ui/end_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_EndDialog(object):
    def setupUi(self, EndDialog):
        if not EndDialog.objectName():
            EndDialog.setObjectName(u"EndDialog")
        EndDialog.resize(600, 540)
        self.layout = QVBoxLayout(EndDialog)
        self.layout.setObjectName(u"layout")
        self.endForm = QFormLayout()
        self.endForm.setObjectName(u"endForm")
        self.outcomeLabel = QLabel(EndDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.endForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcome = QComboBox(EndDialog)
        self.outcome.setObjectName(u"outcome")

        self.endForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcome)

        self.reasonLabel = QLabel(EndDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.endForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QLineEdit(EndDialog)
        self.reason.setObjectName(u"reason")

        self.endForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason)


        self.layout.addLayout(self.endForm)

        self.messageLabel = QLabel(EndDialog)
        self.messageLabel.setObjectName(u"messageLabel")

        self.layout.addWidget(self.messageLabel)

        self.message = QPlainTextEdit(EndDialog)
        self.message.setObjectName(u"message")
        self.message.setTabChangesFocus(True)

        self.layout.addWidget(self.message)

        self.messageButtons = QHBoxLayout()
        self.messageButtons.setObjectName(u"messageButtons")
        self.copyMessage = QPushButton(EndDialog)
        self.copyMessage.setObjectName(u"copyMessage")

        self.messageButtons.addWidget(self.copyMessage)

        self.message_sent = QCheckBox(EndDialog)
        self.message_sent.setObjectName(u"message_sent")
        self.message_sent.setChecked(True)

        self.messageButtons.addWidget(self.message_sent)

        self.messageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.messageButtons.addItem(self.messageSpacer)


        self.layout.addLayout(self.messageButtons)

        self.block = QCheckBox(EndDialog)
        self.block.setObjectName(u"block")

        self.layout.addWidget(self.block)

        self.blockForm = QFormLayout()
        self.blockForm.setObjectName(u"blockForm")
        self.block_reasonLabel = QLabel(EndDialog)
        self.block_reasonLabel.setObjectName(u"block_reasonLabel")

        self.blockForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.block_reasonLabel)

        self.block_reason = QLineEdit(EndDialog)
        self.block_reason.setObjectName(u"block_reason")

        self.blockForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.block_reason)


        self.layout.addLayout(self.blockForm)

        self.buttons = QDialogButtonBox(EndDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.outcomeLabel.setBuddy(self.outcome)
        self.reasonLabel.setBuddy(self.reason)
        self.messageLabel.setBuddy(self.message)
        self.block_reasonLabel.setBuddy(self.block_reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EndDialog)

        QMetaObject.connectSlotsByName(EndDialog)
    # setupUi

    def retranslateUi(self, EndDialog):
        EndDialog.setWindowTitle(QCoreApplication.translate("EndDialog", u"End the collaboration", None))
        self.outcomeLabel.setText(QCoreApplication.translate("EndDialog", u"How it ended", None))
        self.reasonLabel.setText(QCoreApplication.translate("EndDialog", u"Reason", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("EndDialog", u"e.g. the timing doesn't work out", None))
        self.messageLabel.setText(QCoreApplication.translate("EndDialog", u"Message to the influencer (edit as you like, then copy it)", None))
        self.copyMessage.setText(QCoreApplication.translate("EndDialog", u"Copy message", None))
        self.message_sent.setText(QCoreApplication.translate("EndDialog", u"I sent this message: keep it on the timeline", None))
        self.block.setText(QCoreApplication.translate("EndDialog", u"Also block: new collaborations only as a deliberate exception", None))
        self.block_reasonLabel.setText(QCoreApplication.translate("EndDialog", u"Reason for blocking", None))
    # retranslateUi

