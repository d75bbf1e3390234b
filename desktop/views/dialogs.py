"""Blocking dialogs behind small functions, so tests can replace them (Vorta's pattern)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from desktop.i18n import _


def _yes_no(box: QMessageBox) -> None:
    """Our own Ja/Nee: Qt's standard button texts are English (its catalogs are not shipped)."""
    # TRANSLATORS: button of a yes/no question.
    box.button(QMessageBox.Yes).setText(_("Yes"))
    # TRANSLATORS: button of a yes/no question.
    box.button(QMessageBox.No).setText(_("No"))


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def ask_open_path(parent: QWidget | None, title: str, filters: str, folder: str = "") -> str:
    """One file to open ("" when cancelled); the dialog starts in ``folder`` when given."""
    path, _selected = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path


def ask_open_paths(parent: QWidget | None, title: str, filters: str) -> list[str]:
    """Several files to open ([] when cancelled)."""
    paths, _selected = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return list(paths)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No, parent)
    box.setTextFormat(_plain())
    box.setDefaultButton(QMessageBox.No)
    _yes_no(box)
    return box.exec() == QMessageBox.Yes


def ask_which(parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
    """A question with its own answers ([(key, button text)], the first the default; the
    one with the key None is the way back, as Escape is): the key answered."""
    from desktop.views.rows import shortcut_safe

    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.NoButton, parent)
    box.setTextFormat(_plain())
    buttons = {}
    for index, (key, label) in enumerate(choices):  # a name in a button: "&" is no shortcut mark
        button = box.addButton(shortcut_safe(label), QMessageBox.RejectRole if key is None else QMessageBox.AcceptRole)
        buttons[button] = key
        if index == 0:
            box.setDefaultButton(button)
        if key is None:
            box.setEscapeButton(button)
    box.exec()
    return buttons.get(box.clickedButton())


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Information, title, "", QMessageBox.Ok, parent)
    _show_text(box, text)
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    warning_box(parent, title, text).exec()


def warning_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """The box :func:`warn` shows (also for docs/make_screenshots.py, which draws it)."""
    box = QMessageBox(QMessageBox.Warning, title, "", QMessageBox.Ok, parent)
    _show_text(box, text)
    return box


def _plain():
    from PySide6.QtCore import Qt

    return Qt.PlainText


INDENT_PX = 5  # per space a line of a message is indented by
SUMMARY_WIDTH_PX = 640  # the text of a message with indented lines (a summary), or of a long one
NARROW_WIDTH_PX = 420  # about the width Qt's own box wraps a text at (its 500 pixels less the icon)
# What a box needs besides its text: the window's title bar (drawn by the desktop, outside the
# box), the margins, the gaps, the row of buttons; a text taller than the screen less this scrolls.
TITLE_BAR_PX = 48


