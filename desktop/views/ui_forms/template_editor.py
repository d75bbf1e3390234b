# Generated from ui/template_editor.ui by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_TemplateEditor(object):
    def setupUi(self, TemplateEditor):
        if not TemplateEditor.objectName():
            TemplateEditor.setObjectName(u"TemplateEditor")
        TemplateEditor.resize(860, 560)
        self.templatesLayout = QVBoxLayout(TemplateEditor)
        self.templatesLayout.setObjectName(u"templatesLayout")
        self.chooser = QHBoxLayout()
        self.chooser.setObjectName(u"chooser")
        self.template = QComboBox(TemplateEditor)
        self.template.setObjectName(u"template")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.template.sizePolicy().hasHeightForWidth())
        self.template.setSizePolicy(sizePolicy)

        self.chooser.addWidget(self.template)

        self.language = QComboBox(TemplateEditor)
        self.language.setObjectName(u"language")

        self.chooser.addWidget(self.language)

        self.form = QComboBox(TemplateEditor)
        self.form.setObjectName(u"form")

        self.chooser.addWidget(self.form)


        self.templatesLayout.addLayout(self.chooser)

        self.editors = QHBoxLayout()
        self.editors.setObjectName(u"editors")
        self.editColumn = QVBoxLayout()
        self.editColumn.setObjectName(u"editColumn")
        self.subject = QLineEdit(TemplateEditor)
        self.subject.setObjectName(u"subject")

        self.editColumn.addWidget(self.subject)

        self.body = QPlainTextEdit(TemplateEditor)
        self.body.setObjectName(u"body")
        self.body.setTabChangesFocus(True)

        self.editColumn.addWidget(self.body)


        self.editors.addLayout(self.editColumn)

        self.placeholderColumn = QVBoxLayout()
        self.placeholderColumn.setObjectName(u"placeholderColumn")
        self.placeholdersLabel = QLabel(TemplateEditor)
        self.placeholdersLabel.setObjectName(u"placeholdersLabel")

        self.placeholderColumn.addWidget(self.placeholdersLabel)

        self.placeholders = QListWidget(TemplateEditor)
        self.placeholders.setObjectName(u"placeholders")
        self.placeholders.setMinimumSize(QSize(230, 0))
        self.placeholders.setMaximumSize(QSize(300, 16777215))
        self.placeholders.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.placeholders.setUniformItemSizes(True)

        self.placeholderColumn.addWidget(self.placeholders)

        self.placeholderHelp = QLabel(TemplateEditor)
        self.placeholderHelp.setObjectName(u"placeholderHelp")
        self.placeholderHelp.setMaximumSize(QSize(300, 16777215))
        self.placeholderHelp.setTextFormat(Qt.PlainText)
        self.placeholderHelp.setWordWrap(True)

        self.placeholderColumn.addWidget(self.placeholderHelp)

        self.insertPlaceholder = QPushButton(TemplateEditor)
        self.insertPlaceholder.setObjectName(u"insertPlaceholder")

        self.placeholderColumn.addWidget(self.insertPlaceholder)


        self.editors.addLayout(self.placeholderColumn)

        self.previewColumn = QVBoxLayout()
        self.previewColumn.setObjectName(u"previewColumn")
        self.previewTitle = QLabel(TemplateEditor)
        self.previewTitle.setObjectName(u"previewTitle")
        self.previewTitle.setTextFormat(Qt.PlainText)
        self.previewTitle.setWordWrap(True)

        self.previewColumn.addWidget(self.previewTitle)

        self.preview = QPlainTextEdit(TemplateEditor)
        self.preview.setObjectName(u"preview")
        self.preview.setTabChangesFocus(True)
        self.preview.setReadOnly(True)

        self.previewColumn.addWidget(self.preview)


        self.editors.addLayout(self.previewColumn)


        self.templatesLayout.addLayout(self.editors)

        self.templateProblem = QLabel(TemplateEditor)
        self.templateProblem.setObjectName(u"templateProblem")
        self.templateProblem.setTextFormat(Qt.PlainText)
        self.templateProblem.setWordWrap(True)

        self.templatesLayout.addWidget(self.templateProblem)

        self.templateButtons = QHBoxLayout()
        self.templateButtons.setObjectName(u"templateButtons")
        self.templateState = QLabel(TemplateEditor)
        self.templateState.setObjectName(u"templateState")
        self.templateState.setTextFormat(Qt.PlainText)
        self.templateState.setWordWrap(True)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.templateState.sizePolicy().hasHeightForWidth())
        self.templateState.setSizePolicy(sizePolicy1)

        self.templateButtons.addWidget(self.templateState)

        self.resetTemplate = QPushButton(TemplateEditor)
        self.resetTemplate.setObjectName(u"resetTemplate")

        self.templateButtons.addWidget(self.resetTemplate)


        self.templatesLayout.addLayout(self.templateButtons)

#if QT_CONFIG(shortcut)
        self.placeholdersLabel.setBuddy(self.placeholders)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TemplateEditor)

        QMetaObject.connectSlotsByName(TemplateEditor)
    # setupUi

    def retranslateUi(self, TemplateEditor):
        self.placeholdersLabel.setText(QCoreApplication.translate("TemplateEditor", u"&Placeholders", u"Heading above the list of placeholders ({voornaam}, {deadline}...) that can be inserted in a message template; & marks the keyboard shortcut"))
        self.insertPlaceholder.setText(QCoreApplication.translate("TemplateEditor", u"&Insert", u"Button: put the chosen placeholder into the message template at the cursor"))
        self.resetTemplate.setText(QCoreApplication.translate("TemplateEditor", u"Reset to default", None))
        pass
    # retranslateUi

