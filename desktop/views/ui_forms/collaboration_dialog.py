# Generated from ui/collaboration_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

from desktop.views.date_edit import DateEdit

class Ui_CollaborationDialog(object):
    def setupUi(self, CollaborationDialog):
        if not CollaborationDialog.objectName():
            CollaborationDialog.setObjectName(u"CollaborationDialog")
        CollaborationDialog.resize(760, 640)
        self.layout = QVBoxLayout(CollaborationDialog)
        self.layout.setObjectName(u"layout")
        self.tabs = QTabWidget(CollaborationDialog)
        self.tabs.setObjectName(u"tabs")
        self.dealTab = QWidget()
        self.dealTab.setObjectName(u"dealTab")
        self.dealLayout = QVBoxLayout(self.dealTab)
        self.dealLayout.setObjectName(u"dealLayout")
        self.personWarning = QLabel(self.dealTab)
        self.personWarning.setObjectName(u"personWarning")
        self.personWarning.setWordWrap(True)
        self.personWarning.setTextFormat(Qt.PlainText)
        self.personWarning.setVisible(False)

        self.dealLayout.addWidget(self.personWarning)

        self.override = QCheckBox(self.dealTab)
        self.override.setObjectName(u"override")
        self.override.setVisible(False)

        self.dealLayout.addWidget(self.override)

        self.dealForm = QFormLayout()
        self.dealForm.setObjectName(u"dealForm")
        self.titleLabel = QLabel(self.dealTab)
        self.titleLabel.setObjectName(u"titleLabel")

        self.dealForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(self.dealTab)
        self.title.setObjectName(u"title")

        self.dealForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.statusLabel = QLabel(self.dealTab)
        self.statusLabel.setObjectName(u"statusLabel")

        self.dealForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(self.dealTab)
        self.status.setObjectName(u"status")

        self.dealForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.status)

        self.agreed_onLabel = QLabel(self.dealTab)
        self.agreed_onLabel.setObjectName(u"agreed_onLabel")

        self.dealForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agreed_onLabel)

        self.agreed_on = DateEdit(self.dealTab)
        self.agreed_on.setObjectName(u"agreed_on")
        self.agreed_on.setCalendarPopup(True)

        self.dealForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agreed_on)

        self.feeLabel = QLabel(self.dealTab)
        self.feeLabel.setObjectName(u"feeLabel")

        self.dealForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.feeLabel)

        self.fee = QLineEdit(self.dealTab)
        self.fee.setObjectName(u"fee")

        self.dealForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.fee)


        self.dealLayout.addLayout(self.dealForm)

        self.deliverablesLabel = QLabel(self.dealTab)
        self.deliverablesLabel.setObjectName(u"deliverablesLabel")

        self.dealLayout.addWidget(self.deliverablesLabel)

        self.deliverables = QTableWidget(self.dealTab)
        self.deliverables.setObjectName(u"deliverables")
        self.deliverables.setTabKeyNavigation(False)

        self.dealLayout.addWidget(self.deliverables)

        self.deliverableButtons = QHBoxLayout()
        self.deliverableButtons.setObjectName(u"deliverableButtons")
        self.addDeliverable = QPushButton(self.dealTab)
        self.addDeliverable.setObjectName(u"addDeliverable")

        self.deliverableButtons.addWidget(self.addDeliverable)

        self.removeDeliverable = QPushButton(self.dealTab)
        self.removeDeliverable.setObjectName(u"removeDeliverable")

        self.deliverableButtons.addWidget(self.removeDeliverable)

        self.deliverableSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.deliverableButtons.addItem(self.deliverableSpacer)


        self.dealLayout.addLayout(self.deliverableButtons)

        self.tabs.addTab(self.dealTab, "")
        self.giftsTab = QWidget()
        self.giftsTab.setObjectName(u"giftsTab")
        self.giftsLayout = QVBoxLayout(self.giftsTab)
        self.giftsLayout.setObjectName(u"giftsLayout")
        self.giftsLabel = QLabel(self.giftsTab)
        self.giftsLabel.setObjectName(u"giftsLabel")
        self.giftsLabel.setWordWrap(True)

        self.giftsLayout.addWidget(self.giftsLabel)

        self.giftSearchRow = QHBoxLayout()
        self.giftSearchRow.setObjectName(u"giftSearchRow")
        self.giftSearch = QComboBox(self.giftsTab)
        self.giftSearch.setObjectName(u"giftSearch")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.giftSearch.sizePolicy().hasHeightForWidth())
        self.giftSearch.setSizePolicy(sizePolicy)

        self.giftSearchRow.addWidget(self.giftSearch)

        self.addGift = QPushButton(self.giftsTab)
        self.addGift.setObjectName(u"addGift")

        self.giftSearchRow.addWidget(self.addGift)


        self.giftsLayout.addLayout(self.giftSearchRow)

        self.gifts = QTableWidget(self.giftsTab)
        self.gifts.setObjectName(u"gifts")
        self.gifts.setTabKeyNavigation(False)

        self.giftsLayout.addWidget(self.gifts)

        self.giftButtons = QHBoxLayout()
        self.giftButtons.setObjectName(u"giftButtons")
        self.removeGift = QPushButton(self.giftsTab)
        self.removeGift.setObjectName(u"removeGift")

        self.giftButtons.addWidget(self.removeGift)

        self.giftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.giftButtons.addItem(self.giftSpacer)

        self.giftTotal = QLabel(self.giftsTab)
        self.giftTotal.setObjectName(u"giftTotal")
        self.giftTotal.setTextFormat(Qt.PlainText)

        self.giftButtons.addWidget(self.giftTotal)


        self.giftsLayout.addLayout(self.giftButtons)

        self.costForm = QFormLayout()
        self.costForm.setObjectName(u"costForm")
        self.productsLabel = QLabel(self.giftsTab)
        self.productsLabel.setObjectName(u"productsLabel")

        self.costForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.productsLabel)

        self.products = QLineEdit(self.giftsTab)
        self.products.setObjectName(u"products")

        self.costForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.products)

        self.product_costLabel = QLabel(self.giftsTab)
        self.product_costLabel.setObjectName(u"product_costLabel")

        self.costForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.product_costLabel)

        self.product_cost = QLineEdit(self.giftsTab)
        self.product_cost.setObjectName(u"product_cost")

        self.costForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.product_cost)

        self.shippingLabel = QLabel(self.giftsTab)
        self.shippingLabel.setObjectName(u"shippingLabel")

        self.costForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.shippingLabel)

        self.shipping = QLineEdit(self.giftsTab)
        self.shipping.setObjectName(u"shipping")

        self.costForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.shipping)


        self.giftsLayout.addLayout(self.costForm)

        self.tabs.addTab(self.giftsTab, "")
        self.rulesTab = QWidget()
        self.rulesTab.setObjectName(u"rulesTab")
        self.rulesForm = QFormLayout(self.rulesTab)
        self.rulesForm.setObjectName(u"rulesForm")
        self.required_mentionsLabel = QLabel(self.rulesTab)
        self.required_mentionsLabel.setObjectName(u"required_mentionsLabel")

        self.rulesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.required_mentionsLabel)

        self.required_mentions = QLineEdit(self.rulesTab)
        self.required_mentions.setObjectName(u"required_mentions")

        self.rulesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.required_mentions)

        self.required_hashtagsLabel = QLabel(self.rulesTab)
        self.required_hashtagsLabel.setObjectName(u"required_hashtagsLabel")

        self.rulesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.required_hashtagsLabel)

        self.required_hashtags = QLineEdit(self.rulesTab)
        self.required_hashtags.setObjectName(u"required_hashtags")

        self.rulesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.required_hashtags)

        self.disclosure_required = QCheckBox(self.rulesTab)
        self.disclosure_required.setObjectName(u"disclosure_required")

        self.rulesForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.disclosure_required)

        self.exclusivity_daysLabel = QLabel(self.rulesTab)
        self.exclusivity_daysLabel.setObjectName(u"exclusivity_daysLabel")

        self.rulesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.exclusivity_daysLabel)

        self.exclusivity_days = QSpinBox(self.rulesTab)
        self.exclusivity_days.setObjectName(u"exclusivity_days")
        self.exclusivity_days.setMaximum(365)

        self.rulesForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.exclusivity_days)

        self.exclusivity_categoryLabel = QLabel(self.rulesTab)
        self.exclusivity_categoryLabel.setObjectName(u"exclusivity_categoryLabel")

        self.rulesForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.exclusivity_categoryLabel)

        self.exclusivity_category = QLineEdit(self.rulesTab)
        self.exclusivity_category.setObjectName(u"exclusivity_category")

        self.rulesForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.exclusivity_category)

        self.dosLabel = QLabel(self.rulesTab)
        self.dosLabel.setObjectName(u"dosLabel")

        self.rulesForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.dosLabel)

        self.dos = QPlainTextEdit(self.rulesTab)
        self.dos.setObjectName(u"dos")
        self.dos.setTabChangesFocus(True)
        self.dos.setMaximumSize(QSize(16777215, 70))

        self.rulesForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.dos)

        self.dontsLabel = QLabel(self.rulesTab)
        self.dontsLabel.setObjectName(u"dontsLabel")

        self.rulesForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.dontsLabel)

        self.donts = QPlainTextEdit(self.rulesTab)
        self.donts.setObjectName(u"donts")
        self.donts.setTabChangesFocus(True)
        self.donts.setMaximumSize(QSize(16777215, 70))

        self.rulesForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.donts)

        self.approval_required = QCheckBox(self.rulesTab)
        self.approval_required.setObjectName(u"approval_required")

        self.rulesForm.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.approval_required)

        self.response_daysLabel = QLabel(self.rulesTab)
        self.response_daysLabel.setObjectName(u"response_daysLabel")

        self.rulesForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.response_daysLabel)

        self.response_days = QSpinBox(self.rulesTab)
        self.response_days.setObjectName(u"response_days")
        self.response_days.setMinimum(1)
        self.response_days.setMaximum(30)

        self.rulesForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.response_days)

        self.consequenceLabel = QLabel(self.rulesTab)
        self.consequenceLabel.setObjectName(u"consequenceLabel")

        self.rulesForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.consequenceLabel)

        self.consequence = QLineEdit(self.rulesTab)
        self.consequence.setObjectName(u"consequence")

        self.rulesForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.consequence)

        self.tabs.addTab(self.rulesTab, "")

        self.layout.addWidget(self.tabs)

        self.changeBox = QGroupBox(CollaborationDialog)
        self.changeBox.setObjectName(u"changeBox")
        self.changeForm = QFormLayout(self.changeBox)
        self.changeForm.setObjectName(u"changeForm")
        self.requested_byLabel = QLabel(self.changeBox)
        self.requested_byLabel.setObjectName(u"requested_byLabel")

        self.changeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.requested_byLabel)

        self.requested_by = QComboBox(self.changeBox)
        self.requested_by.setObjectName(u"requested_by")

        self.changeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.requested_by)

        self.change_reasonLabel = QLabel(self.changeBox)
        self.change_reasonLabel.setObjectName(u"change_reasonLabel")

        self.changeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.change_reasonLabel)

        self.change_reason = QLineEdit(self.changeBox)
        self.change_reason.setObjectName(u"change_reason")

        self.changeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.change_reason)

        self.confirmed = QCheckBox(self.changeBox)
        self.confirmed.setObjectName(u"confirmed")

        self.changeForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.confirmed)


        self.layout.addWidget(self.changeBox)

        self.buttons = QDialogButtonBox(CollaborationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.title)
        self.statusLabel.setBuddy(self.status)
        self.agreed_onLabel.setBuddy(self.agreed_on)
        self.feeLabel.setBuddy(self.fee)
        self.deliverablesLabel.setBuddy(self.deliverables)
        self.giftsLabel.setBuddy(self.giftSearch)
        self.productsLabel.setBuddy(self.products)
        self.product_costLabel.setBuddy(self.product_cost)
        self.shippingLabel.setBuddy(self.shipping)
        self.required_mentionsLabel.setBuddy(self.required_mentions)
        self.required_hashtagsLabel.setBuddy(self.required_hashtags)
        self.exclusivity_daysLabel.setBuddy(self.exclusivity_days)
        self.exclusivity_categoryLabel.setBuddy(self.exclusivity_category)
        self.dosLabel.setBuddy(self.dos)
        self.dontsLabel.setBuddy(self.donts)
        self.response_daysLabel.setBuddy(self.response_days)
        self.consequenceLabel.setBuddy(self.consequence)
        self.requested_byLabel.setBuddy(self.requested_by)
        self.change_reasonLabel.setBuddy(self.change_reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CollaborationDialog)

        QMetaObject.connectSlotsByName(CollaborationDialog)
    # setupUi

    def retranslateUi(self, CollaborationDialog):
        CollaborationDialog.setWindowTitle(QCoreApplication.translate("CollaborationDialog", u"Collaboration", None))
        self.override.setText(QCoreApplication.translate("CollaborationDialog", u"Make an exception: start a collaboration anyway", None))
        self.titleLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Title", None))
