"""The real thing on Linux: a private session bus (dbus-run-session) with Debian's dunst.

dunst -print writes every notification it receives, so the test sees exactly what a
freedesktop notification service got: who, what, and the buttons. The buttons are then
pressed through dunstctl, and the press must reach the app's actions on the GUI thread.
Skipped where dunst, dbus-run-session or Xvfb (dunst needs an X display) are missing;
`make test` installs them.
"""

import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb
HERE = Path(__file__).resolve().parent
TOOLS = ("dunst", "dunstctl", "dbus-run-session", "Xvfb")


@pytest.fixture
def display():
    missing = [tool for tool in TOOLS if not shutil.which(tool)]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (make test installs dunst, dbus and xvfb)")
    read, write = os.pipe()
    # -displayfd: Xvfb picks a free display itself and writes its number (no clash with
    # other X servers on the machine)
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        ready, _, _ = select.select([read], [], [], 15)
        number = os.read(read, 32).decode().strip() if ready else ""
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read)
        xvfb.terminate()
        xvfb.wait(5)


def test_reminder_with_buttons_reaches_dunst_and_its_buttons_act(display, tmp_path):
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="offscreen",
               AFSPRAAK_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(HERE.parent))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # dbus-run-session sets its own private bus
    env.pop("XDG_RUNTIME_DIR", None)
    # Under libfaketime (the suite run on another day) the private bus and dunst need the
    # real clock: GLib refuses to start with a faked CLOCK_MONOTONIC. What is tested here is
    # the path from the app to the service and back, which no date changes.
    if "faketime" in env.get("LD_PRELOAD", ""):
        env.pop("LD_PRELOAD")
    result = subprocess.run(["dbus-run-session", "--", sys.executable, str(HERE / "dunst_notify_probe.py"),
                             str(tmp_path)], env=env, capture_output=True, text=True, timeout=90,
                            cwd=HERE.parent)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    received = (tmp_path / "dunst.out").read_text()

    # the service answered and can show buttons: the native way was chosen, no popup
    assert facts["state"] == "ready"
    assert facts["backend"] == "native" and not facts["popup_visible"]

    # what dunst got: who and what, in Dutch; dunst does not announce "body-markup", so
    # the name goes as typed (a service that reads markup gets it escaped: test_notifications)
    assert "appname: 'Afspraak'" in received
    assert "summary: 'Herinnering'" in received
    assert "body: 'Anna & <b>Co</b>: reel 2 dagen te laat'" in received
    assert "notification-icon.png" in received  # the app's own icon, not a generic one
    for button in ('"open": "Openen"', '"hour": "Over 1 uur"', '"tomorrow": "Morgen 09:00"',
                   '"done": "Afvinken"'):
        assert button in received
    # the summary of three: who is due, and no "done" for several at once
    summary = received[received.index("summary: '3 herinneringen'"):]
    assert "Noor Bakker: post te laat" in summary and '"hour": "Over 1 uur"' in summary
    assert '"done"' not in summary

    # "Over 1 uur" pressed in dunst's menu -> the popup's snooze, on the GUI thread
    assert facts["first"] == [["snooze", "1:00:00", ["a"], True]]
    # a click on the summary itself -> today's list
    assert facts["second"] == [["open_today", "", [], True]]
    assert not facts["popup_visible_after"]
