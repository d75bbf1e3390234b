"""A named pipe, a device or a huge file handed in as a shop export or a picture is refused
before it is read, with a clear message (bad-input sweep of 2026-12-06).

Before: `afspraak import pipe.csv` waited for ever, `afspraak import /dev/zero` filled the
memory until the system stopped it, a 200 MB file of junk took a minute and 3 GB of memory;
in the window a pipe dropped as an export hung the import (its Cancel did nothing), and one
dropped as a picture on a product, on an order or as evidence hung the whole window.

A test here never hangs: a reader left waiting on a pipe gets a writer that closes at once
(``pipe``), and the test then fails because a reader was waiting on it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import cli, i18n
from desktop.store import incoming, pictures
from desktop.store.models import Product
from desktop.views import dialogs

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="named pipes in the file system are POSIX")


# Run in a process of its own: a reader blocked inside Qt holds Python's lock, and a thread
# of this process could never come to let it go on.
UNBLOCK = """
import os, sys, time
path, marker = sys.argv[1], sys.argv[2]
while True:
    try:  # succeeds only while a reader is waiting on the pipe: it then reads an empty file
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        open(marker, "w").close()
    except OSError:
        time.sleep(0.05)
"""


class Pipe:
    def __init__(self, path: Path, marker: Path):
        self.path, self.marker = path, marker

    def waited(self) -> bool:
        """Something opened the pipe to read (and so would have waited for ever); the helper
        is given a moment to say so."""
        deadline = time.monotonic() + 0.5
        while not self.marker.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.marker.exists()


@pytest.fixture
def pipe(tmp_path, request):
    """A named pipe called ``export.csv`` (or the name given as the fixture's parameter),
    with a process beside it that lets any reader of it go on with an empty file."""
    path = tmp_path / getattr(request, "param", "export.csv")
    os.mkfifo(path)
    marker = tmp_path / "waited"
    helper = subprocess.Popen([sys.executable, "-c", UNBLOCK, str(path), str(marker)])
    yield Pipe(path, marker)
    helper.terminate()
    helper.wait(10)


@pytest.mark.parametrize("language, said", [("nl", "kan niet worden gelezen: het is geen gewoon bestand. Er is "
                                                   "niets veranderd."),
                                            ("en", "cannot be read: it is not an ordinary file. Nothing was changed.")])
def test_the_import_command_refuses_a_named_pipe_at_once(data_dir, pipe, capsys, language, said):
    path = pipe.path
    assert cli.main(["--lang", language, "import", str(path)]) == 1
    assert said in capsys.readouterr().err
    assert not pipe.waited()


def test_the_import_command_refuses_a_device(data_dir, capsys):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    assert cli.main(["--lang", "nl", "import", "/dev/zero"]) == 1
    assert "„/dev/zero” kan niet worden gelezen: het is geen gewoon bestand." in capsys.readouterr().err


@pytest.mark.parametrize("language, said", [
    ("nl", "„groot.csv” kan niet worden gelezen: het is 51 MB, en Afspraak leest een export van je webshop van "
           "hoogstens 50 MB: exporteer een kortere periode of minder producten uit je webshop. Er is niets veranderd."),
    ("en", "“groot.csv” cannot be read: it is 51 MB, and Afspraak reads a shop export of at most 50 MB: export a "
           "shorter period or fewer products from your shop. Nothing was changed.")])
def test_a_file_larger_than_an_export_is_refused_before_it_is_read(data_dir, tmp_path, monkeypatch, capsys,
                                                                   language, said):
    monkeypatch.chdir(tmp_path)
    with open("groot.csv", "wb") as fh:  # sparse: 51 MB that take no room on the disk
        fh.write(b"Handle,Title,Variant Price\n")
        fh.truncate(51 * 2**20)
    read = []
    real = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real(fd, n))
    assert cli.main(["--lang", language, "import", "groot.csv"]) == 1
    assert capsys.readouterr().err.strip() == said
    assert not any(n > 2**20 for n in read)
    assert not (data_dir / "afspraak.sqlite3").exists()  # nothing opened, nothing written


def test_an_export_of_the_size_allowed_is_read(tmp_path, monkeypatch):
    path = tmp_path / "export.csv"
    path.write_bytes(b"x" * 100)
    monkeypatch.setattr(incoming, "EXPORT_MAX_BYTES", 100)
    assert incoming.read_whole(path) == b"x" * 100
    monkeypatch.setattr(incoming, "EXPORT_MAX_BYTES", 99)
    with pytest.raises(incoming.TooLarge):
        incoming.read_whole(path)


@pytest.fixture
def window(qtbot, demo_db, translator):
    from desktop.views.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def warned(monkeypatch):
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: said.append((title, text)))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: said.append((title, text)))
    return said


def test_a_pipe_dropped_on_the_window_is_refused_with_a_word(qtbot, window, warned, pipe):
    path = pipe.path
    i18n.set_language("nl")
    count = Product.select().count()
    window.shipping.import_files([path])
    qtbot.waitUntil(lambda: window.shipping._batch is None and bool(warned), timeout=10000)
    assert warned == [("Niet geïmporteerd", "„export.csv” is niet geïmporteerd. Het bestand is niet te lezen: het is "
                                            "geen gewoon bestand. Er is niets veranderd.")]
    assert Product.select().count() == count and not pipe.waited()


@pytest.mark.parametrize("pipe", ["foto.png"], indirect=True)
def test_a_pipe_dropped_as_a_products_picture_does_not_hang_the_window(qtbot, window, warned, pipe):
    path = pipe.path
    product = Product.select().first()
    assert window.shipping.drop_picture(product.id, [path]) is False
    assert warned == [("Geen foto", "„foto.png” is geen bestand. Er is niets veranderd.")]
    assert Product.get_by_id(product.id).image_path == product.image_path
    assert not pipe.waited()


@pytest.mark.parametrize("pipe", ["foto.png"], indirect=True)
def test_a_pipe_given_as_evidence_or_an_order_picture_is_not_a_file(data_dir, pipe):
    path = pipe.path
    with pytest.raises(pictures.NotAPicture) as refused:
        pictures.import_picture(path)
    assert refused.value.reason == pictures.NOT_A_FILE
    assert not pipe.waited()
    assert not (data_dir / pictures.FOLDER).exists() or not os.listdir(data_dir / pictures.FOLDER)


@pytest.mark.parametrize("pipe", ["ontwerp.png"], indirect=True)
def test_a_pipe_added_to_a_custom_order_is_named_as_not_a_picture(qtbot, demo_db, translator, pipe):
    from desktop.store.models import CustomOrder
    from desktop.views.order_dialog import OrderDialog

    from .conftest import NOW

    i18n.set_language("nl")
    order = CustomOrder.select().order_by(CustomOrder.id).first()
    dialog = OrderDialog(None, NOW, order_id=order.id)
    qtbot.addWidget(dialog)
    dialog.add_pictures([str(pipe.path)])
    assert dialog.pending_pictures == [] and not pipe.waited()



def _png(width: int, height: int, packed_rows: bytes, colour: int = 2) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", packed_rows) + chunk(b"IEND", b"")


def _bomb() -> bytes:
    """A PNG of 20000 × 20000 grey pixels: 400 kB on the disk, 400 MB decoded."""
    import zlib

    packer = zlib.compressobj(6)
    row = b"\x00" * (1 + 20000)
    return _png(20000, 20000, b"".join(packer.compress(row) for _ in range(20000)) + packer.flush(), colour=0)


@pytest.mark.parametrize("name, content, reason", [
    ("tekening.png", lambda: b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9" '
                             b'height="9"/></svg>', pictures.NOT_A_PICTURE),
    ("afgebroken.png", lambda: _png(2, 2, __import__("zlib").compress(b"\x00" + b"\xff" * 6) * 2)[:40],
     pictures.DAMAGED),
    ("enorm.png", _bomb, pictures.TOO_MANY_PIXELS),
])
def test_a_picture_that_cannot_be_shown_is_not_put_with_a_product(qtbot, window, warned, tmp_path, name, content,
                                                                  reason):
    """An SVG (even named .png) ended in a ValueError traceback; a cut-off PNG or one of
    20000 × 20000 pixels was saved with the product, which then showed no picture. Each is
    named with what is wrong with it."""
    from desktop.presentation import errors

    picture = tmp_path / name
    picture.write_bytes(content())
    product = Product.select().first()
    assert window.shipping.drop_picture(product.id, [picture]) is False
    said = errors.text(pictures.NotAPicture(reason, name, size=(20000, 20000)))
    assert warned == [("Geen foto", f"{said} Er is niets veranderd.")]
    assert Product.get_by_id(product.id).image_path == product.image_path


def test_a_whole_png_is_put_with_a_product(qtbot, window, warned, tmp_path):
    import zlib

    picture = tmp_path / "foto.png"
    picture.write_bytes(_png(2, 2, zlib.compress((b"\x00" + b"\xff" * 6) * 2)))
    product = Product.select().first()
    assert window.shipping.drop_picture(product.id, [picture]) is True
    assert Product.get_by_id(product.id).image_path.endswith(".png") and not warned
