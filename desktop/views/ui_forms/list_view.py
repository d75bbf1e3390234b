# Generated from ui/list_view.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QScrollArea, QSizePolicy,
    QSpacerItem, QSplitter, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_ListView(object):
    def setupUi(self, ListView):
        if not ListView.objectName():
            ListView.setObjectName(u"ListView")
        self.layout = QVBoxLayout(ListView)
        self.layout.setObjectName(u"layout")
        self.header = QHBoxLayout()
        self.header.setObjectName(u"header")
        self.title = QLabel(ListView)
        self.title.setObjectName(u"title")
        self.title.setTextFormat(Qt.PlainText)

        self.header.addWidget(self.title)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header.addItem(self.headerSpacer)

        self.search = QLineEdit(ListView)
        self.search.setObjectName(u"search")
        self.search.setMinimumSize(QSize(260, 0))
        self.search.setClearButtonEnabled(True)

        self.header.addWidget(self.search)


        self.layout.addLayout(self.header)

        self.pages = QStackedWidget(ListView)
        self.pages.setObjectName(u"pages")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyTop = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyTop)

        self.emptyTitle = QLabel(self.emptyPage)
        self.emptyTitle.setObjectName(u"emptyTitle")
        self.emptyTitle.setTextFormat(Qt.PlainText)
        self.emptyTitle.setAlignment(Qt.AlignCenter)

        self.emptyLayout.addWidget(self.emptyTitle)

        self.emptyText = QLabel(self.emptyPage)
        self.emptyText.setObjectName(u"emptyText")
        self.emptyText.setTextFormat(Qt.PlainText)
        self.emptyText.setAlignment(Qt.AlignCenter)
        self.emptyText.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyText)

        self.emptyBottom = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyBottom)

        self.pages.addWidget(self.emptyPage)
        self.contentPage = QWidget()
        self.contentPage.setObjectName(u"contentPage")
        self.contentLayout = QVBoxLayout(self.contentPage)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(self.contentPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)
        self.splitter.addWidget(self.table)
        self.detailScroll = QScrollArea(self.splitter)
        self.detailScroll.setObjectName(u"detailScroll")
        self.detailScroll.setMinimumSize(QSize(320, 0))
        self.detailScroll.setWidgetResizable(True)
        self.detail = QWidget()
        self.detail.setObjectName(u"detail")
        self.detailLayout = QVBoxLayout(self.detail)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailScroll.setWidget(self.detail)
        self.splitter.addWidget(self.detailScroll)

        self.contentLayout.addWidget(self.splitter)

        self.noMatch = QLabel(self.contentPage)
        self.noMatch.setObjectName(u"noMatch")
        self.noMatch.setTextFormat(Qt.PlainText)
        self.noMatch.setVisible(False)

        self.contentLayout.addWidget(self.noMatch)

        self.contentLayout.setStretch(0, 1)
        self.pages.addWidget(self.contentPage)

        self.layout.addWidget(self.pages)


        self.retranslateUi(ListView)

        QMetaObject.connectSlotsByName(ListView)
    # setupUi

    def retranslateUi(self, ListView):
        self.search.setPlaceholderText(QCoreApplication.translate("ListView", u"Search (Ctrl+F)", u"Placeholder in the search field above every list"))
        pass
    # retranslateUi

