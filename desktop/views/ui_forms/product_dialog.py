# Generated from ui/product_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QFrame, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ProductDialog(object):
    def setupUi(self, ProductDialog):
        if not ProductDialog.objectName():
            ProductDialog.setObjectName(u"ProductDialog")
        ProductDialog.resize(480, 460)
        self.layout = QVBoxLayout(ProductDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(ProductDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(ProductDialog)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.variantLabel = QLabel(ProductDialog)
        self.variantLabel.setObjectName(u"variantLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.variantLabel)

        self.variant = QLineEdit(ProductDialog)
        self.variant.setObjectName(u"variant")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.variant)

        self.skuLabel = QLabel(ProductDialog)
        self.skuLabel.setObjectName(u"skuLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.skuLabel)

        self.sku = QLineEdit(ProductDialog)
        self.sku.setObjectName(u"sku")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sku)

        self.priceLabel = QLabel(ProductDialog)
        self.priceLabel.setObjectName(u"priceLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.priceLabel)

        self.price = QLineEdit(ProductDialog)
        self.price.setObjectName(u"price")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.price)

        self.costLabel = QLabel(ProductDialog)
        self.costLabel.setObjectName(u"costLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.costLabel)

        self.cost = QLineEdit(ProductDialog)
        self.cost.setObjectName(u"cost")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.cost)

        self.categoryLabel = QLabel(ProductDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.category = QLineEdit(ProductDialog)
        self.category.setObjectName(u"category")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.category)


        self.layout.addLayout(self.form)

        self.picture = QLabel(ProductDialog)
        self.picture.setObjectName(u"picture")
        self.picture.setMinimumSize(QSize(0, 150))
        self.picture.setFrameShape(QFrame.StyledPanel)
        self.picture.setAlignment(Qt.AlignCenter)
        self.picture.setTextFormat(Qt.PlainText)
        self.picture.setWordWrap(True)

        self.layout.addWidget(self.picture)

        self.choosePicture = QPushButton(ProductDialog)
        self.choosePicture.setObjectName(u"choosePicture")

        self.layout.addWidget(self.choosePicture)

        self.problem = QLabel(ProductDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setProperty(u"tone", u"red")

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(ProductDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.variantLabel.setBuddy(self.variant)
        self.skuLabel.setBuddy(self.sku)
        self.priceLabel.setBuddy(self.price)
        self.costLabel.setBuddy(self.cost)
        self.categoryLabel.setBuddy(self.category)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProductDialog)

        QMetaObject.connectSlotsByName(ProductDialog)
    # setupUi

    def retranslateUi(self, ProductDialog):
        ProductDialog.setWindowTitle(QCoreApplication.translate("ProductDialog", u"Add a product", None))
        self.nameLabel.setText(QCoreApplication.translate("ProductDialog", u"&Name", None))
        self.variantLabel.setText(QCoreApplication.translate("ProductDialog", u"&Variant", None))
        self.variant.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"e.g. silver, size 17", None))
        self.skuLabel.setText(QCoreApplication.translate("ProductDialog", u"SK&U", None))
        self.priceLabel.setText(QCoreApplication.translate("ProductDialog", u"&Price", None))
        self.price.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"e.g. 24.95", None))
        self.costLabel.setText(QCoreApplication.translate("ProductDialog", u"C&ost price", None))
        self.categoryLabel.setText(QCoreApplication.translate("ProductDialog", u"C&ategory", None))
        self.choosePicture.setText(QCoreApplication.translate("ProductDialog", u"&Choose a picture\u2026", None))
    # retranslateUi

