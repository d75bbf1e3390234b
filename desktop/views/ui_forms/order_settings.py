# Generated from ui/order_settings.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_OrderSettingsForm(object):
    def setupUi(self, OrderSettingsForm):
        if not OrderSettingsForm.objectName():
            OrderSettingsForm.setObjectName(u"OrderSettingsForm")
        OrderSettingsForm.resize(560, 180)
        self.settingsLayout = QVBoxLayout(OrderSettingsForm)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.settingsForm = QFormLayout()
        self.settingsForm.setObjectName(u"settingsForm")
        self.settingsForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.warnLabel = QLabel(OrderSettingsForm)
        self.warnLabel.setObjectName(u"warnLabel")

        self.settingsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.warnLabel)

        self.warnDays = QSpinBox(OrderSettingsForm)
        self.warnDays.setObjectName(u"warnDays")
        self.warnDays.setMinimum(0)
        self.warnDays.setMaximum(30)

        self.settingsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.warnDays)

        self.updateLabel = QLabel(OrderSettingsForm)
        self.updateLabel.setObjectName(u"updateLabel")

        self.settingsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.updateLabel)

        self.updateDays = QSpinBox(OrderSettingsForm)
        self.updateDays.setObjectName(u"updateDays")
        self.updateDays.setMinimum(0)
        self.updateDays.setMaximum(60)

        self.settingsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.updateDays)


        self.settingsLayout.addLayout(self.settingsForm)

        self.explain = QLabel(OrderSettingsForm)
        self.explain.setObjectName(u"explain")
        self.explain.setWordWrap(True)

        self.settingsLayout.addWidget(self.explain)

#if QT_CONFIG(shortcut)
        self.warnLabel.setBuddy(self.warnDays)
        self.updateLabel.setBuddy(self.updateDays)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OrderSettingsForm)

        QMetaObject.connectSlotsByName(OrderSettingsForm)
    # setupUi

    def retranslateUi(self, OrderSettingsForm):
        self.warnLabel.setText(QCoreApplication.translate("OrderSettingsForm", u"Remind me to update the customer this many days before the promised date", None))
        self.updateLabel.setText(QCoreApplication.translate("OrderSettingsForm", u"Remind me to send an update after this many days in production without news (0 = never)", None))
        self.explain.setText(QCoreApplication.translate("OrderSettingsForm", u"The reminder falls due at the start of that day, once your quiet hours are over; there is none if the order is already ready. You'll find these reminders in the order's details and with your other reminders.", None))
        pass
    # retranslateUi

