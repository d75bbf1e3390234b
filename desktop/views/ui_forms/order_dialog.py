# Generated from ui/order_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListView, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

from desktop.views.date_edit import DateEdit

class Ui_OrderForm(object):
    def setupUi(self, OrderForm):
        if not OrderForm.objectName():
            OrderForm.setObjectName(u"OrderForm")
        OrderForm.resize(960, 640)
        self.columns = QHBoxLayout(OrderForm)
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.customerBox = QGroupBox(OrderForm)
        self.customerBox.setObjectName(u"customerBox")
        self.customerForm = QFormLayout(self.customerBox)
        self.customerForm.setObjectName(u"customerForm")
        self.customerForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.customerPickLabel = QLabel(self.customerBox)
        self.customerPickLabel.setObjectName(u"customerPickLabel")

        self.customerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.customerPickLabel)

        self.customerPick = QComboBox(self.customerBox)
        self.customerPick.setObjectName(u"customerPick")

        self.customerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.customerPick)

        self.nameLabel = QLabel(self.customerBox)
        self.nameLabel.setObjectName(u"nameLabel")

        self.customerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.customerBox)
        self.name.setObjectName(u"name")

        self.customerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name)

        self.emailLabel = QLabel(self.customerBox)
        self.emailLabel.setObjectName(u"emailLabel")

        self.customerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(self.customerBox)
        self.email.setObjectName(u"email")
        self.email.setPlaceholderText(u"name@example.com")

        self.customerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.email)

        self.phoneLabel = QLabel(self.customerBox)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.customerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(self.customerBox)
        self.phone.setObjectName(u"phone")

        self.customerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phone)

        self.streetLabel = QLabel(self.customerBox)
        self.streetLabel.setObjectName(u"streetLabel")

        self.customerForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.streetLabel)

        self.street = QLineEdit(self.customerBox)
        self.street.setObjectName(u"street")

        self.customerForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.street)

        self.postcodeLabel = QLabel(self.customerBox)
        self.postcodeLabel.setObjectName(u"postcodeLabel")

        self.customerForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.postcodeLabel)

        self.postcodeRow = QHBoxLayout()
        self.postcodeRow.setObjectName(u"postcodeRow")
        self.postcode = QLineEdit(self.customerBox)
        self.postcode.setObjectName(u"postcode")
        self.postcode.setPlaceholderText(u"1234 AB")

        self.postcodeRow.addWidget(self.postcode)

        self.city = QLineEdit(self.customerBox)
        self.city.setObjectName(u"city")

        self.postcodeRow.addWidget(self.city)


        self.customerForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.postcodeRow)

        self.countryLabel = QLabel(self.customerBox)
        self.countryLabel.setObjectName(u"countryLabel")

        self.customerForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.country = QComboBox(self.customerBox)
        self.country.setObjectName(u"country")

        self.customerForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.country)

        self.languageLabel = QLabel(self.customerBox)
        self.languageLabel.setObjectName(u"languageLabel")

        self.customerForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageRow = QHBoxLayout()
        self.languageRow.setObjectName(u"languageRow")
        self.language = QComboBox(self.customerBox)
        self.language.setObjectName(u"language")

        self.languageRow.addWidget(self.language)

        self.addressForm = QComboBox(self.customerBox)
        self.addressForm.setObjectName(u"addressForm")

        self.languageRow.addWidget(self.addressForm)


        self.customerForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.languageRow)


        self.leftColumn.addWidget(self.customerBox)

        self.orderBox = QGroupBox(OrderForm)
        self.orderBox.setObjectName(u"orderBox")
        self.orderForm = QFormLayout(self.orderBox)
        self.orderForm.setObjectName(u"orderForm")
        self.orderForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.orderNumberLabel = QLabel(self.orderBox)
        self.orderNumberLabel.setObjectName(u"orderNumberLabel")

        self.orderForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.orderNumberLabel)

        self.orderNumber = QLineEdit(self.orderBox)
        self.orderNumber.setObjectName(u"orderNumber")

        self.orderForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.orderNumber)

        self.productLabel = QLabel(self.orderBox)
        self.productLabel.setObjectName(u"productLabel")

        self.orderForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.productLabel)

        self.product = QComboBox(self.orderBox)
        self.product.setObjectName(u"product")

        self.orderForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.product)

        self.quantityLabel = QLabel(self.orderBox)
        self.quantityLabel.setObjectName(u"quantityLabel")

        self.orderForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.quantityLabel)

        self.quantity = QSpinBox(self.orderBox)
        self.quantity.setObjectName(u"quantity")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.quantity.sizePolicy().hasHeightForWidth())
        self.quantity.setSizePolicy(sizePolicy)
        self.quantity.setMinimum(1)
        self.quantity.setMaximum(100000)

        self.orderForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.quantity)

        self.priceLabel = QLabel(self.orderBox)
        self.priceLabel.setObjectName(u"priceLabel")

        self.orderForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.priceLabel)

        self.price = QLineEdit(self.orderBox)
        self.price.setObjectName(u"price")

        self.orderForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.price)

        self.depositLabel = QLabel(self.orderBox)
        self.depositLabel.setObjectName(u"depositLabel")

        self.orderForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.depositLabel)

        self.deposit = QLineEdit(self.orderBox)
        self.deposit.setObjectName(u"deposit")

        self.orderForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.deposit)

        self.orderedOnLabel = QLabel(self.orderBox)
        self.orderedOnLabel.setObjectName(u"orderedOnLabel")

        self.orderForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.orderedOnLabel)

        self.orderedOn = DateEdit(self.orderBox)
        self.orderedOn.setObjectName(u"orderedOn")
        self.orderedOn.setCalendarPopup(True)

        self.orderForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.orderedOn)

        self.promisedReadyLabel = QLabel(self.orderBox)
        self.promisedReadyLabel.setObjectName(u"promisedReadyLabel")

        self.orderForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.promisedReadyLabel)

        self.promisedReady = DateEdit(self.orderBox)
        self.promisedReady.setObjectName(u"promisedReady")
        self.promisedReady.setCalendarPopup(True)

        self.orderForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.promisedReady)

        self.hasDelivery = QCheckBox(self.orderBox)
        self.hasDelivery.setObjectName(u"hasDelivery")

        self.orderForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.hasDelivery)

        self.promisedDelivery = DateEdit(self.orderBox)
        self.promisedDelivery.setObjectName(u"promisedDelivery")
        self.promisedDelivery.setCalendarPopup(True)

        self.orderForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.promisedDelivery)

        self.changeReasonLabel = QLabel(self.orderBox)
        self.changeReasonLabel.setObjectName(u"changeReasonLabel")

        self.orderForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.changeReasonLabel)

        self.changeReason = QLineEdit(self.orderBox)
        self.changeReason.setObjectName(u"changeReason")

        self.orderForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.changeReason)

        self.statusLabel = QLabel(self.orderBox)
        self.statusLabel.setObjectName(u"statusLabel")

        self.orderForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(self.orderBox)
        self.status.setObjectName(u"status")

        self.orderForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.status)


        self.leftColumn.addWidget(self.orderBox)


        self.columns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.personalBox = QGroupBox(OrderForm)
        self.personalBox.setObjectName(u"personalBox")
        self.personalForm = QFormLayout(self.personalBox)
        self.personalForm.setObjectName(u"personalForm")
        self.personalForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.personalisationLabel = QLabel(self.personalBox)
        self.personalisationLabel.setObjectName(u"personalisationLabel")

        self.personalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.personalisationLabel)

        self.personalisation = QLineEdit(self.personalBox)
        self.personalisation.setObjectName(u"personalisation")

        self.personalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.personalisation)

        self.fontLabel = QLabel(self.personalBox)
        self.fontLabel.setObjectName(u"fontLabel")

        self.personalForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fontLabel)

        self.font = QLineEdit(self.personalBox)
        self.font.setObjectName(u"font")

        self.personalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.font)

        self.colourLabel = QLabel(self.personalBox)
        self.colourLabel.setObjectName(u"colourLabel")

        self.personalForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.colourLabel)

        self.colour = QLineEdit(self.personalBox)
        self.colour.setObjectName(u"colour")

        self.personalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.colour)

        self.sizeLabel = QLabel(self.personalBox)
        self.sizeLabel.setObjectName(u"sizeLabel")

        self.personalForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sizeLabel)

        self.size = QLineEdit(self.personalBox)
        self.size.setObjectName(u"size")

        self.personalForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.size)

        self.noteLabel = QLabel(self.personalBox)
        self.noteLabel.setObjectName(u"noteLabel")

        self.personalForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QPlainTextEdit(self.personalBox)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumSize(QSize(16777215, 70))

        self.personalForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.note)

        self.picturesLabel = QLabel(self.personalBox)
        self.picturesLabel.setObjectName(u"picturesLabel")

        self.personalForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.picturesLabel)

        self.picturesBox = QVBoxLayout()
        self.picturesBox.setObjectName(u"picturesBox")
        self.pictures = QListWidget(self.personalBox)
        self.pictures.setObjectName(u"pictures")
        self.pictures.setMinimumSize(QSize(0, 96))
        self.pictures.setMaximumSize(QSize(16777215, 110))
        self.pictures.setViewMode(QListView.IconMode)
        self.pictures.setIconSize(QSize(72, 72))
        self.pictures.setAcceptDrops(True)

        self.picturesBox.addWidget(self.pictures)

        self.pictureButtons = QHBoxLayout()
        self.pictureButtons.setObjectName(u"pictureButtons")
        self.addPicture = QPushButton(self.personalBox)
        self.addPicture.setObjectName(u"addPicture")

        self.pictureButtons.addWidget(self.addPicture)

        self.removePicture = QPushButton(self.personalBox)
        self.removePicture.setObjectName(u"removePicture")

        self.pictureButtons.addWidget(self.removePicture)

        self.pictureSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pictureButtons.addItem(self.pictureSpacer)


        self.picturesBox.addLayout(self.pictureButtons)


        self.personalForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.picturesBox)


        self.rightColumn.addWidget(self.personalBox)

        self.shipTo = QCheckBox(OrderForm)
        self.shipTo.setObjectName(u"shipTo")

        self.rightColumn.addWidget(self.shipTo)

        self.shipToFields = QGroupBox(OrderForm)
        self.shipToFields.setObjectName(u"shipToFields")
        self.shipToForm = QFormLayout(self.shipToFields)
        self.shipToForm.setObjectName(u"shipToForm")
        self.shipToForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.shipNameLabel = QLabel(self.shipToFields)
        self.shipNameLabel.setObjectName(u"shipNameLabel")

        self.shipToForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.shipNameLabel)

        self.shipName = QLineEdit(self.shipToFields)
        self.shipName.setObjectName(u"shipName")

        self.shipToForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.shipName)

        self.shipStreetLabel = QLabel(self.shipToFields)
        self.shipStreetLabel.setObjectName(u"shipStreetLabel")

        self.shipToForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shipStreetLabel)

        self.shipStreet = QLineEdit(self.shipToFields)
        self.shipStreet.setObjectName(u"shipStreet")

        self.shipToForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shipStreet)

        self.shipPostcodeLabel = QLabel(self.shipToFields)
        self.shipPostcodeLabel.setObjectName(u"shipPostcodeLabel")

        self.shipToForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.shipPostcodeLabel)

        self.shipPostcodeRow = QHBoxLayout()
        self.shipPostcodeRow.setObjectName(u"shipPostcodeRow")
        self.shipPostcode = QLineEdit(self.shipToFields)
        self.shipPostcode.setObjectName(u"shipPostcode")
        self.shipPostcode.setPlaceholderText(u"1234 AB")

        self.shipPostcodeRow.addWidget(self.shipPostcode)

        self.shipCity = QLineEdit(self.shipToFields)
        self.shipCity.setObjectName(u"shipCity")

        self.shipPostcodeRow.addWidget(self.shipCity)


        self.shipToForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.shipPostcodeRow)

        self.shipCountryLabel = QLabel(self.shipToFields)
        self.shipCountryLabel.setObjectName(u"shipCountryLabel")

        self.shipToForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.shipCountryLabel)

        self.shipCountry = QComboBox(self.shipToFields)
        self.shipCountry.setObjectName(u"shipCountry")

        self.shipToForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.shipCountry)


        self.rightColumn.addWidget(self.shipToFields)

        self.todoBox = QGroupBox(OrderForm)
        self.todoBox.setObjectName(u"todoBox")
        self.todoLayout = QVBoxLayout(self.todoBox)
        self.todoLayout.setObjectName(u"todoLayout")
        self.checklist = QListWidget(self.todoBox)
        self.checklist.setObjectName(u"checklist")

        self.todoLayout.addWidget(self.checklist)

        self.todoButtons = QHBoxLayout()
        self.todoButtons.setObjectName(u"todoButtons")
        self.newTodo = QLineEdit(self.todoBox)
        self.newTodo.setObjectName(u"newTodo")

        self.todoButtons.addWidget(self.newTodo)

        self.addTodo = QPushButton(self.todoBox)
        self.addTodo.setObjectName(u"addTodo")

        self.todoButtons.addWidget(self.addTodo)

        self.removeTodo = QPushButton(self.todoBox)
        self.removeTodo.setObjectName(u"removeTodo")

        self.todoButtons.addWidget(self.removeTodo)


        self.todoLayout.addLayout(self.todoButtons)


        self.rightColumn.addWidget(self.todoBox)


        self.columns.addLayout(self.rightColumn)

