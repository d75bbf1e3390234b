# Generated from ui/chooser_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QLineEdit, QListView, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ChooserDialog(object):
    def setupUi(self, ChooserDialog):
        if not ChooserDialog.objectName():
            ChooserDialog.setObjectName(u"ChooserDialog")
        ChooserDialog.resize(420, 460)
        self.layout = QVBoxLayout(ChooserDialog)
        self.layout.setObjectName(u"layout")
        self.prompt = QLabel(ChooserDialog)
        self.prompt.setObjectName(u"prompt")
        self.prompt.setTextFormat(Qt.PlainText)
        self.prompt.setWordWrap(True)

        self.layout.addWidget(self.prompt)

        self.filter = QLineEdit(ChooserDialog)
        self.filter.setObjectName(u"filter")
        self.filter.setClearButtonEnabled(True)

        self.layout.addWidget(self.filter)

        self.choices = QListView(ChooserDialog)
        self.choices.setObjectName(u"choices")

        self.layout.addWidget(self.choices)

        self.buttons = QDialogButtonBox(ChooserDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(ChooserDialog)

        QMetaObject.connectSlotsByName(ChooserDialog)
    # setupUi

    def retranslateUi(self, ChooserDialog):
        self.filter.setPlaceholderText(QCoreApplication.translate("ChooserDialog", u"Type to search\u2026", None))
        pass
    # retranslateUi

