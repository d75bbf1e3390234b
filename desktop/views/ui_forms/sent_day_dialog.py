# Generated from ui/sent_day_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
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

class Ui_SentDayDialog(object):
    def setupUi(self, SentDayDialog):
        if not SentDayDialog.objectName():
            SentDayDialog.setObjectName(u"SentDayDialog")
        SentDayDialog.resize(460, 150)
        self.layout = QVBoxLayout(SentDayDialog)
        self.layout.setObjectName(u"layout")
        self.prompt = QLabel(SentDayDialog)
        self.prompt.setObjectName(u"prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.prompt)

        self.dayForm = QFormLayout()
        self.dayForm.setObjectName(u"dayForm")
        self.sent_onLabel = QLabel(SentDayDialog)
        self.sent_onLabel.setObjectName(u"sent_onLabel")

        self.dayForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sent_onLabel)

        self.sent_on = DateEdit(SentDayDialog)
        self.sent_on.setObjectName(u"sent_on")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.sent_on.sizePolicy().hasHeightForWidth())
        self.sent_on.setSizePolicy(sizePolicy)

        self.dayForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sent_on)


        self.layout.addLayout(self.dayForm)

        self.buttons = QDialogButtonBox(SentDayDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.sent_onLabel.setBuddy(self.sent_on)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SentDayDialog)

        QMetaObject.connectSlotsByName(SentDayDialog)
    # setupUi

    def retranslateUi(self, SentDayDialog):
        SentDayDialog.setWindowTitle(QCoreApplication.translate("SentDayDialog", u"Sent on an earlier day", None))
        self.sent_onLabel.setText(QCoreApplication.translate("SentDayDialog", u"Sent &on", u"Parcel dialog: the day the parcel was handed to the carrier"))
    # retranslateUi