#if QT_CONFIG(tooltip)
        self.title.setToolTip(QCoreApplication.translate("CollaborationDialog", u"Messages to her quote this title as you type it: write it in her language.", None))
#endif // QT_CONFIG(tooltip)
        self.title.setPlaceholderText(QCoreApplication.translate("CollaborationDialog", u"e.g. Luna necklace in a reel", None))
        self.statusLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Status", None))
        self.agreed_onLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Agreed on", None))
        self.feeLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Fee", None))
        self.fee.setPlaceholderText(QCoreApplication.translate("CollaborationDialog", u"Leave empty for a gift only", None))
        self.deliverablesLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Deliverables: what is posted, how many, and by when", None))
        self.addDeliverable.setText(QCoreApplication.translate("CollaborationDialog", u"Add deliverable", None))
        self.removeDeliverable.setText(QCoreApplication.translate("CollaborationDialog", u"Remove selected", None))
        self.tabs.setTabText(self.tabs.indexOf(self.dealTab), QCoreApplication.translate("CollaborationDialog", u"Agreement", None))
        self.giftsLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Products from the catalogue: how many, and the value of each", None))
        self.addGift.setText(QCoreApplication.translate("CollaborationDialog", u"Add", u"adds the product chosen in the catalogue search"))
        self.removeGift.setText(QCoreApplication.translate("CollaborationDialog", u"Remove selected", None))
        self.productsLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Other products", None))
        self.products.setPlaceholderText(QCoreApplication.translate("CollaborationDialog", u"Not in the catalogue? Write it here, e.g. a gift card", None))
        self.product_costLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Product cost", None))
        self.product_cost.setPlaceholderText(QCoreApplication.translate("CollaborationDialog", u"Your purchase cost, e.g. 9.00", None))
        self.shippingLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Shipping", None))
        self.shipping.setPlaceholderText(QCoreApplication.translate("CollaborationDialog", u"e.g. 4.95", None))
        self.tabs.setTabText(self.tabs.indexOf(self.giftsTab), QCoreApplication.translate("CollaborationDialog", u"Products and costs", None))
        self.required_mentionsLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Required mentions", None))
        self.required_mentions.setPlaceholderText(QCoreApplication.translate("CollaborationDialog", u"e.g. @zilverenzo", None))
        self.required_hashtagsLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Required hashtags", None))
        self.required_hashtags.setPlaceholderText(QCoreApplication.translate("CollaborationDialog", u"e.g. #gekregen #zilverenzo", None))
        self.disclosure_required.setText(QCoreApplication.translate("CollaborationDialog", u"Advertising disclosure required (gifts count too)", None))
        self.exclusivity_daysLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Exclusivity (days)", None))
        self.exclusivity_days.setSpecialValueText(QCoreApplication.translate("CollaborationDialog", u"none", u"exclusivity: 0 days"))
        self.exclusivity_categoryLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Exclusivity category", None))
        self.exclusivity_category.setPlaceholderText(QCoreApplication.translate("CollaborationDialog", u"e.g. jewellery", None))
        self.dosLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Do's", None))
        self.dontsLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Don'ts", None))
        self.approval_required.setText(QCoreApplication.translate("CollaborationDialog", u"The content is sent for approval before posting", None))
        self.response_daysLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Response time (days)", None))
        self.consequenceLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Consequence", None))
        self.consequence.setPlaceholderText(QCoreApplication.translate("CollaborationDialog", u"Named in the final reminder, e.g. we invoice the product at its retail price", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rulesTab), QCoreApplication.translate("CollaborationDialog", u"Guidelines", None))
        self.changeBox.setTitle(QCoreApplication.translate("CollaborationDialog", u"This agreement has already been made: record the change", None))
        self.requested_byLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Requested by", None))
        self.change_reasonLabel.setText(QCoreApplication.translate("CollaborationDialog", u"Why", None))
        self.change_reason.setPlaceholderText(QCoreApplication.translate("CollaborationDialog", u"e.g. ill, asked for an extra week", None))
        self.confirmed.setText(QCoreApplication.translate("CollaborationDialog", u"The influencer confirmed the change", None))
    # retranslateUi

