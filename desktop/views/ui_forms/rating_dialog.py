# Generated from ui/rating_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_RatingDialog(object):
    def setupUi(self, RatingDialog):
        if not RatingDialog.objectName():
            RatingDialog.setObjectName(u"RatingDialog")
        RatingDialog.resize(480, 380)
        self.layout = QVBoxLayout(RatingDialog)
        self.layout.setObjectName(u"layout")
        self.ratingIntro = QLabel(RatingDialog)
        self.ratingIntro.setObjectName(u"ratingIntro")
        self.ratingIntro.setWordWrap(True)
        self.ratingIntro.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.ratingIntro)

        self.ratingForm = QFormLayout()
        self.ratingForm.setObjectName(u"ratingForm")
        self.communicationLabel = QLabel(RatingDialog)
        self.communicationLabel.setObjectName(u"communicationLabel")

        self.ratingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.communicationLabel)

        self.communication = QComboBox(RatingDialog)
        self.communication.setObjectName(u"communication")

        self.ratingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.communication)

        self.qualityLabel = QLabel(RatingDialog)
        self.qualityLabel.setObjectName(u"qualityLabel")

        self.ratingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.qualityLabel)

        self.quality = QComboBox(RatingDialog)
        self.quality.setObjectName(u"quality")

        self.ratingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.quality)

        self.punctualityLabel = QLabel(RatingDialog)
        self.punctualityLabel.setObjectName(u"punctualityLabel")

        self.ratingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.punctualityLabel)

        self.punctuality = QComboBox(RatingDialog)
        self.punctuality.setObjectName(u"punctuality")

        self.ratingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.punctuality)

        self.resultLabel = QLabel(RatingDialog)
        self.resultLabel.setObjectName(u"resultLabel")

        self.ratingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.resultLabel)

        self.result = QComboBox(RatingDialog)
        self.result.setObjectName(u"result")

        self.ratingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.result)

        self.work_again = QCheckBox(RatingDialog)
        self.work_again.setObjectName(u"work_again")
        self.work_again.setChecked(True)

        self.ratingForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.work_again)

        self.noteLabel = QLabel(RatingDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.ratingForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QPlainTextEdit(RatingDialog)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumSize(QSize(16777215, 90))

        self.ratingForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.note)


        self.layout.addLayout(self.ratingForm)

        self.buttons = QDialogButtonBox(RatingDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.communicationLabel.setBuddy(self.communication)
        self.qualityLabel.setBuddy(self.quality)
        self.punctualityLabel.setBuddy(self.punctuality)
        self.resultLabel.setBuddy(self.result)
        self.noteLabel.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RatingDialog)

        QMetaObject.connectSlotsByName(RatingDialog)
    # setupUi

    def retranslateUi(self, RatingDialog):
        RatingDialog.setWindowTitle(QCoreApplication.translate("RatingDialog", u"Rate the collaboration", None))
        self.communicationLabel.setText(QCoreApplication.translate("RatingDialog", u"Communication", None))
        self.qualityLabel.setText(QCoreApplication.translate("RatingDialog", u"Content quality", None))
        self.punctualityLabel.setText(QCoreApplication.translate("RatingDialog", u"Punctuality", None))
        self.resultLabel.setText(QCoreApplication.translate("RatingDialog", u"Result", None))
        self.work_again.setText(QCoreApplication.translate("RatingDialog", u"I'd work with them again", None))
        self.noteLabel.setText(QCoreApplication.translate("RatingDialog", u"Note", None))
        self.note.setPlaceholderText(QCoreApplication.translate("RatingDialog", u"What went well, what didn't", None))
    # retranslateUi

