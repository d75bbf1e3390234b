# Generated from ui/order_message.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
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
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from desktop.views.date_edit import DateEdit

class Ui_OrderMessageForm(object):
    def setupUi(self, OrderMessageForm):
        if not OrderMessageForm.objectName():
            OrderMessageForm.setObjectName(u"OrderMessageForm")
        OrderMessageForm.resize(640, 560)
        self.messageLayout = QVBoxLayout(OrderMessageForm)
        self.messageLayout.setObjectName(u"messageLayout")
        self.heading = QLabel(OrderMessageForm)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.PlainText)

        self.messageLayout.addWidget(self.heading)

        self.messageForm = QFormLayout()
        self.messageForm.setObjectName(u"messageForm")
        self.messageForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.kindLabel = QLabel(OrderMessageForm)
        self.kindLabel.setObjectName(u"kindLabel")

        self.messageForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(OrderMessageForm)
        self.kind.setObjectName(u"kind")

        self.messageForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.newDateLabel = QLabel(OrderMessageForm)
        self.newDateLabel.setObjectName(u"newDateLabel")

        self.messageForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newDateLabel)

        self.newDate = DateEdit(OrderMessageForm)
        self.newDate.setObjectName(u"newDate")
        self.newDate.setCalendarPopup(True)

        self.messageForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newDate)

        self.reasonLabel = QLabel(OrderMessageForm)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.messageForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QLineEdit(OrderMessageForm)
        self.reason.setObjectName(u"reason")

        self.messageForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reason)

        self.channelLabel = QLabel(OrderMessageForm)
        self.channelLabel.setObjectName(u"channelLabel")

        self.messageForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channel = QComboBox(OrderMessageForm)
        self.channel.setObjectName(u"channel")

        self.messageForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.channel)

        self.subjectLabel = QLabel(OrderMessageForm)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.messageForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subject = QLineEdit(OrderMessageForm)
        self.subject.setObjectName(u"subject")

        self.messageForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.subject)


        self.messageLayout.addLayout(self.messageForm)

        self.readerInfo = QLabel(OrderMessageForm)
        self.readerInfo.setObjectName(u"readerInfo")
        self.readerInfo.setTextFormat(Qt.PlainText)
        self.readerInfo.setWordWrap(True)

        self.messageLayout.addWidget(self.readerInfo)

        self.body = QPlainTextEdit(OrderMessageForm)
        self.body.setObjectName(u"body")
        self.body.setTabChangesFocus(True)

        self.messageLayout.addWidget(self.body)

        self.error = QLabel(OrderMessageForm)
        self.error.setObjectName(u"error")
        self.error.setTextFormat(Qt.PlainText)
        self.error.setWordWrap(True)
        self.error.setProperty(u"tone", u"red")

        self.messageLayout.addWidget(self.error)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.copy = QPushButton(OrderMessageForm)
        self.copy.setObjectName(u"copy")

        self.actions.addWidget(self.copy)

        self.mail = QPushButton(OrderMessageForm)
        self.mail.setObjectName(u"mail")

        self.actions.addWidget(self.mail)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actionsSpacer)

        self.markSent = QPushButton(OrderMessageForm)
        self.markSent.setObjectName(u"markSent")

        self.actions.addWidget(self.markSent)

        self.close = QPushButton(OrderMessageForm)
        self.close.setObjectName(u"close")

        self.actions.addWidget(self.close)


        self.messageLayout.addLayout(self.actions)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kind)
        self.newDateLabel.setBuddy(self.newDate)
        self.reasonLabel.setBuddy(self.reason)
        self.channelLabel.setBuddy(self.channel)
        self.subjectLabel.setBuddy(self.subject)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OrderMessageForm)

        QMetaObject.connectSlotsByName(OrderMessageForm)
    # setupUi

    def retranslateUi(self, OrderMessageForm):
        self.kindLabel.setText(QCoreApplication.translate("OrderMessageForm", u"Message", None))
        self.newDateLabel.setText(QCoreApplication.translate("OrderMessageForm", u"New expected date", None))
        self.reasonLabel.setText(QCoreApplication.translate("OrderMessageForm", u"Reason (kept in the history)", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("OrderMessageForm", u"e.g. the engraving machine needs repairing", None))
        self.channelLabel.setText(QCoreApplication.translate("OrderMessageForm", u"Send via", None))
        self.subjectLabel.setText(QCoreApplication.translate("OrderMessageForm", u"Subject", None))
        self.copy.setText(QCoreApplication.translate("OrderMessageForm", u"Copy message", None))
        self.mail.setText(QCoreApplication.translate("OrderMessageForm", u"Open in email app", None))
        self.markSent.setText(QCoreApplication.translate("OrderMessageForm", u"Mark as sent", None))
        self.close.setText(QCoreApplication.translate("OrderMessageForm", u"Close", None))
        pass
    # retranslateUi