#if QT_CONFIG(shortcut)
        self.customerPickLabel.setBuddy(self.customerPick)
        self.nameLabel.setBuddy(self.name)
        self.emailLabel.setBuddy(self.email)
        self.phoneLabel.setBuddy(self.phone)
        self.streetLabel.setBuddy(self.street)
        self.postcodeLabel.setBuddy(self.postcode)
        self.countryLabel.setBuddy(self.country)
        self.languageLabel.setBuddy(self.language)
        self.orderNumberLabel.setBuddy(self.orderNumber)
        self.productLabel.setBuddy(self.product)
        self.quantityLabel.setBuddy(self.quantity)
        self.priceLabel.setBuddy(self.price)
        self.depositLabel.setBuddy(self.deposit)
        self.orderedOnLabel.setBuddy(self.orderedOn)
        self.promisedReadyLabel.setBuddy(self.promisedReady)
        self.changeReasonLabel.setBuddy(self.changeReason)
        self.statusLabel.setBuddy(self.status)
        self.personalisationLabel.setBuddy(self.personalisation)
        self.fontLabel.setBuddy(self.font)
        self.colourLabel.setBuddy(self.colour)
        self.sizeLabel.setBuddy(self.size)
        self.noteLabel.setBuddy(self.note)
        self.picturesLabel.setBuddy(self.pictures)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OrderForm)

        QMetaObject.connectSlotsByName(OrderForm)
    # setupUi

    def retranslateUi(self, OrderForm):
        self.customerBox.setTitle(QCoreApplication.translate("OrderForm", u"Customer", None))
        self.customerPickLabel.setText(QCoreApplication.translate("OrderForm", u"Customer", None))
        self.nameLabel.setText(QCoreApplication.translate("OrderForm", u"Name", None))
        self.emailLabel.setText(QCoreApplication.translate("OrderForm", u"Email", None))
        self.phoneLabel.setText(QCoreApplication.translate("OrderForm", u"Phone", None))
        self.streetLabel.setText(QCoreApplication.translate("OrderForm", u"Street and number", None))
        self.postcodeLabel.setText(QCoreApplication.translate("OrderForm", u"Postcode and city", None))
        self.countryLabel.setText(QCoreApplication.translate("OrderForm", u"Country", None))
        self.languageLabel.setText(QCoreApplication.translate("OrderForm", u"Language", u"Which language the customer's messages are in"))
        self.orderBox.setTitle(QCoreApplication.translate("OrderForm", u"Order", None))
        self.orderNumberLabel.setText(QCoreApplication.translate("OrderForm", u"Shop order number", None))
        self.orderNumber.setPlaceholderText(QCoreApplication.translate("OrderForm", u"e.g. #1042", u"An example of a shop order number, shown in the empty field"))
        self.productLabel.setText(QCoreApplication.translate("OrderForm", u"Product", None))
        self.quantityLabel.setText(QCoreApplication.translate("OrderForm", u"Quantity", u"How many pieces of the product the customer ordered"))
        self.priceLabel.setText(QCoreApplication.translate("OrderForm", u"Price", None))
        self.price.setPlaceholderText(QCoreApplication.translate("OrderForm", u"24.95", u"An example amount; write it with the decimal mark people use in your language"))
        self.depositLabel.setText(QCoreApplication.translate("OrderForm", u"Deposit paid", None))
        self.deposit.setPlaceholderText(QCoreApplication.translate("OrderForm", u"0.00", u"An example amount; write it with the decimal mark people use in your language"))
        self.orderedOnLabel.setText(QCoreApplication.translate("OrderForm", u"Ordered on", None))
        self.promisedReadyLabel.setText(QCoreApplication.translate("OrderForm", u"Ready by", None))
        self.hasDelivery.setText(QCoreApplication.translate("OrderForm", u"Deliver by", None))
        self.changeReasonLabel.setText(QCoreApplication.translate("OrderForm", u"Why the date moves", None))
        self.changeReason.setPlaceholderText(QCoreApplication.translate("OrderForm", u"e.g. the silver is arriving late", None))
        self.statusLabel.setText(QCoreApplication.translate("OrderForm", u"Status", None))
        self.personalBox.setTitle(QCoreApplication.translate("OrderForm", u"Personalisation", None))
        self.personalisationLabel.setText(QCoreApplication.translate("OrderForm", u"Text", u"The text to engrave or print, e.g. a letter or a name"))
        self.personalisation.setPlaceholderText(QCoreApplication.translate("OrderForm", u"A letter or a name, e.g. M or Lotte", None))
        self.fontLabel.setText(QCoreApplication.translate("OrderForm", u"Font", None))
        self.colourLabel.setText(QCoreApplication.translate("OrderForm", u"Colour", None))
        self.sizeLabel.setText(QCoreApplication.translate("OrderForm", u"Size", None))
        self.noteLabel.setText(QCoreApplication.translate("OrderForm", u"Note", None))
        self.picturesLabel.setText(QCoreApplication.translate("OrderForm", u"Reference pictures", None))
