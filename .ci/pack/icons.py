"""Render the app icon (resources/afspraak.svg) into the formats each platform wants.

    python -m pack.icons OUTDIR

writes OUTDIR/afspraak-<size>.png (16 ... 1024), afspraak.png (256), afspraak.ico
(Windows, 16-256 in one file) and afspraak.icns (macOS). Qt's own SVG renderer draws
every size from the vector source, so small sizes stay sharp; Pillow only packs the
drawn images into .ico and .icns. Build time only: the app itself uses the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # .ci/pack/ -> the repository
SOURCE = ROOT / "resources" / "afspraak.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(source: Path, size: int, out: Path) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {source}")
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")
    return out


def build_icons(out_dir: Path, source: Path = SOURCE) -> dict[str, Path]:
    """Render every size; returns {'png': ..., 'ico': ..., 'icns': ...}."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PIL import Image

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (Qt needs one for painting)
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(source, size, out_dir / f"afspraak-{size}.png") for size in SIZES}
    png = out_dir / "afspraak.png"
    png.write_bytes(pngs[256].read_bytes())

    ico = out_dir / "afspraak.ico"
    images = [Image.open(pngs[s]) for s in ICO_SIZES]
    images[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])

    icns = out_dir / "afspraak.icns"
    big = Image.open(pngs[1024])
    big.save(icns, format="ICNS", append_images=[Image.open(pngs[s]) for s in (16, 32, 64, 128, 256, 512)])
    return {"png": png, "ico": ico, "icns": icns, "svg": source}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m pack.icons OUTDIR", file=sys.stderr)
        return 2
    for kind, path in build_icons(Path(argv[0])).items():
        print(f"{kind}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
