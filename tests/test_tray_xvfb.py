"""The real thing: a window system with a tray host (Xvfb + trayer)."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb
HERE = Path(__file__).resolve().parent


@pytest.fixture
def xserver(tmp_path):
    if not (shutil.which("Xvfb") and shutil.which("trayer")):
        pytest.skip("Xvfb and trayer are needed (make test installs them)")
    display = f":{90 + os.getpid() % 100}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", AFSPRAAK_DATA_DIR=str(tmp_path / "data"))
    trayer = subprocess.Popen(["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
                               "--height", "24", "--SetDockType", "true"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    yield env
    for proc in (trayer, xvfb):
        proc.terminate()
        proc.wait(5)


def test_tray_icon_tooltip_and_message_with_a_tray_host(xserver):
    result = subprocess.run([sys.executable, str(HERE / "xvfb_tray_probe.py")], env=xserver,
                            capture_output=True, text=True, timeout=60, cwd=HERE.parent)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["available"] is True
    assert facts["visible"] is True
    assert "2 herinneringen" in facts["tooltip"]
    assert facts["messages"] and facts["messages"][0][0] == "2 herinneringen"
    assert "Vandaag openen" in facts["menu"] and "Alles 1 uur stilzetten" in facts["menu"]
    assert not facts["popup_visible"]  # the tray shows the message; no fallback popup


def test_names_in_qt_s_own_balloon_read_as_typed(xserver):
    """An XEmbed tray (trayer; no StatusNotifierWatcher, no notification service): Qt draws
    the balloon itself, as plain text. Escaped for a notification service that reads
    markup, it read "Anna &amp; Bo &lt;3: Ring &lt;b&gt;Maan&lt;/b&gt;" (review walk)."""
    env = dict(xserver, DBUS_SESSION_BUS_ADDRESS="disabled:")
    result = subprocess.run([sys.executable, str(HERE / "xvfb_balloon_probe.py")], env=env,
                            capture_output=True, text=True, timeout=60, cwd=HERE.parent)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["available"] and facts["supports"] and not facts["popup_visible"]
    assert facts["balloon"] == ["Herinnering", "Anna & Bo <3: Ring <b>Maan</b>"]
