"""A picture the owner adds is taken only whole: every byte in its place, every pixel decoded.

Before, only its first bytes were looked at: a PNG or JPEG cut off half-way (a download
that stopped, a copy to a full USB stick) or a file that only starts like one was copied
in as evidence, an order's reference or a product's picture, and later showed blank or
grey. Now such a file is named with what is wrong with it, and nothing is stored: no row,
no event, no file, not even a half-written copy when the disk fills during the copy.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning

from desktop import i18n, paths
from desktop.domain import picture_bytes
from desktop.presentation import errors
from desktop.store import catalogue, evidence, orders, pictures
from desktop.store.models import ContentEvidence, CustomOrder, Event, OrderPicture, Product
from desktop.views import dialogs, picture_check

from .conftest import NOW
from .helpers import screenshot_like
from .test_evidence import yara_content
from .test_orders_store import form

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def made(qapp, tmp_path):
    """Whole pictures as Qt saves them (GIF, which Qt cannot write, as Pillow does), by format."""
    folder = tmp_path / "goed"
    folder.mkdir()
    found = {fmt: screenshot_like(folder / f"story.{ext}", fmt)
             for fmt, ext in (("PNG", "png"), ("JPEG", "jpg"), ("WEBP", "webp"), ("BMP", "bmp"))}
    from PIL import Image, ImageDraw

    gif = Image.new("P", (64, 48), 3)
    ImageDraw.Draw(gif).line((0, 0, 63, 47), fill=9)
    gif.save(folder / "story.gif")
    found["GIF"] = folder / "story.gif"
    return found


def cut_and_flipped(data: bytes) -> dict[str, bytes]:
    """The damage a copy suffers: cut at half, at all but the last byte or two, and (for a
    PNG, whose CRCs cover every byte) eight bytes flipped in the middle."""
    middle = len(data) // 2
    return {"half": data[:middle], "all but the last byte": data[:-1], "all but the last two bytes": data[:-2],
            "flipped in the middle": data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 8])
            + data[middle + 8:]}


def stored_files() -> list[Path]:
    folder = paths.data_dir() / "pictures"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# --- the bytes (domain) ---------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "BMP", "GIF"])
def test_a_whole_picture_is_complete_and_no_part_of_it_is(made, fmt):
    data = made[fmt].read_bytes()
    assert picture_bytes.complete(data)
    cuts = set(range(1, len(data), max(1, len(data) // 400))) | set(range(max(1, len(data) - 40), len(data)))
    whole_too_soon = [n for n in sorted(cuts) if picture_bytes.complete(data[:n])]
    assert whole_too_soon == [], fmt


def test_every_flipped_byte_of_a_png_is_found(made):
    data = made["PNG"].read_bytes()
    for at in range(8, len(data), max(1, len(data) // 300)):
        assert not picture_bytes.complete(data[:at] + bytes([data[at] ^ 0x10]) + data[at + 1:]), at


def test_what_follows_a_whole_picture_is_left_alone(made):
    """A phone's motion photo is a JPEG with a video after its end; decoders show the JPEG."""
    assert picture_bytes.complete(made["JPEG"].read_bytes() + b"\x00\x00\x00\x18ftypmp42" + os.urandom(64))
    assert picture_bytes.complete(made["PNG"].read_bytes() + b"\n")


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + b"eigenlijk een tekstbestand\n" * 4,
    b"\xff\xd8\xff" + b"eigenlijk een tekstbestand\n" * 4,
    b"GIF89a" + b"eigenlijk een tekstbestand\n" * 4,
    b"RIFF\x40\x00\x00\x00WEBP" + b"eigenlijk een tekstbestand\n" * 4,
    b"BM" + b"eigenlijk een tekstbestand\n" * 4,
])
def test_a_file_that_only_starts_like_a_picture_is_not_one(data):
    assert picture_bytes.kind(data) is not None and not picture_bytes.complete(data)


# --- the store: read once, checked whole, written whole or not at all -------------------

