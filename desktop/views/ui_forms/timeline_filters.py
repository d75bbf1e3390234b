# Generated from ui/timeline_filters.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QWidget)

from desktop.views.date_edit import DateEdit

class Ui_TimelineFilters(object):
    def setupUi(self, TimelineFilters):
        if not TimelineFilters.objectName():
            TimelineFilters.setObjectName(u"TimelineFilters")
        self.layout = QGridLayout(TimelineFilters)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.person = QComboBox(TimelineFilters)
        self.person.setObjectName(u"person")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.NoInsert)
        self.person.setMinimumSize(QSize(200, 0))

        self.layout.addWidget(self.person, 0, 0, 1, 1)

        self.kind = QComboBox(TimelineFilters)
        self.kind.setObjectName(u"kind")

        self.layout.addWidget(self.kind, 0, 1, 1, 1)

        self.channel = QComboBox(TimelineFilters)
        self.channel.setObjectName(u"channel")

        self.layout.addWidget(self.channel, 0, 2, 1, 1)

        self.direction = QComboBox(TimelineFilters)
        self.direction.setObjectName(u"direction")

        self.layout.addWidget(self.direction, 0, 3, 1, 1)

        self.rowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout.addItem(self.rowSpacer, 0, 4, 1, 1)

        self.secondRow = QHBoxLayout()
        self.secondRow.setObjectName(u"secondRow")
        self.fromLabel = QLabel(TimelineFilters)
        self.fromLabel.setObjectName(u"fromLabel")

        self.secondRow.addWidget(self.fromLabel)

        self.fromDate = DateEdit(TimelineFilters)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setCalendarPopup(True)

        self.secondRow.addWidget(self.fromDate)

        self.toLabel = QLabel(TimelineFilters)
        self.toLabel.setObjectName(u"toLabel")

        self.secondRow.addWidget(self.toLabel)

        self.toDate = DateEdit(TimelineFilters)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setCalendarPopup(True)

        self.secondRow.addWidget(self.toDate)

        self.clearFilters = QPushButton(TimelineFilters)
        self.clearFilters.setObjectName(u"clearFilters")

        self.secondRow.addWidget(self.clearFilters)

        self.secondSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.secondRow.addItem(self.secondSpacer)

        self.countLabel = QLabel(TimelineFilters)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setTextFormat(Qt.PlainText)

        self.secondRow.addWidget(self.countLabel)

        self.exportCsv = QPushButton(TimelineFilters)
        self.exportCsv.setObjectName(u"exportCsv")

        self.secondRow.addWidget(self.exportCsv)


        self.layout.addLayout(self.secondRow, 1, 0, 1, 5)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromDate)
        self.toLabel.setBuddy(self.toDate)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TimelineFilters)

        QMetaObject.connectSlotsByName(TimelineFilters)
    # setupUi

    def retranslateUi(self, TimelineFilters):
#if QT_CONFIG(accessibility)
        self.person.setAccessibleName(QCoreApplication.translate("TimelineFilters", u"Person", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.person.setToolTip(QCoreApplication.translate("TimelineFilters", u"Only this person", u"Timeline filter: only the events of one person"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.kind.setAccessibleName(QCoreApplication.translate("TimelineFilters", u"Kind of event", u"Timeline filter: the name a screen reader gives it"))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.kind.setToolTip(QCoreApplication.translate("TimelineFilters", u"Only this kind of event", u"Timeline filter"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.channel.setAccessibleName(QCoreApplication.translate("TimelineFilters", u"Channel", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.channel.setToolTip(QCoreApplication.translate("TimelineFilters", u"Only this channel", u"Timeline filter"))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.direction.setAccessibleName(QCoreApplication.translate("TimelineFilters", u"Direction", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.direction.setToolTip(QCoreApplication.translate("TimelineFilters", u"Only sent, only received, or only notes", u"Timeline filter: sent, received or notes"))
#endif // QT_CONFIG(tooltip)
        self.fromLabel.setText(QCoreApplication.translate("TimelineFilters", u"From", u"Timeline filter: first day of the period"))
        self.fromDate.setSpecialValueText(QCoreApplication.translate("TimelineFilters", u"the beginning", u"Shown in the 'from' date field when no first day is chosen"))
        self.toLabel.setText(QCoreApplication.translate("TimelineFilters", u"up to and including", u"Timeline filter: last day of the period, inclusive"))
        self.toDate.setSpecialValueText(QCoreApplication.translate("TimelineFilters", u"now", u"Shown in the 'to' date field when no last day is chosen"))
        self.clearFilters.setText(QCoreApplication.translate("TimelineFilters", u"Show everything", u"Button that removes every timeline filter"))
        self.exportCsv.setText(QCoreApplication.translate("TimelineFilters", u"Export to CSV\u2026", u"Button: save the filtered timeline as a spreadsheet file"))
        pass
    # retranslateUi

