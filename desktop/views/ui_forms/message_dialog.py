# Generated from ui/message_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QHBoxLayout,
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_MessageDialog(object):
    def setupUi(self, MessageDialog):
        if not MessageDialog.objectName():
            MessageDialog.setObjectName(u"MessageDialog")
        MessageDialog.resize(560, 460)
        self.layout = QVBoxLayout(MessageDialog)
        self.layout.setObjectName(u"layout")
        self.prompt = QLabel(MessageDialog)
        self.prompt.setObjectName(u"prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.prompt)

        self.message = QPlainTextEdit(MessageDialog)
        self.message.setObjectName(u"message")
        self.message.setTabChangesFocus(True)

        self.layout.addWidget(self.message)

        self.messageButtons = QHBoxLayout()
        self.messageButtons.setObjectName(u"messageButtons")
        self.copyMessage = QPushButton(MessageDialog)
        self.copyMessage.setObjectName(u"copyMessage")

        self.messageButtons.addWidget(self.copyMessage)

        self.messageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.messageButtons.addItem(self.messageSpacer)


        self.layout.addLayout(self.messageButtons)

        self.buttons = QDialogButtonBox(MessageDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(MessageDialog)

        QMetaObject.connectSlotsByName(MessageDialog)
    # setupUi

    def retranslateUi(self, MessageDialog):
        MessageDialog.setWindowTitle(QCoreApplication.translate("MessageDialog", u"Message", None))
        self.copyMessage.setText(QCoreApplication.translate("MessageDialog", u"Copy message", None))
    # retranslateUi