@pytest.mark.parametrize("fmt, suffix", [("PNG", ".png"), ("JPEG", ".jpg")])
def test_a_cut_or_flipped_copy_is_refused_as_damaged_and_nothing_is_copied(made, tmp_path, fmt, suffix):
    data = made[fmt].read_bytes()
    for damage, content in cut_and_flipped(data).items():
        if fmt == "JPEG" and damage == "flipped in the middle":
            continue  # JPEG keeps no checksum: see test_a_jpeg_with_damage_inside_it_is_refused_when_decoded
        path = tmp_path / f"kapot{suffix}"
        path.write_bytes(content)
        with pytest.raises(pictures.NotAPicture) as refused:
            pictures.import_picture(path)
        assert (refused.value.reason, refused.value.file) == (pictures.DAMAGED, f"kapot{suffix}"), damage
    assert stored_files() == []


def test_an_empty_file_and_a_text_file_named_jpg_are_named_for_what_they_are(tmp_path):
    empty = tmp_path / "IMG_2041.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "story.jpg"
    text.write_text("Dit is de tekst van de story, geen foto.\n")
    for path, reason in ((empty, pictures.EMPTY), (text, pictures.NOT_A_PICTURE)):
        with pytest.raises(pictures.NotAPicture) as refused:
            pictures.import_picture(path, pictures.EVIDENCE_FOLDER)
        assert (refused.value.reason, refused.value.file) == (reason, path.name)
    assert stored_files() == []


def test_the_bytes_checked_are_the_bytes_written(made):
    seen = []
    relative = pictures.import_picture(made["JPEG"], check=lambda data, name: seen.append((data, name)))
    assert seen == [(made["JPEG"].read_bytes(), "story.jpg")]
    assert pictures.absolute(relative).read_bytes() == made["JPEG"].read_bytes()
    assert relative.endswith(".jpg")


