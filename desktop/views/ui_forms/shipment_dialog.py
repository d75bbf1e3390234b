# Generated from ui/shipment_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QGroupBox, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget)

from desktop.views.date_edit import DateEdit

class Ui_ShipmentDialog(object):
    def setupUi(self, ShipmentDialog):
        if not ShipmentDialog.objectName():
            ShipmentDialog.setObjectName(u"ShipmentDialog")
        ShipmentDialog.resize(560, 600)
        self.layout = QVBoxLayout(ShipmentDialog)
        self.layout.setObjectName(u"layout")
        self.recipient = QLabel(ShipmentDialog)
        self.recipient.setObjectName(u"recipient")
        self.recipient.setTextFormat(Qt.PlainText)
        self.recipient.setWordWrap(True)

        self.layout.addWidget(self.recipient)

        self.addressBox = QGroupBox(ShipmentDialog)
        self.addressBox.setObjectName(u"addressBox")
        self.addressGrid = QGridLayout(self.addressBox)
        self.addressGrid.setObjectName(u"addressGrid")
        self.address = QLabel(self.addressBox)
        self.address.setObjectName(u"address")
        self.address.setTextFormat(Qt.PlainText)
        self.address.setWordWrap(True)

        self.addressGrid.addWidget(self.address, 0, 0, 1, 4)

        self.streetLabel = QLabel(self.addressBox)
        self.streetLabel.setObjectName(u"streetLabel")

        self.addressGrid.addWidget(self.streetLabel, 1, 0, 1, 1)

        self.street = QLineEdit(self.addressBox)
        self.street.setObjectName(u"street")

        self.addressGrid.addWidget(self.street, 1, 1, 1, 3)

        self.postcodeLabel = QLabel(self.addressBox)
        self.postcodeLabel.setObjectName(u"postcodeLabel")

        self.addressGrid.addWidget(self.postcodeLabel, 2, 0, 1, 1)

        self.postcode = QLineEdit(self.addressBox)
        self.postcode.setObjectName(u"postcode")
        self.postcode.setMaximumSize(QSize(110, 16777215))

        self.addressGrid.addWidget(self.postcode, 2, 1, 1, 1)

        self.cityLabel = QLabel(self.addressBox)
        self.cityLabel.setObjectName(u"cityLabel")

        self.addressGrid.addWidget(self.cityLabel, 2, 2, 1, 1)

        self.city = QLineEdit(self.addressBox)
        self.city.setObjectName(u"city")

        self.addressGrid.addWidget(self.city, 2, 3, 1, 1)

        self.countryLabel = QLabel(self.addressBox)
        self.countryLabel.setObjectName(u"countryLabel")

        self.addressGrid.addWidget(self.countryLabel, 3, 0, 1, 1)

        self.country = QComboBox(self.addressBox)
        self.country.setObjectName(u"country")

        self.addressGrid.addWidget(self.country, 3, 1, 1, 3)

        self.addressProblem = QLabel(self.addressBox)
        self.addressProblem.setObjectName(u"addressProblem")
        self.addressProblem.setTextFormat(Qt.PlainText)
        self.addressProblem.setWordWrap(True)
        self.addressProblem.setStyleSheet(u"color: #a01c1c;")

        self.addressGrid.addWidget(self.addressProblem, 4, 1, 1, 3)


        self.layout.addWidget(self.addressBox)

        self.productsLabel = QLabel(ShipmentDialog)
        self.productsLabel.setObjectName(u"productsLabel")

        self.layout.addWidget(self.productsLabel)

        self.products = QListWidget(ShipmentDialog)
        self.products.setObjectName(u"products")
        self.products.setMaximumSize(QSize(16777215, 120))

        self.layout.addWidget(self.products)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.collaborationLabel = QLabel(ShipmentDialog)
        self.collaborationLabel.setObjectName(u"collaborationLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.collaborationLabel)

        self.collaboration = QComboBox(ShipmentDialog)
        self.collaboration.setObjectName(u"collaboration")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.collaboration)

        self.carrierLabel = QLabel(ShipmentDialog)
        self.carrierLabel.setObjectName(u"carrierLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.carrierLabel)

        self.carrier = QComboBox(ShipmentDialog)
        self.carrier.setObjectName(u"carrier")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.carrier)

        self.trackingLabel = QLabel(ShipmentDialog)
        self.trackingLabel.setObjectName(u"trackingLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.trackingLabel)

        self.tracking = QLineEdit(ShipmentDialog)
        self.tracking.setObjectName(u"tracking")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.tracking)

        self.trackingProblem = QLabel(ShipmentDialog)
        self.trackingProblem.setObjectName(u"trackingProblem")
        self.trackingProblem.setTextFormat(Qt.PlainText)
        self.trackingProblem.setWordWrap(True)
        self.trackingProblem.setProperty(u"tone", u"red")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.trackingProblem)

        self.shippingLabel = QLabel(ShipmentDialog)
        self.shippingLabel.setObjectName(u"shippingLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.shippingLabel)

        self.shipping = QLineEdit(ShipmentDialog)
        self.shipping.setObjectName(u"shipping")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.shipping)

        self.shippingProblem = QLabel(ShipmentDialog)
        self.shippingProblem.setObjectName(u"shippingProblem")
        self.shippingProblem.setTextFormat(Qt.PlainText)
        self.shippingProblem.setWordWrap(True)
        self.shippingProblem.setProperty(u"tone", u"red")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.shippingProblem)

        self.sent = QCheckBox(ShipmentDialog)
        self.sent.setObjectName(u"sent")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.sent)

        self.sentOnLabel = QLabel(ShipmentDialog)
        self.sentOnLabel.setObjectName(u"sentOnLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.sentOnLabel)

        self.sentOn = DateEdit(ShipmentDialog)
        self.sentOn.setObjectName(u"sentOn")
        self.sentOn.setEnabled(False)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.sentOn.sizePolicy().hasHeightForWidth())
        self.sentOn.setSizePolicy(sizePolicy)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.sentOn)

        self.sentOnProblem = QLabel(ShipmentDialog)
        self.sentOnProblem.setObjectName(u"sentOnProblem")
        self.sentOnProblem.setTextFormat(Qt.PlainText)
        self.sentOnProblem.setWordWrap(True)
        self.sentOnProblem.setProperty(u"tone", u"red")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sentOnProblem)


        self.layout.addLayout(self.form)

        self.value = QLabel(ShipmentDialog)
        self.value.setObjectName(u"value")
        self.value.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.value)

        self.buttons = QDialogButtonBox(ShipmentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.streetLabel.setBuddy(self.street)
        self.postcodeLabel.setBuddy(self.postcode)
        self.cityLabel.setBuddy(self.city)
        self.countryLabel.setBuddy(self.country)
        self.collaborationLabel.setBuddy(self.collaboration)
        self.carrierLabel.setBuddy(self.carrier)
        self.trackingLabel.setBuddy(self.tracking)
        self.shippingLabel.setBuddy(self.shipping)
        self.sentOnLabel.setBuddy(self.sentOn)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ShipmentDialog)

        QMetaObject.connectSlotsByName(ShipmentDialog)
    # setupUi

    def retranslateUi(self, ShipmentDialog):
        ShipmentDialog.setWindowTitle(QCoreApplication.translate("ShipmentDialog", u"Send products", None))
        self.addressBox.setTitle(QCoreApplication.translate("ShipmentDialog", u"Address", u"Group of fields in the parcel dialog: where the parcel goes"))
        self.streetLabel.setText(QCoreApplication.translate("ShipmentDialog", u"Street and &number", None))
        self.postcodeLabel.setText(QCoreApplication.translate("ShipmentDialog", u"&Postcode", None))
        self.cityLabel.setText(QCoreApplication.translate("ShipmentDialog", u"C&ity", None))
        self.countryLabel.setText(QCoreApplication.translate("ShipmentDialog", u"Co&untry", None))
        self.productsLabel.setText(QCoreApplication.translate("ShipmentDialog", u"Products in this parcel", None))
#if QT_CONFIG(accessibility)
        self.products.setAccessibleName(QCoreApplication.translate("ShipmentDialog", u"Products in this parcel", None))
#endif // QT_CONFIG(accessibility)
        self.collaborationLabel.setText(QCoreApplication.translate("ShipmentDialog", u"For the collaboration", None))
        self.carrierLabel.setText(QCoreApplication.translate("ShipmentDialog", u"&Carrier", None))
        self.trackingLabel.setText(QCoreApplication.translate("ShipmentDialog", u"&Tracking code or link", None))
        self.tracking.setPlaceholderText(QCoreApplication.translate("ShipmentDialog", u"code, or paste the link from the carrier's email", None))
        self.shippingLabel.setText(QCoreApplication.translate("ShipmentDialog", u"&Shipping cost", None))
        self.shipping.setPlaceholderText(QCoreApplication.translate("ShipmentDialog", u"e.g. 4.95", None))
        self.sent.setText(QCoreApplication.translate("ShipmentDialog", u"Already handed to the carrier (mark as sent)", None))
        self.sentOnLabel.setText(QCoreApplication.translate("ShipmentDialog", u"Sent &on", u"Parcel dialog: the day the parcel was handed to the carrier"))
    # retranslateUi

