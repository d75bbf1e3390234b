# Generated from ui/day_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QFormLayout,
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

from desktop.views.date_edit import DateEdit

class Ui_DayDialog(object):
    def setupUi(self, DayDialog):
        if not DayDialog.objectName():
            DayDialog.setObjectName(u"DayDialog")
        DayDialog.resize(460, 150)
        self.layout = QVBoxLayout(DayDialog)
        self.layout.setObjectName(u"layout")
        self.prompt = QLabel(DayDialog)
        self.prompt.setObjectName(u"prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.prompt)

        self.dayForm = QFormLayout()
        self.dayForm.setObjectName(u"dayForm")
        self.dayLabel = QLabel(DayDialog)
        self.dayLabel.setObjectName(u"dayLabel")

        self.dayForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.day = DateEdit(DayDialog)
        self.day.setObjectName(u"day")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.day.sizePolicy().hasHeightForWidth())
        self.day.setSizePolicy(sizePolicy)

        self.dayForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.day)


        self.layout.addLayout(self.dayForm)

        self.buttons = QDialogButtonBox(DayDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dayLabel.setBuddy(self.day)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DayDialog)

        QMetaObject.connectSlotsByName(DayDialog)
    # setupUi

    def retranslateUi(self, DayDialog):
        DayDialog.setWindowTitle(QCoreApplication.translate("DayDialog", u"Which day", None))
        self.dayLabel.setText(QCoreApplication.translate("DayDialog", u"&Day", None))
    # retranslateUi