def _screen_room(box: QMessageBox):
    """The part of the screen a box may take (its parent's screen, else the main one)."""
    from PySide6.QtGui import QGuiApplication

    parent = box.parentWidget()
    screen = (parent.screen() if parent is not None else None) or box.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _text_height(text: str, rich: bool, width: int, font) -> int:
    """How high ``text`` is in a wrapping label ``width`` pixels wide."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    probe = QLabel()
    probe.setFont(font)
    probe.setWordWrap(True)
    probe.setTextFormat(Qt.RichText if rich else Qt.PlainText)
    probe.setText(text)
    return probe.heightForWidth(width)


def _show_text(box: QMessageBox, text: str) -> None:
    """``text`` as written, never read as markup (a name with <b> is not bold). A text with
    indented lines (an import's summary: a file's outcome under its name, a skipped row under
    "1 row skipped") is shown as paragraphs with that indent, so a line the box wraps stays
    under the line it belongs to instead of looking like the next item (review of the
    imports: "16: the file ends inside…" at the margin).

    The box always fits the screen with its buttons: a text too high for Qt's own narrow box
    is shown wider (``SUMMARY_WIDTH_PX``), and one too high for that too in a scrolling area
    of that width under the screen's height (review of the imports: a summary of a file with
    many notes made a box 1148 pixels high, its OK button below a 768-pixel screen)."""
    from PySide6.QtCore import Qt

    indented = any(line.startswith(" ") for line in text.split("\n"))
    shown = indented_html(text) if indented else text
    room = _screen_room(box)
    label = box.findChild(QLabel, "qt_msgbox_label")
    font = label.font() if label is not None else box.font()
    width = max(NARROW_WIDTH_PX, min(SUMMARY_WIDTH_PX, room.width() - 150))  # the icon, margins, scroll bar
    # a long text scrolls in two thirds of the screen: the box stays a message, not a page
    text_room = min(room.height() - _besides_text(box), room.height() * 2 // 3)
    if _text_height(shown, indented, width, font) > text_room:
        _scrolling(box, text, shown, indented, width, text_room)
        return
    if not indented and _text_height(text, False, NARROW_WIDTH_PX, font) <= text_room:
        box.setTextFormat(Qt.PlainText)
        box.setText(text)
        return
    box.setTextFormat(Qt.RichText if indented else Qt.PlainText)
    box.setText(shown)
    # wider than the box's own choice (about 400 pixels), so fewer lines wrap and a summary
    # of several files stays on a 768-pixel-high screen
    box.setStyleSheet(f"QLabel#qt_msgbox_label {{ min-width: {width}px; }}")


def _besides_text(box: QMessageBox) -> int:
    """The height a box takes besides its text: title bar, margins, gaps, buttons."""
    layout = box.layout()
    margins = layout.contentsMargins() if layout is not None else None
    frame = (margins.top() + margins.bottom()) if margins is not None else 24
    gaps = 2 * max(layout.verticalSpacing() if layout is not None else 0, 6)
    buttons = max((b.sizeHint().height() for b in box.buttons()), default=30)
    return TITLE_BAR_PX + frame + gaps + buttons


def _scrolling(box: QMessageBox, text: str, shown: str, rich: bool, width: int, text_room: int) -> None:
    """The text (``shown``: as the label shows it) in an area of its own that scrolls (the
    mouse wheel; Tab to it, then the arrows and Page Up/Down), under ``text_room`` pixels
    high. The box's own label keeps ``text``, hidden (``box.text()`` is what it says). OK
    stays the default button: Enter closes the box as before."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFrame, QScrollArea

    label = QLabel()
    label.setObjectName("messageText")
    label.setTextFormat(Qt.RichText if rich else Qt.PlainText)  # plain: what her file says, as written
    label.setText(shown)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    area = QScrollArea(box)
    area.setObjectName("messageScroll")
    area.setFrameShape(QFrame.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn)
    area.setFocusPolicy(Qt.StrongFocus)
    area.setWidget(label)
    area.viewport().setAutoFillBackground(False)
    label.setAutoFillBackground(False)
    bar = area.verticalScrollBar().sizeHint().width()
    area.setFixedSize(width + bar + 4, min(label.heightForWidth(width), text_room))
    box.setTextFormat(Qt.PlainText)
    box.setText(text)
    own = box.findChild(QLabel, "qt_msgbox_label")
    grid = box.layout()
    row, column, _rows, _columns = grid.getItemPosition(grid.indexOf(own))
    own.hide()
    grid.addWidget(area, row, column, 1, 1)


def indented_html(text: str) -> str:
    """Plain ``text`` as HTML paragraphs, each line's leading spaces a left margin; a line at
    the margin after indented ones starts a new block, a little apart."""
    import html

    paragraphs = []
    previous = 0
    for line in text.split("\n"):
        words = line.lstrip(" ")
        indent = len(line) - len(words)
        top = 6 if indent == 0 and previous > 0 else 0
        paragraphs.append(f'<p style="margin-top:{top}px; margin-bottom:0px; margin-left:{indent * INDENT_PX}px; '
                          f'white-space:pre-wrap">{html.escape(words, quote=False) or "&nbsp;"}</p>')
        previous = indent if words else 0
    return "".join(paragraphs)


# --- the shipping flow (forms in ui/, classes in views/shipping_dialogs.py) -------------

def ask_shipment(parent: QWidget | None, person_id: int, product_ids: list[int], collaboration_id: int | None = None):
    """The parcel dialog for one person (for ``collaboration_id`` when given); returns a
    store.shipping.NewShipment or None."""
    from desktop.views.shipping_dialogs import ShipmentDialog

    form = ShipmentDialog(parent, person_id, product_ids, confirm=confirm, collaboration_id=collaboration_id)
    form.dialog.exec()
    return form.result


