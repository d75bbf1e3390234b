# Generated from ui/content_dialog.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from desktop.views.date_edit import DateEdit

class Ui_ContentDialog(object):
    def setupUi(self, ContentDialog):
        if not ContentDialog.objectName():
            ContentDialog.setObjectName(u"ContentDialog")
        ContentDialog.resize(820, 560)
        self.layout = QVBoxLayout(ContentDialog)
        self.layout.setObjectName(u"layout")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.contentForm = QFormLayout()
        self.contentForm.setObjectName(u"contentForm")
        self.deliverableLabel = QLabel(ContentDialog)
        self.deliverableLabel.setObjectName(u"deliverableLabel")

        self.contentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.deliverableLabel)

        self.deliverable = QComboBox(ContentDialog)
        self.deliverable.setObjectName(u"deliverable")

        self.contentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.deliverable)

        self.urlLabel = QLabel(ContentDialog)
        self.urlLabel.setObjectName(u"urlLabel")

        self.contentForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.url = QLineEdit(ContentDialog)
        self.url.setObjectName(u"url")

        self.contentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.url)

        self.platformLabel = QLabel(ContentDialog)
        self.platformLabel.setObjectName(u"platformLabel")

        self.contentForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.platformLabel)

        self.platform = QComboBox(ContentDialog)
        self.platform.setObjectName(u"platform")

        self.contentForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.platform)

        self.posted_onLabel = QLabel(ContentDialog)
        self.posted_onLabel.setObjectName(u"posted_onLabel")

        self.contentForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.posted_onLabel)

        self.posted_on = DateEdit(ContentDialog)
        self.posted_on.setObjectName(u"posted_on")
        self.posted_on.setCalendarPopup(True)

        self.contentForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.posted_on)


        self.leftColumn.addLayout(self.contentForm)

        self.captionLabel = QLabel(ContentDialog)
        self.captionLabel.setObjectName(u"captionLabel")
        self.captionLabel.setWordWrap(True)

        self.leftColumn.addWidget(self.captionLabel)

        self.caption = QPlainTextEdit(ContentDialog)
        self.caption.setObjectName(u"caption")
        self.caption.setTabChangesFocus(True)

        self.leftColumn.addWidget(self.caption)

        self.checkBox = QGroupBox(ContentDialog)
        self.checkBox.setObjectName(u"checkBox")
        self.checkLayout = QVBoxLayout(self.checkBox)
        self.checkLayout.setObjectName(u"checkLayout")
        self.checkResult = QLabel(self.checkBox)
        self.checkResult.setObjectName(u"checkResult")
        self.checkResult.setWordWrap(True)
        self.checkResult.setTextFormat(Qt.PlainText)

        self.checkLayout.addWidget(self.checkResult)

        self.manualChecks = QWidget(self.checkBox)
        self.manualChecks.setObjectName(u"manualChecks")
        self.manualLayout = QVBoxLayout(self.manualChecks)
        self.manualLayout.setObjectName(u"manualLayout")
        self.manualLayout.setContentsMargins(0, 0, 0, 0)

        self.checkLayout.addWidget(self.manualChecks)

        self.checkSource = QLabel(self.checkBox)
        self.checkSource.setObjectName(u"checkSource")
        self.checkSource.setWordWrap(True)
        self.checkSource.setTextFormat(Qt.PlainText)

        self.checkLayout.addWidget(self.checkSource)


        self.leftColumn.addWidget(self.checkBox)


        self.columns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.resultsBox = QGroupBox(ContentDialog)
        self.resultsBox.setObjectName(u"resultsBox")
        self.resultsBox.setMinimumSize(QSize(290, 0))
        self.resultsForm = QFormLayout(self.resultsBox)
        self.resultsForm.setObjectName(u"resultsForm")
        self.viewsLabel = QLabel(self.resultsBox)
        self.viewsLabel.setObjectName(u"viewsLabel")

        self.resultsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.viewsLabel)

        self.views = QLineEdit(self.resultsBox)
        self.views.setObjectName(u"views")

        self.resultsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.views)

        self.likesLabel = QLabel(self.resultsBox)
        self.likesLabel.setObjectName(u"likesLabel")

        self.resultsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.likesLabel)

        self.likes = QLineEdit(self.resultsBox)
        self.likes.setObjectName(u"likes")

        self.resultsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.likes)

        self.commentsLabel = QLabel(self.resultsBox)
        self.commentsLabel.setObjectName(u"commentsLabel")

        self.resultsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.commentsLabel)

        self.comments = QLineEdit(self.resultsBox)
        self.comments.setObjectName(u"comments")

        self.resultsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.comments)

        self.link_clicksLabel = QLabel(self.resultsBox)
        self.link_clicksLabel.setObjectName(u"link_clicksLabel")

        self.resultsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.link_clicksLabel)

        self.link_clicks = QLineEdit(self.resultsBox)
        self.link_clicks.setObjectName(u"link_clicks")

        self.resultsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.link_clicks)

        self.code_usesLabel = QLabel(self.resultsBox)
        self.code_usesLabel.setObjectName(u"code_usesLabel")

        self.resultsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.code_usesLabel)

        self.code_uses = QLineEdit(self.resultsBox)
        self.code_uses.setObjectName(u"code_uses")

        self.resultsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.code_uses)

        self.revenueLabel = QLabel(self.resultsBox)
        self.revenueLabel.setObjectName(u"revenueLabel")

        self.resultsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.revenueLabel)

        self.revenue = QLineEdit(self.resultsBox)
        self.revenue.setObjectName(u"revenue")

        self.resultsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.revenue)


        self.rightColumn.addWidget(self.resultsBox)

        self.resultsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.resultsSpacer)


        self.columns.addLayout(self.rightColumn)


        self.layout.addLayout(self.columns)

        self.buttons = QDialogButtonBox(ContentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.deliverableLabel.setBuddy(self.deliverable)
        self.urlLabel.setBuddy(self.url)
        self.platformLabel.setBuddy(self.platform)
        self.posted_onLabel.setBuddy(self.posted_on)
        self.captionLabel.setBuddy(self.caption)
        self.viewsLabel.setBuddy(self.views)
        self.likesLabel.setBuddy(self.likes)
        self.commentsLabel.setBuddy(self.comments)
        self.link_clicksLabel.setBuddy(self.link_clicks)
        self.code_usesLabel.setBuddy(self.code_uses)
        self.revenueLabel.setBuddy(self.revenue)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContentDialog)

        QMetaObject.connectSlotsByName(ContentDialog)
    # setupUi

    def retranslateUi(self, ContentDialog):
        ContentDialog.setWindowTitle(QCoreApplication.translate("ContentDialog", u"Log content", None))
        self.deliverableLabel.setText(QCoreApplication.translate("ContentDialog", u"Deliverable", None))
        self.urlLabel.setText(QCoreApplication.translate("ContentDialog", u"Link to the post", None))
        self.url.setPlaceholderText(QCoreApplication.translate("ContentDialog", u"https://www.instagram.com/p/\u2026", None))
        self.platformLabel.setText(QCoreApplication.translate("ContentDialog", u"Platform", None))
        self.posted_onLabel.setText(QCoreApplication.translate("ContentDialog", u"Posted on", None))
        self.captionLabel.setText(QCoreApplication.translate("ContentDialog", u"Caption: paste the text of the post to check hashtags and the advertising label", None))
        self.checkBox.setTitle(QCoreApplication.translate("ContentDialog", u"Check", None))
        self.resultsBox.setTitle(QCoreApplication.translate("ContentDialog", u"Results (fill in later if you like)", None))
        self.viewsLabel.setText(QCoreApplication.translate("ContentDialog", u"Views", None))
        self.likesLabel.setText(QCoreApplication.translate("ContentDialog", u"Likes", None))
        self.commentsLabel.setText(QCoreApplication.translate("ContentDialog", u"Comments", None))
        self.link_clicksLabel.setText(QCoreApplication.translate("ContentDialog", u"Link clicks", None))
        self.code_usesLabel.setText(QCoreApplication.translate("ContentDialog", u"Discount code uses", None))
        self.revenueLabel.setText(QCoreApplication.translate("ContentDialog", u"Revenue", None))
        self.revenue.setPlaceholderText(QCoreApplication.translate("ContentDialog", u"e.g. 264.65", None))
    # retranslateUi

