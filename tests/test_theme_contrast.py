"""Every colour of meaning reads on every background it is drawn on, light and dark.

WCAG 2.1 AA asks 4.5:1 for normal text. Status texts are drawn on the list (Base and the
striped AlternateBase), on the window (detail panes) and on their own see-through pill;
secondary text (muted) likewise. Checked on Qt's own light palette (Fusion) and on the dark
palette the screenshots and the layout check use.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop.views import theme

KINDS = ("red", "amber", "green", "blue", "grey")


def _palettes():
    style = QStyleFactory.create("Fusion")
    return {"light": style.standardPalette(), "dark": theme.dark_palette()}


@pytest.mark.parametrize("name", ["light", "dark"])
@pytest.mark.parametrize("kind", KINDS)
def test_status_text_has_aa_contrast_everywhere(qapp: QApplication, name: str, kind: str) -> None:
    pal = _palettes()[name]
    colour = theme.status_colour(kind, pal)
    for background in theme.backgrounds(colour, pal):
        assert theme.contrast(colour, background) >= theme.MIN_CONTRAST, (name, kind, background.name())


@pytest.mark.parametrize("name", ["light", "dark"])
def test_muted_text_has_aa_contrast(qapp: QApplication, name: str) -> None:
    pal = _palettes()[name]
    muted = theme.muted_colour(pal)
    for role in (QPalette.Base, QPalette.Window, QPalette.AlternateBase):
        assert theme.contrast(muted, pal.color(role)) >= theme.MIN_CONTRAST
    # and it is still quieter than the text itself
    assert theme.contrast(muted, pal.color(QPalette.Base)) < theme.contrast(pal.color(QPalette.Text),
                                                                           pal.color(QPalette.Base))


def test_colours_keep_their_meaning(qapp: QApplication) -> None:
    """Made readable, red is still red and green still green (the hue is kept)."""
    for name, pal in _palettes().items():
        for kind, (hue, _saturation) in theme._HUES.items():
            got = theme.status_colour(kind, pal).hslHue()
            assert abs(got - hue) <= 3 or (hue == 0 and got >= 357), (name, kind, got)


def test_readable_darkens_on_light_and_lightens_on_dark(qapp: QApplication) -> None:
    pale = QColor.fromHsl(130, 150, 200)  # pale green: unreadable on white
    light, dark = _palettes()["light"], _palettes()["dark"]
    assert theme.readable(pale, light).lightness() < pale.lightness()
    deep = QColor.fromHsl(130, 150, 40)  # deep green: unreadable on a dark grey
    assert theme.readable(deep, dark).lightness() > deep.lightness()


def test_contrast_ratio_matches_wcag(qapp: QApplication) -> None:
    assert theme.contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert theme.contrast(QColor("white"), QColor("white")) == pytest.approx(1.0)
    assert theme.contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)
