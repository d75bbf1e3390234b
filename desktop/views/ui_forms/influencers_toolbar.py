# Generated from ui/influencers_toolbar.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_InfluencersToolbar(object):
    def setupUi(self, InfluencersToolbar):
        if not InfluencersToolbar.objectName():
            InfluencersToolbar.setObjectName(u"InfluencersToolbar")
        InfluencersToolbar.resize(900, 40)
        self.layout = QVBoxLayout(InfluencersToolbar)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.newInfluencer = QPushButton(InfluencersToolbar)
        self.newInfluencer.setObjectName(u"newInfluencer")

        self.actions.addWidget(self.newInfluencer)

        self.newCollaboration = QPushButton(InfluencersToolbar)
        self.newCollaboration.setObjectName(u"newCollaboration")

        self.actions.addWidget(self.newCollaboration)

        self.tagSelected = QPushButton(InfluencersToolbar)
        self.tagSelected.setObjectName(u"tagSelected")

        self.actions.addWidget(self.tagSelected)

        self.exportSelected = QPushButton(InfluencersToolbar)
        self.exportSelected.setObjectName(u"exportSelected")

        self.actions.addWidget(self.exportSelected)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actionsSpacer)


        self.layout.addLayout(self.actions)

        self.filters = QHBoxLayout()
        self.filters.setObjectName(u"filters")
        self.statusFilterLabel = QLabel(InfluencersToolbar)
        self.statusFilterLabel.setObjectName(u"statusFilterLabel")

        self.filters.addWidget(self.statusFilterLabel)

        self.statusFilter = QComboBox(InfluencersToolbar)
        self.statusFilter.setObjectName(u"statusFilter")
        self.statusFilter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.statusFilter.setMinimumContentsLength(8)

        self.filters.addWidget(self.statusFilter)

        self.tagFilterLabel = QLabel(InfluencersToolbar)
        self.tagFilterLabel.setObjectName(u"tagFilterLabel")

        self.filters.addWidget(self.tagFilterLabel)

        self.tagFilter = QComboBox(InfluencersToolbar)
        self.tagFilter.setObjectName(u"tagFilter")
        self.tagFilter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.tagFilter.setMinimumContentsLength(8)

        self.filters.addWidget(self.tagFilter)

        self.countryFilterLabel = QLabel(InfluencersToolbar)
        self.countryFilterLabel.setObjectName(u"countryFilterLabel")

        self.filters.addWidget(self.countryFilterLabel)

        self.countryFilter = QComboBox(InfluencersToolbar)
        self.countryFilter.setObjectName(u"countryFilter")
        self.countryFilter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.countryFilter.setMinimumContentsLength(8)

        self.filters.addWidget(self.countryFilter)

        self.filtersSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filters.addItem(self.filtersSpacer)


        self.layout.addLayout(self.filters)

#if QT_CONFIG(shortcut)
        self.statusFilterLabel.setBuddy(self.statusFilter)
        self.tagFilterLabel.setBuddy(self.tagFilter)
        self.countryFilterLabel.setBuddy(self.countryFilter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InfluencersToolbar)

        QMetaObject.connectSlotsByName(InfluencersToolbar)
    # setupUi

    def retranslateUi(self, InfluencersToolbar):
        InfluencersToolbar.setWindowTitle(QCoreApplication.translate("InfluencersToolbar", u"Influencers", None))
        self.newInfluencer.setText(QCoreApplication.translate("InfluencersToolbar", u"New influencer\u2026", None))
        self.newCollaboration.setText(QCoreApplication.translate("InfluencersToolbar", u"New collaboration\u2026", None))
        self.tagSelected.setText(QCoreApplication.translate("InfluencersToolbar", u"Tag\u2026", None))
        self.exportSelected.setText(QCoreApplication.translate("InfluencersToolbar", u"Export\u2026", None))
        self.statusFilterLabel.setText(QCoreApplication.translate("InfluencersToolbar", u"Status", None))
        self.tagFilterLabel.setText(QCoreApplication.translate("InfluencersToolbar", u"Tag", None))
        self.countryFilterLabel.setText(QCoreApplication.translate("InfluencersToolbar", u"Country", None))
    # retranslateUi

