# Generated from ui/content_check.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QLabel,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ContentCheckDialog(object):
    def setupUi(self, ContentCheckDialog):
        if not ContentCheckDialog.objectName():
            ContentCheckDialog.setObjectName(u"ContentCheckDialog")
        ContentCheckDialog.resize(560, 240)
        ContentCheckDialog.setWindowTitle(u"Check")
        self.layout = QVBoxLayout(ContentCheckDialog)
        self.layout.setObjectName(u"layout")
        self.content = QLabel(ContentCheckDialog)
        self.content.setObjectName(u"content")
        self.content.setTextFormat(Qt.PlainText)
        self.content.setWordWrap(True)
        self.content.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.content.setProperty(u"tone", u"grey")

        self.layout.addWidget(self.content)

        self.prompt = QLabel(ContentCheckDialog)
        self.prompt.setObjectName(u"prompt")
        self.prompt.setTextFormat(Qt.PlainText)
        self.prompt.setWordWrap(True)

        self.layout.addWidget(self.prompt)

        self.points = QWidget(ContentCheckDialog)
        self.points.setObjectName(u"points")
        self.pointsLayout = QVBoxLayout(self.points)
        self.pointsLayout.setObjectName(u"pointsLayout")
        self.pointsLayout.setContentsMargins(0, 0, 0, 0)

        self.layout.addWidget(self.points)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(ContentCheckDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(ContentCheckDialog)

        QMetaObject.connectSlotsByName(ContentCheckDialog)
    # setupUi

    def retranslateUi(self, ContentCheckDialog):
        pass
    # retranslateUi

