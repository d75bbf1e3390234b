# Generated from ui/order_ship.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

from desktop.views.date_edit import DateEdit

class Ui_OrderShipForm(object):
    def setupUi(self, OrderShipForm):
        if not OrderShipForm.objectName():
            OrderShipForm.setObjectName(u"OrderShipForm")
        OrderShipForm.resize(460, 200)
        self.shipLayout = QVBoxLayout(OrderShipForm)
        self.shipLayout.setObjectName(u"shipLayout")
        self.heading = QLabel(OrderShipForm)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.PlainText)
        self.heading.setWordWrap(True)

        self.shipLayout.addWidget(self.heading)

        self.shipForm = QFormLayout()
        self.shipForm.setObjectName(u"shipForm")
        self.shipForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.carrierLabel = QLabel(OrderShipForm)
        self.carrierLabel.setObjectName(u"carrierLabel")

        self.shipForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.carrierLabel)

        self.carrier = QComboBox(OrderShipForm)
        self.carrier.setObjectName(u"carrier")

        self.shipForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.carrier)

        self.trackingCodeLabel = QLabel(OrderShipForm)
        self.trackingCodeLabel.setObjectName(u"trackingCodeLabel")

        self.shipForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.trackingCodeLabel)

        self.trackingCode = QLineEdit(OrderShipForm)
        self.trackingCode.setObjectName(u"trackingCode")

        self.shipForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.trackingCode)

        self.trackingUrlLabel = QLabel(OrderShipForm)
        self.trackingUrlLabel.setObjectName(u"trackingUrlLabel")

        self.shipForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.trackingUrlLabel)

        self.trackingUrl = QLineEdit(OrderShipForm)
        self.trackingUrl.setObjectName(u"trackingUrl")

        self.shipForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.trackingUrl)

        self.sentOnLabel = QLabel(OrderShipForm)
        self.sentOnLabel.setObjectName(u"sentOnLabel")

        self.shipForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sentOnLabel)

        self.sentOn = DateEdit(OrderShipForm)
        self.sentOn.setObjectName(u"sentOn")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.sentOn.sizePolicy().hasHeightForWidth())
        self.sentOn.setSizePolicy(sizePolicy)

        self.shipForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sentOn)


        self.shipLayout.addLayout(self.shipForm)

        self.error = QLabel(OrderShipForm)
        self.error.setObjectName(u"error")
        self.error.setTextFormat(Qt.PlainText)
        self.error.setWordWrap(True)
        self.error.setProperty(u"tone", u"red")

        self.shipLayout.addWidget(self.error)

#if QT_CONFIG(shortcut)
        self.carrierLabel.setBuddy(self.carrier)
        self.trackingCodeLabel.setBuddy(self.trackingCode)
        self.trackingUrlLabel.setBuddy(self.trackingUrl)
        self.sentOnLabel.setBuddy(self.sentOn)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OrderShipForm)

        QMetaObject.connectSlotsByName(OrderShipForm)
    # setupUi

    def retranslateUi(self, OrderShipForm):
        self.carrierLabel.setText(QCoreApplication.translate("OrderShipForm", u"Carrier", None))
        self.trackingCodeLabel.setText(QCoreApplication.translate("OrderShipForm", u"Tracking code", None))
        self.trackingUrlLabel.setText(QCoreApplication.translate("OrderShipForm", u"Tracking link", None))
        self.trackingUrl.setPlaceholderText(QCoreApplication.translate("OrderShipForm", u"Paste the link from the carrier's email, if you have it", None))
        self.sentOnLabel.setText(QCoreApplication.translate("OrderShipForm", u"Sent &on", u"Custom order shipping dialog: the day the parcel was handed to the carrier"))
        pass
    # retranslateUi

