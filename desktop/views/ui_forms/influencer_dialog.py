# Generated from ui/influencer_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox,
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_InfluencerDialog(object):
    def setupUi(self, InfluencerDialog):
        if not InfluencerDialog.objectName():
            InfluencerDialog.setObjectName(u"InfluencerDialog")
        InfluencerDialog.resize(860, 520)
        self.layout = QVBoxLayout(InfluencerDialog)
        self.layout.setObjectName(u"layout")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.profileForm = QFormLayout()
        self.profileForm.setObjectName(u"profileForm")
        self.nameLabel = QLabel(InfluencerDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.profileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(InfluencerDialog)
        self.name.setObjectName(u"name")

        self.profileForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.emailLabel = QLabel(InfluencerDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.profileForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(InfluencerDialog)
        self.email.setObjectName(u"email")

        self.profileForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.email)

        self.phoneLabel = QLabel(InfluencerDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.profileForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(InfluencerDialog)
        self.phone.setObjectName(u"phone")

        self.profileForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phone)

        self.whatsappLabel = QLabel(InfluencerDialog)
        self.whatsappLabel.setObjectName(u"whatsappLabel")

        self.profileForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.whatsappLabel)

        self.whatsapp = QLineEdit(InfluencerDialog)
        self.whatsapp.setObjectName(u"whatsapp")

        self.profileForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.whatsapp)

        self.streetLabel = QLabel(InfluencerDialog)
        self.streetLabel.setObjectName(u"streetLabel")

        self.profileForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.streetLabel)

        self.street = QLineEdit(InfluencerDialog)
        self.street.setObjectName(u"street")

        self.profileForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.street)

        self.postcodeLabel = QLabel(InfluencerDialog)
        self.postcodeLabel.setObjectName(u"postcodeLabel")

        self.profileForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.postcodeLabel)

        self.postcode = QLineEdit(InfluencerDialog)
        self.postcode.setObjectName(u"postcode")

        self.profileForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.postcode)

        self.cityLabel = QLabel(InfluencerDialog)
        self.cityLabel.setObjectName(u"cityLabel")

        self.profileForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.cityLabel)

        self.city = QLineEdit(InfluencerDialog)
        self.city.setObjectName(u"city")

        self.profileForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.city)

        self.countryLabel = QLabel(InfluencerDialog)
        self.countryLabel.setObjectName(u"countryLabel")

        self.profileForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.country = QComboBox(InfluencerDialog)
        self.country.setObjectName(u"country")

        self.profileForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.country)

        self.languageLabel = QLabel(InfluencerDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.profileForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.language = QComboBox(InfluencerDialog)
        self.language.setObjectName(u"language")

        self.profileForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.language)

        self.address_formLabel = QLabel(InfluencerDialog)
        self.address_formLabel.setObjectName(u"address_formLabel")

        self.profileForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.address_formLabel)

        self.address_form = QComboBox(InfluencerDialog)
        self.address_form.setObjectName(u"address_form")

        self.profileForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.address_form)

        self.tagsLabel = QLabel(InfluencerDialog)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.profileForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.tagsLabel)

        self.tags = QLineEdit(InfluencerDialog)
        self.tags.setObjectName(u"tags")

        self.profileForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.tags)


        self.columns.addLayout(self.profileForm)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.handlesBox = QGroupBox(InfluencerDialog)
        self.handlesBox.setObjectName(u"handlesBox")
        self.handlesGrid = QGridLayout(self.handlesBox)
        self.handlesGrid.setObjectName(u"handlesGrid")

        self.rightColumn.addWidget(self.handlesBox)

        self.handlesHelp = QLabel(InfluencerDialog)
        self.handlesHelp.setObjectName(u"handlesHelp")
        self.handlesHelp.setWordWrap(True)

        self.rightColumn.addWidget(self.handlesHelp)

        self.notesLabel = QLabel(InfluencerDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.rightColumn.addWidget(self.notesLabel)

        self.notes = QPlainTextEdit(InfluencerDialog)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.rightColumn.addWidget(self.notes)


        self.columns.addLayout(self.rightColumn)


        self.layout.addLayout(self.columns)

        self.buttons = QDialogButtonBox(InfluencerDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.emailLabel.setBuddy(self.email)
        self.phoneLabel.setBuddy(self.phone)
        self.whatsappLabel.setBuddy(self.whatsapp)
        self.streetLabel.setBuddy(self.street)
        self.postcodeLabel.setBuddy(self.postcode)
        self.cityLabel.setBuddy(self.city)
        self.countryLabel.setBuddy(self.country)
        self.languageLabel.setBuddy(self.language)
        self.address_formLabel.setBuddy(self.address_form)
        self.tagsLabel.setBuddy(self.tags)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InfluencerDialog)

        QMetaObject.connectSlotsByName(InfluencerDialog)
    # setupUi

    def retranslateUi(self, InfluencerDialog):
        InfluencerDialog.setWindowTitle(QCoreApplication.translate("InfluencerDialog", u"Influencer", None))
        self.nameLabel.setText(QCoreApplication.translate("InfluencerDialog", u"Name", None))
        self.name.setPlaceholderText(QCoreApplication.translate("InfluencerDialog", u"First and last name", None))
        self.emailLabel.setText(QCoreApplication.translate("InfluencerDialog", u"Email", None))
        self.phoneLabel.setText(QCoreApplication.translate("InfluencerDialog", u"Phone", None))
        self.whatsappLabel.setText(QCoreApplication.translate("InfluencerDialog", u"WhatsApp", None))
        self.whatsapp.setPlaceholderText(QCoreApplication.translate("InfluencerDialog", u"Only when different from the phone number", None))
        self.streetLabel.setText(QCoreApplication.translate("InfluencerDialog", u"Street and number", None))
        self.postcodeLabel.setText(QCoreApplication.translate("InfluencerDialog", u"Postcode", None))
        self.cityLabel.setText(QCoreApplication.translate("InfluencerDialog", u"City", None))
        self.countryLabel.setText(QCoreApplication.translate("InfluencerDialog", u"Country", None))
        self.languageLabel.setText(QCoreApplication.translate("InfluencerDialog", u"Language", None))
        self.address_formLabel.setText(QCoreApplication.translate("InfluencerDialog", u"Form of address", None))
        self.tagsLabel.setText(QCoreApplication.translate("InfluencerDialog", u"Tags", None))
        self.tags.setPlaceholderText(QCoreApplication.translate("InfluencerDialog", u"e.g. jewellery, mums, lifestyle", None))
        self.handlesBox.setTitle(QCoreApplication.translate("InfluencerDialog", u"Handles and followers", None))
        self.handlesHelp.setText(QCoreApplication.translate("InfluencerDialog", u"Type @name or paste the profile link; followers like 12,700 or 12.7k.", None))
        self.notesLabel.setText(QCoreApplication.translate("InfluencerDialog", u"Notes", None))
    # retranslateUi

