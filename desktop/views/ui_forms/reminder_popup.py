# Generated from ui/reminder_popup.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QToolButton, QVBoxLayout,
    QWidget)

class Ui_ReminderPopup(object):
    def setupUi(self, ReminderPopup):
        if not ReminderPopup.objectName():
            ReminderPopup.setObjectName(u"ReminderPopup")
        ReminderPopup.resize(380, 150)
        ReminderPopup.setFrameShape(QFrame.StyledPanel)
        self.layout = QVBoxLayout(ReminderPopup)
        self.layout.setObjectName(u"layout")
        self.title = QLabel(ReminderPopup)
        self.title.setObjectName(u"title")
        self.title.setTextFormat(Qt.PlainText)
        self.title.setWordWrap(True)

        self.layout.addWidget(self.title)

        self.body = QLabel(ReminderPopup)
        self.body.setObjectName(u"body")
        self.body.setTextFormat(Qt.PlainText)
        self.body.setWordWrap(True)

        self.layout.addWidget(self.body)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.openButton = QPushButton(ReminderPopup)
        self.openButton.setObjectName(u"openButton")

        self.buttons.addWidget(self.openButton)

        self.snoozeHourButton = QPushButton(ReminderPopup)
        self.snoozeHourButton.setObjectName(u"snoozeHourButton")

        self.buttons.addWidget(self.snoozeHourButton)

        self.snoozeTomorrowButton = QPushButton(ReminderPopup)
        self.snoozeTomorrowButton.setObjectName(u"snoozeTomorrowButton")

        self.buttons.addWidget(self.snoozeTomorrowButton)

        self.doneButton = QPushButton(ReminderPopup)
        self.doneButton.setObjectName(u"doneButton")
        self.doneButton.setText(u"Done")

        self.buttons.addWidget(self.doneButton)

        self.closeButton = QToolButton(ReminderPopup)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setText(u"\u00d7")
        self.closeButton.setAutoRaise(True)

        self.buttons.addWidget(self.closeButton)


        self.layout.addLayout(self.buttons)


        self.retranslateUi(ReminderPopup)

        QMetaObject.connectSlotsByName(ReminderPopup)
    # setupUi

    def retranslateUi(self, ReminderPopup):
        self.openButton.setText(QCoreApplication.translate("ReminderPopup", u"Open", u"Button on a reminder popup: open the reminder"))
        self.snoozeHourButton.setText(QCoreApplication.translate("ReminderPopup", u"In 1 hour", u"Button on a reminder popup: remind again in one hour"))
        self.snoozeTomorrowButton.setText(QCoreApplication.translate("ReminderPopup", u"Tomorrow 09:00", u"Button on a reminder popup: remind again tomorrow at 09:00"))
        pass
    # retranslateUi