class _FullDisk:
    """A file whose write stops half-way with "No space left on device", as on a full stick."""

    def __init__(self, fh):
        self.fh = fh

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()

    def write(self, data):
        self.fh.write(data[: len(data) // 2])
        self.fh.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.fh, name)


def full_disk_after(monkeypatch, whole: int) -> None:
    """The first ``whole`` pictures are written; the next runs out of room half-way."""
    real = os.fdopen
    count = [0]

    def fdopen(fd, mode="r", *args, **kwargs):
        fh = real(fd, mode, *args, **kwargs)
        if "w" not in mode:
            return fh
        count[0] += 1
        return fh if count[0] <= whole else _FullDisk(fh)

    monkeypatch.setattr(pictures.os, "fdopen", fdopen)


def test_a_copy_that_fills_the_disk_leaves_no_half_file(made, monkeypatch):
    full_disk_after(monkeypatch, 0)
    with pytest.raises(OSError) as failed:
        pictures.import_picture(made["PNG"], pictures.EVIDENCE_FOLDER)
    assert failed.value.errno == errno.ENOSPC
    assert stored_files() == []


def test_evidence_whose_second_copy_fills_the_disk_keeps_nothing(demo_db, made, monkeypatch):
    content = yara_content()
    events = Event.select().count()
    full_disk_after(monkeypatch, 1)
    with pytest.raises(OSError):
        evidence.add(content.id, [made["PNG"], made["JPEG"]], NOW)
    assert ContentEvidence.select().count() == 0 and Event.select().count() == events
    assert stored_files() == []


def test_an_order_whose_second_picture_fills_the_disk_is_not_saved(database, made, monkeypatch):
    full_disk_after(monkeypatch, 1)
    with pytest.raises(OSError):
        orders.save_order(form(), NOW, add_pictures=[str(made["PNG"]), str(made["JPEG"])])
    assert CustomOrder.select().count() == 0 and OrderPicture.select().count() == 0
    assert stored_files() == []


def test_a_products_picture_is_checked_whole_too(database, made, tmp_path):
    product = catalogue.add_product(name="Zilveren ketting", now=NOW)
    cut = tmp_path / "ketting.bmp"
    cut.write_bytes(made["BMP"].read_bytes()[:-100])
    with pytest.raises(pictures.NotAPicture) as refused:
        catalogue.set_picture(product.id, cut, "bmp", NOW)
    assert refused.value.reason == pictures.DAMAGED
    assert Product.get_by_id(product.id).image_path == "" and stored_files() == []
    assert catalogue.set_picture(product.id, made["BMP"], "bmp", NOW).endswith(".bmp")


# --- Qt: every pixel decoded -------------------------------------------------------------

def test_every_whole_picture_decodes(made):
    for fmt, path in made.items():
        assert picture_check.refusal(path, pictures.PRODUCT_KINDS) is None, fmt


def test_the_apps_own_screenshots_are_good_pictures(qapp):
    """Real pictures from this repository (the screenshots of the docs): all taken."""
    shots = sorted((REPO / "docs" / "screenshots").glob("*.png"))[:12]
    assert shots
    for shot in shots:
        assert picture_check.refusal(shot) is None, shot.name


def test_a_jpeg_with_damage_inside_it_is_refused_when_decoded(made, tmp_path):
    """Its bytes can look whole: cut off and given an end marker again, or a stuffed byte in
    the middle flipped into the end marker. Qt then shows a grey half and reports no error;
    only libjpeg's warning says so, and that is listened for."""
    data = made["JPEG"].read_bytes()
    scan = data.index(b"\xff\xda")
    stuffed = data.index(b"\xff\x00", scan + (len(data) - scan) // 2)
    for damaged in (data[: len(data) // 2] + b"\xff\xd9",
                    data[:stuffed + 1] + b"\xd9" + data[stuffed + 2:]):
        assert picture_bytes.complete(damaged)  # the bytes alone do not tell
        path = tmp_path / "story-kapot.jpg"
        path.write_bytes(damaged)
        found = picture_check.refusal(path)
        assert found is not None and (found.reason, found.file) == (pictures.DAMAGED, "story-kapot.jpg")


def test_a_picture_too_large_to_decode_is_named_with_its_size(qapp, tmp_path):
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    packer = zlib.compressobj(6)
    rows = b"".join(packer.compress(b"\x00" * 20001) for _ in range(20000)) + packer.flush()
    path = tmp_path / "enorm.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 20000, 20000, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
    found = picture_check.refusal(path)
    assert found is not None and (found.reason, found.size) == (pictures.TOO_MANY_PIXELS, (20000, 20000))
    with i18n.speaking("en"):
        assert errors.text(found) == ("“enorm.png” has too many pixels to show (20,000 × 20,000). Save a smaller "
                                      "copy of it and add that.")


def test_listening_to_the_image_readers_passes_every_other_message_on(qapp):
    heard = []
    previous = qInstallMessageHandler(lambda mode, context, message: heard.append(message))
    try:
        with picture_check._imageio_warnings() as said:
            qWarning("iets anders")
        qWarning("daarna")
    finally:
        qInstallMessageHandler(previous)
    assert said == [] and heard == ["iets anders", "daarna"]


# --- the words ---------------------------------------------------------------------------

def test_what_is_wrong_with_the_file_is_said_with_its_name():
    with i18n.speaking("en"):
        assert errors.text(pictures.NotAPicture(pictures.DAMAGED, "story.jpg")) == (
            "“story.jpg” is damaged or incomplete, so it cannot be shown whole (perhaps its download stopped or "
            "its copy broke off). Save or copy the picture again.")
        assert errors.text(pictures.NotAPicture(pictures.EMPTY, "IMG_2041.jpg")) == (
            "“IMG_2041.jpg” is empty (0 bytes): its download or copy probably never finished. Save or copy the "
            "picture again.")


# --- in the window: named at once, nothing stored ------------------------------------------

@pytest.fixture
def warned(monkeypatch):
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: said.append((title, text)))
    return said


@pytest.fixture
def bad_files(made, tmp_path):
    """A cut-off JPEG, an empty one and a text file named .jpg, beside a good PNG."""
    folder = tmp_path / "van de telefoon"
    folder.mkdir()
    cut = folder / "story 1.jpg"
    cut.write_bytes(made["JPEG"].read_bytes()[: made["JPEG"].stat().st_size // 2])
    empty = folder / "story 2.jpg"
    empty.write_bytes(b"")
    text = folder / "bijschrift.jpg"
    text.write_text("#reclame @zilverenzo\n")
    return [made["PNG"], cut, empty, text]


def test_evidence_with_bad_files_names_each_and_adds_nothing(qtbot, demo_db, translator, warned, bad_files):
    from desktop.views.influencers import InfluencersView

    i18n.set_language("en")
    view = InfluencersView()
    qtbot.addWidget(view)
    content = yara_content()
    events = Event.select().count()
    assert view.add_evidence(content.id, bad_files) is None
    expected = "\n\n".join(["Nothing was added."] + [errors.text(r) for r in (
        pictures.NotAPicture(pictures.DAMAGED, "story 1.jpg"), pictures.NotAPicture(pictures.EMPTY, "story 2.jpg"),
        pictures.NotAPicture(pictures.NOT_A_PICTURE, "bijschrift.jpg"))])
    assert warned == [("No evidence added", expected)]
    assert "“bijschrift.jpg” is not a picture (PNG, JPEG, GIF or WebP)." in expected
    assert ContentEvidence.select().count() == 0 and Event.select().count() == events and stored_files() == []
    assert view.add_evidence(content.id, bad_files[:1]) is not None  # the good one alone is taken


def test_an_orders_picture_is_refused_when_dropped_and_again_when_it_broke_since(qtbot, database, translator,
                                                                                 made, bad_files, tmp_path):
    from desktop.views.order_dialog import OrderDialog

    i18n.set_language("en")
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    dialog.add_pictures([str(bad_files[1])])
    assert dialog.pending_pictures == [] and dialog.pictures.count() == 0
    assert dialog.errors["pictures"].text() == errors.text(
        pictures.NotAPicture(pictures.DAMAGED, "story 1.jpg")) + " Nothing was added."
    # taken whole when dropped; cut off before Save (a sync program still writing it)
    later = tmp_path / "ontwerp.png"
    later.write_bytes(made["PNG"].read_bytes())
    dialog.add_pictures([str(later)])
    assert dialog.pending_pictures == [str(later)]
    later.write_bytes(made["PNG"].read_bytes()[:-1])
    dialog.name.setText("Ingrid Jansen")
    dialog.personalisation.setText("Letter M")
    dialog.save()
    assert dialog.errors["pictures"].text() == errors.text(
        pictures.NotAPicture(pictures.DAMAGED, "ontwerp.png")) + " Nothing was saved."
    assert CustomOrder.select().count() == 0 and stored_files() == []


def test_a_products_picture_dropped_cut_off_is_named_and_changes_nothing(qtbot, demo_db, translator, warned,
                                                                         bad_files):
    from desktop.views.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    i18n.set_language("en")
    product = Product.select().first()
    before = stored_files()
    assert window.shipping.drop_picture(product.id, [bad_files[1]]) is False
    assert warned == [("No picture", errors.text(pictures.NotAPicture(pictures.DAMAGED, "story 1.jpg"))
                       + " Nothing was changed.")]
    assert Product.get_by_id(product.id).image_path == product.image_path and stored_files() == before


def test_the_product_dialog_says_what_is_wrong_with_the_picture(qtbot, database, translator, bad_files):
    from desktop.views.shipping_dialogs import ProductDialog

    i18n.set_language("en")
    dialog = ProductDialog(None)
    qtbot.addWidget(dialog.dialog)
    assert dialog.set_picture(bad_files[2]) is False
    assert dialog.problem.text() == errors.text(pictures.NotAPicture(pictures.EMPTY, "story 2.jpg"))
    assert dialog.picture is None
    assert dialog.set_picture(bad_files[0]) is True and dialog.picture_format == "png"