#if QT_CONFIG(tooltip)
        self.pictures.setToolTip(QCoreApplication.translate("OrderForm", u"Drop pictures here, or use Add picture", None))
#endif // QT_CONFIG(tooltip)
        self.addPicture.setText(QCoreApplication.translate("OrderForm", u"Add picture\u2026", None))
        self.removePicture.setText(QCoreApplication.translate("OrderForm", u"Remove", None))
        self.shipTo.setText(QCoreApplication.translate("OrderForm", u"Deliver to another address (a gift, a workplace\u2026)", u"A tick box in the custom order form that opens the fields of another delivery address: the parcel goes to somebody else (a present) or elsewhere, not to the customer's address. The examples in brackets are there for an Alt letter in English; leave them out where the words alone read well"))
        self.shipNameLabel.setText(QCoreApplication.translate("OrderForm", u"Recipient", u"The person a custom order's parcel goes to"))
        self.shipStreetLabel.setText(QCoreApplication.translate("OrderForm", u"Street and number", None))
        self.shipPostcodeLabel.setText(QCoreApplication.translate("OrderForm", u"Postcode and city", None))
        self.shipCountryLabel.setText(QCoreApplication.translate("OrderForm", u"Country", None))
        self.todoBox.setTitle(QCoreApplication.translate("OrderForm", u"To do (only for you)", None))
        self.newTodo.setPlaceholderText(QCoreApplication.translate("OrderForm", u"New task, e.g. engrave", None))
        self.addTodo.setText(QCoreApplication.translate("OrderForm", u"Add", None))
        self.removeTodo.setText(QCoreApplication.translate("OrderForm", u"Remove", None))
        pass
    # retranslateUi

