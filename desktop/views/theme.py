"""One visual language for every view: spacing, type sizes and colours.

Colours come from the application's QPalette (what the desktop gives: light or dark),
never from hex codes in stylesheets. The few colours of meaning (late, soon, done,
muted) are fixed hues whose lightness follows the palette, so they read on a light and
on a dark background alike. Views ask here instead of writing ``color: #a01c1c``.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# --- spacing: one scale, in pixels ---------------------------------------------------
XS, S, M, L, XL = 4, 8, 12, 16, 24
PAGE_MARGIN = L  # around a view's content: headings never touch the sidebar or the edge
CELL_PADDING = M  # extra width a list cell gets beyond its text (both sides together)

# --- sizes --------------------------------------------------------------------------
SIDEBAR_WIDTH = 148  # icon + one word ("Maatwerk", "Influencers") with room on both sides
DETAIL_MIN_WIDTH = 340  # a detail pane never gets narrower: its buttons wrap instead
CATALOGUE_WIDTH = 260  # the Producten panel beside the views that take drops

# --- type: multiples of the desktop's own font size ----------------------------------
TITLE_SCALE = 1.4  # a view's title
HEADING_SCALE = 1.25  # the first line of a detail pane
EMPTY_SCALE = 1.3  # the heading of an empty state


def scaled_font(base: QFont, scale: float, bold: bool = True) -> QFont:
    font = QFont(base)
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * scale)
    else:
        font.setPixelSize(round(font.pixelSize() * scale))
    font.setBold(bold)
    return font


# --- colours -------------------------------------------------------------------------
# Hue and saturation per meaning; the lightness comes from the palette (see status_colour).
_HUES = {
    "red": (0, 200),  # late, blocked by strikes, a warning
    "amber": (36, 230),  # soon, waiting for an answer
    "green": (130, 150),  # done, delivered, in order
    "blue": (215, 170),  # a link, information
}


def palette() -> QPalette:
    app = QApplication.instance()
    return app.palette() if app is not None else QPalette()


def is_dark(pal: QPalette | None = None) -> bool:
    pal = pal or palette()
    return pal.color(QPalette.Window).lightness() < 128


def status_colour(kind: str, pal: QPalette | None = None) -> QColor:
    """The text colour of a meaning ("red", "amber", "green", "blue", "grey") on this palette."""
    pal = pal or palette()
    if kind == "grey":
        return muted_colour(pal)
    hue, saturation = _HUES[kind]
    # Dark text on a light background, light text on a dark one; both with enough contrast.
    lightness = 175 if is_dark(pal) else 80
    return QColor.fromHsl(hue, saturation, lightness)


def muted_colour(pal: QPalette | None = None) -> QColor:
    """Secondary text (a handle under a name, a note): the palette's placeholder colour."""
    pal = pal or palette()
    text, base = pal.color(QPalette.Text), pal.color(QPalette.Base)
    # Halfway between text and background, a little towards the text: readable, quieter.
    return QColor(
        round(text.red() * 0.6 + base.red() * 0.4),
        round(text.green() * 0.6 + base.green() * 0.4),
        round(text.blue() * 0.6 + base.blue() * 0.4),
    )


def tint(kind: str, pal: QPalette | None = None, alpha: int = 48) -> QColor:
    """A soft background for a label or banner of this meaning (the colour, see-through)."""
    colour = QColor(status_colour(kind, pal)) if kind != "grey" else QColor(muted_colour(pal))
    colour.setAlpha(alpha)
    return colour


def mix(colour: QColor, background: QColor, amount: float) -> QColor:
    """``amount`` of ``colour`` over ``background`` (0: the background, 1: the colour)."""
    return QColor(
        round(colour.red() * amount + background.red() * (1 - amount)),
        round(colour.green() * amount + background.green() * (1 - amount)),
        round(colour.blue() * amount + background.blue() * (1 - amount)),
    )


def css(colour: QColor) -> str:
    """A colour for a stylesheet built from the palette (rgba keeps the transparency)."""
    return "rgba({r}, {g}, {b}, {a})".format(r=colour.red(), g=colour.green(), b=colour.blue(), a=colour.alpha())


def text_style(kind: str, bold: bool = False) -> str:
    """A label's stylesheet for a meaning, from the palette in use ("color: rgba(...);")."""
    return "color: {c};{b}".format(c=css(status_colour(kind)), b=" font-weight: bold;" if bold else "")


def border_style(kind: str = "red") -> str:
    """The frame of a field with a mistake in it."""
    return "border: 1px solid {c};".format(c=css(status_colour(kind)))


def accent(pal: QPalette | None = None) -> QColor:
    """The app's one accent: the palette's highlight (the desktop's own choice)."""
    return (pal or palette()).color(QPalette.Highlight)


def set_text_colour(widget: QWidget, kind: str) -> None:
    """Colour a label's text by meaning through its palette (no stylesheet, follows the theme)."""
    pal = widget.palette()
    colour = status_colour(kind, palette())
    pal.setColor(QPalette.WindowText, colour)
    pal.setColor(QPalette.Text, colour)
    widget.setPalette(pal)


def banner_style(name: str, kind: str = "amber") -> str:
    """The stylesheet of a notice frame (objectName ``name``), from the palette."""
    return "#{name} {{ background: {bg}; border: 1px solid {line}; border-radius: {r}px; }}".format(
        name=name, bg=css(tint(kind, alpha=56)), line=css(tint(kind, alpha=150)), r=XS)


def dark_palette() -> QPalette:
    """What a dark desktop gives an app (used for screenshots and the layout check)."""
    pal = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    pal.setColor(QPalette.Window, window)
    pal.setColor(QPalette.WindowText, text)
    pal.setColor(QPalette.Base, base)
    pal.setColor(QPalette.AlternateBase, QColor(40, 40, 43))
    pal.setColor(QPalette.ToolTipBase, window)
    pal.setColor(QPalette.ToolTipText, text)
    pal.setColor(QPalette.PlaceholderText, QColor(150, 150, 150))
    pal.setColor(QPalette.Text, text)
    pal.setColor(QPalette.Button, QColor(55, 55, 58))
    pal.setColor(QPalette.ButtonText, text)
    pal.setColor(QPalette.BrightText, QColor(255, 90, 90))
    pal.setColor(QPalette.Light, QColor(75, 75, 78))
    pal.setColor(QPalette.Midlight, QColor(62, 62, 65))
    pal.setColor(QPalette.Mid, QColor(40, 40, 42))
    pal.setColor(QPalette.Dark, QColor(20, 20, 22))
    pal.setColor(QPalette.Shadow, QColor(0, 0, 0))
    pal.setColor(QPalette.Highlight, QColor(122, 92, 170))
    pal.setColor(QPalette.HighlightedText, QColor(255, 255, 255))
    pal.setColor(QPalette.Link, QColor(130, 170, 255))
    pal.setColor(QPalette.LinkVisited, QColor(180, 140, 255))
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        pal.setColor(QPalette.Disabled, role, QColor(120, 120, 120))
    return pal