def ask_product(parent: QWidget | None, picture=None):
    """The "add a product" dialog; returns a ProductInput or None."""
    from desktop.views.shipping_dialogs import ProductDialog

    form = ProductDialog(parent, picture, choose_path=ask_open_path)
    form.dialog.exec()
    return form.result


def choose(parent: QWidget | None, title: str, prompt: str, entries, current: int | None = None) -> int | None:
    """Pick one of [(id, text, reason it is blocked or None)], starting on ``current``;
    returns the id or None."""
    from desktop.views.shipping_dialogs import Chooser

    form = Chooser(parent, title, prompt, entries, current=current)
    form.dialog.exec()
    return form.result


def run(dialog) -> bool:
    """Show a modal dialog; True when the user saved. Tests replace this to fill and accept."""
    from PySide6.QtWidgets import QDialog

    return dialog.exec() == QDialog.Accepted


def ask_text(parent: QWidget | None, title: str, label: str) -> str:
    """One line of text from the user ("" when cancelled)."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label)
    return text.strip() if ok else ""
def option_box(parent: QWidget | None, title: str, text: str, option: str, yes_text: str = ""):
    """The question of ``confirm_with_option``, not yet shown: (the box, its check box).

    With ``yes_text`` (the action itself: "Wissen") the other button reads "Annuleren",
    not "Nee": an action is done or cancelled, a question answered yes or no."""
    from PySide6.QtWidgets import QCheckBox

    box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Yes | QMessageBox.No, parent)
    box.setTextFormat(_plain())
    box.setDefaultButton(QMessageBox.No)
    _yes_no(box)
    if yes_text:
        box.button(QMessageBox.Yes).setText(yes_text)
        box.button(QMessageBox.No).setText(_("Cancel"))
    check = QCheckBox(option, box)
    box.setCheckBox(check)
    from desktop.views.keys import letters_when_shown

    letters_when_shown(box)  # the box's Alt letter, none of the buttons'
    return box, check


def confirm_with_option(parent: QWidget | None, title: str, text: str, option: str,
                        yes_text: str = "") -> tuple[bool, bool]:
    """Ask yes/no with one check box under the text; returns (yes, option checked)."""
    box, check = option_box(parent, title, text, option, yes_text)
    answer = box.exec() == QMessageBox.Yes
    return answer, check.isChecked()


def ask_language(parent: QWidget | None = None) -> str:
    """The first start's question when the system names no language Afspraak speaks: Dutch
    or English, asked in both, Dutch preselected; closing the dialog keeps Dutch."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout

    from desktop import i18n

    texts = {}
    for language in i18n.LANGUAGES:
        with i18n.speaking(language):
            # TRANSLATORS: asked once at the very first start, in Dutch and in English at once.
            texts[language] = (_("Which language would you like to use Afspraak in?"),
                               _("You can change it later under View → Language."))
    dialog = QDialog(parent)
    dialog.setObjectName("languageQuestion")
    dialog.setWindowTitle("Afspraak")
    layout = QVBoxLayout(dialog)
    for language in i18n.LANGUAGES:
        question = QLabel(texts[language][0])
        question.setTextFormat(_plain())
        layout.addWidget(question)
    choices = {}
    for language, name in (("nl", "Nederlands"), ("en", "English")):
        choices[language] = QRadioButton(name)
        choices[language].setObjectName(f"language_{language}")
        layout.addWidget(choices[language])
    choices["nl"].setChecked(True)
    from desktop.views import theme

    for language in i18n.LANGUAGES:
        later = QLabel(texts[language][1])
        later.setObjectName(f"languageLater_{language}")
        later.setTextFormat(_plain())
        # A quieter note, still readable (a disabled label reads as "not available").
        later.setStyleSheet("color: {c};".format(c=theme.css(theme.muted_colour())))
        layout.addWidget(later)
    buttons = QDialogButtonBox(QDialogButtonBox.Ok)
    buttons.accepted.connect(dialog.accept)
    layout.addWidget(buttons)
    from desktop.views.keys import letters_when_shown

    letters_when_shown(dialog)  # Alt+N, Alt+E: each language by its own letter
    dialog.exec()
    return "en" if choices["en"].isChecked() else "nl"
