# Generated from ui/main_window.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QMainWindow, QMenu,
    QMenuBar, QPushButton, QSizePolicy, QStackedWidget,
    QStatusBar, QToolButton, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1180, 740)
        MainWindow.setWindowTitle(u"Afspraak")
        self.actionBackup = QAction(MainWindow)
        self.actionBackup.setObjectName(u"actionBackup")
        self.actionRestore = QAction(MainWindow)
        self.actionRestore.setObjectName(u"actionRestore")
        self.actionAutostart = QAction(MainWindow)
        self.actionAutostart.setObjectName(u"actionAutostart")
        self.actionAutostart.setCheckable(True)
        self.actionCloseToTray = QAction(MainWindow)
        self.actionCloseToTray.setObjectName(u"actionCloseToTray")
        self.actionCloseToTray.setCheckable(True)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
#if QT_CONFIG(shortcut)
        self.actionFind.setShortcut(u"Ctrl+F")
#endif // QT_CONFIG(shortcut)
        self.actionDutch = QAction(MainWindow)
        self.actionDutch.setObjectName(u"actionDutch")
        self.actionDutch.setCheckable(True)
        self.actionDutch.setText(u"&Nederlands")
        self.actionEnglish = QAction(MainWindow)
        self.actionEnglish.setObjectName(u"actionEnglish")
        self.actionEnglish.setCheckable(True)
        self.actionEnglish.setText(u"&English")
        self.actionOpenDataFolder = QAction(MainWindow)
        self.actionOpenDataFolder.setObjectName(u"actionOpenDataFolder")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.outerLayout = QVBoxLayout(self.central)
        self.outerLayout.setSpacing(0)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.banner = QFrame(self.central)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.bannerLayout = QHBoxLayout(self.banner)
        self.bannerLayout.setObjectName(u"bannerLayout")
        self.bannerText = QLabel(self.banner)
        self.bannerText.setObjectName(u"bannerText")
        self.bannerText.setTextFormat(Qt.PlainText)
        self.bannerText.setWordWrap(True)

        self.bannerLayout.addWidget(self.bannerText)

        self.bannerButton = QPushButton(self.banner)
        self.bannerButton.setObjectName(u"bannerButton")

        self.bannerLayout.addWidget(self.bannerButton)

        self.bannerClose = QToolButton(self.banner)
        self.bannerClose.setObjectName(u"bannerClose")
        self.bannerClose.setText(u"\u00d7")
        self.bannerClose.setAutoRaise(True)

        self.bannerLayout.addWidget(self.bannerClose)


        self.outerLayout.addWidget(self.banner)

        self.mainLayout = QHBoxLayout()
        self.mainLayout.setSpacing(0)
        self.mainLayout.setObjectName(u"mainLayout")
        self.sidebar = QListWidget(self.central)
        self.sidebar.setObjectName(u"sidebar")
        self.sidebar.setMinimumSize(QSize(148, 0))
        self.sidebar.setMaximumSize(QSize(148, 16777215))
        self.sidebar.setFrameShape(QFrame.NoFrame)
        self.sidebar.setIconSize(QSize(22, 22))

        self.mainLayout.addWidget(self.sidebar)

        self.stack = QStackedWidget(self.central)
        self.stack.setObjectName(u"stack")
        self.openingPage = QLabel()
        self.openingPage.setObjectName(u"openingPage")
        self.openingPage.setAlignment(Qt.AlignCenter)
        self.openingPage.setEnabled(False)
        self.stack.addWidget(self.openingPage)

        self.mainLayout.addWidget(self.stack)


        self.outerLayout.addLayout(self.mainLayout)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuLanguage = QMenu(self.menuView)
        self.menuLanguage.setObjectName(u"menuLanguage")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionBackup)
        self.menuFile.addAction(self.actionRestore)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionAutostart)
        self.menuFile.addAction(self.actionCloseToTray)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuView.addAction(self.actionFind)
        self.menuView.addAction(self.menuLanguage.menuAction())
        self.menuLanguage.addAction(self.actionDutch)
        self.menuLanguage.addAction(self.actionEnglish)
        self.menuHelp.addAction(self.actionOpenDataFolder)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        self.actionBackup.setText(QCoreApplication.translate("MainWindow", u"Make a &backup\u2026", None))
        self.actionRestore.setText(QCoreApplication.translate("MainWindow", u"&Restore a backup\u2026", None))
        self.actionAutostart.setText(QCoreApplication.translate("MainWindow", u"Start Afspraak when I &log in", None))
        self.actionCloseToTray.setText(QCoreApplication.translate("MainWindow", u"Keep running in the &tray when the window closes", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"&Search in this view", None))
        self.actionOpenDataFolder.setText(QCoreApplication.translate("MainWindow", u"Open the &data folder", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About Afspraak", None))
        self.bannerButton.setText(QCoreApplication.translate("MainWindow", u"Open today's list", u"Button in the reminder banner at the top of the window"))
#if QT_CONFIG(accessibility)
        self.sidebar.setAccessibleName(QCoreApplication.translate("MainWindow", u"Views", u"Accessible name of the list of views on the left"))
#endif // QT_CONFIG(accessibility)
        self.openingPage.setText(QCoreApplication.translate("MainWindow", u"Opening your data\u2026", u"Shown for a moment at start, while the database is being opened"))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuLanguage.setTitle(QCoreApplication.translate("MainWindow", u"&Language", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
        pass
    # retranslateUi

