"""Check the built bundle: it starts, finds everything, writes only to its data dir,
stays under the size limit and starts about as fast as the script.

    python -m pack.check [--dist dist] [--runs 11] [--json build/dist-check.json]

Run by `make dist` after PyInstaller (and so by CI). Every start is offscreen, with a
fresh temporary data dir and a temporary HOME, XDG dirs and TMPDIR, so nothing the
bundle writes can hide in the real home folder:

1. smoke: ``Afspraak gui --smoke-test`` in Dutch on an empty data dir (creates the
   database, shows the window, runs desktop/selfcheck.py), then ``Afspraak demo`` and
   a smoke test in English on the filled database. Fails on a non-zero exit, a missing
   "smoke-test: ok", no database, any "No module named"/Qt plugin/traceback text on
   stderr, an error in the app's log, a changed file in the bundle, or a file written
   outside the data dir.
2. size: the bundle folder on disk (allocated blocks), at most --max-mb (10^6 bytes).
3. speed: start to shown window (the moment the app prints "smoke-test: window shown")
   of the bundle and of ``python -m desktop gui --smoke-test``, alternated, median of
   --runs each after one warm-up. The ratio is printed with its target; a miss fails
   only with --strict-speed (timings on shared CI machines are noise, not behaviour).

Exit code 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # .ci/pack/ -> the repository
MAX_MB = 120.0
MAX_RATIO = 1.1
SHOWN = "smoke-test: window shown"
OK = "smoke-test: ok"
# stderr text that means something is missing from the bundle.
BAD_STDERR = re.compile(
    r"No module named|ModuleNotFoundError|ImportError|Traceback|smoke-test: (problem|FAILED)"
    r"|Could not (load|find) the Qt platform plugin|qt\.qpa\.plugin|Cannot load library"
    r"|cannot open shared object file|Failed to execute script|Library not loaded",
)
BAD_LOG = re.compile(r" (ERROR|CRITICAL) ")
TIMEOUT = 90
# A windowed Windows exe has no stdout: there only the exit code and the database count,
# and start time is measured to the exit.
SILENT = os.name == "nt"


def bundle_exe(dist: Path) -> Path:
    if sys.platform == "darwin":
        return dist / "Afspraak.app" / "Contents" / "MacOS" / "Afspraak"
    return dist / "Afspraak" / ("Afspraak.exe" if os.name == "nt" else "Afspraak")


def bundle_dir(dist: Path) -> Path:
    return dist / "Afspraak.app" if sys.platform == "darwin" else dist / "Afspraak"


def size_on_disk(folder: Path) -> int:
    """Bytes allocated on disk (each file once; symlinks as links), like ``du -s -B1``."""
    total, seen = 0, set()
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            st = os.lstat(os.path.join(dirpath, name))
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            blocks = getattr(st, "st_blocks", None)
            total += blocks * 512 if blocks is not None else st.st_size
    return total


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every file under folder, to see whether anything was written."""
    out = {}
    for path in folder.rglob("*"):
        st = path.lstat()
        out[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return out


def isolated_env(base: Path, language: str = "nl") -> dict[str, str]:
    """Environment for one start: offscreen, its own data dir, home, XDG dirs and temp."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "AFSPRAAK_", "LC_", "LANG"))}
    home = base / "home"
    for sub in ("home", "tmp", "cwd", "runtime"):
        (base / sub).mkdir(parents=True, exist_ok=True)
    os.chmod(base / "runtime", 0o700)
    env.update(
        HOME=str(home), USERPROFILE=str(home), TMPDIR=str(base / "tmp"), TEMP=str(base / "tmp"),
        TMP=str(base / "tmp"), XDG_RUNTIME_DIR=str(base / "runtime"),
        XDG_DATA_HOME=str(home / ".local/share"), XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"), XDG_STATE_HOME=str(home / ".local/state"),
        AFSPRAAK_DATA_DIR=str(base / "data"), QT_QPA_PLATFORM="offscreen",
        # C.UTF-8 exists on every Linux (nl_NL.UTF-8 may not be generated); the app takes
        # its language from LANGUAGE (desktop/i18n.py: system_language).
        DBUS_SESSION_BUS_ADDRESS="disabled:", LANG="C.UTF-8", LANGUAGE=language,
    )
    return env


def timed_start(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float | None, subprocess.CompletedProcess]:
    """Run cmd; seconds until it printed SHOWN (None if it never did), and its result."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", errors="replace")
    shown = None
    lines = []
    try:
        for line in proc.stdout:
            if shown is None and line.startswith(SHOWN):
                shown = time.perf_counter() - start
            lines.append(line)
        stderr = proc.stderr.read()
        proc.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        stderr = proc.stderr.read()
    return shown, subprocess.CompletedProcess(cmd, proc.returncode, "".join(lines), stderr)


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir()) if folder.exists() else []


def smoke(exe: Path, folder: Path, work: Path, report: list[str]) -> bool:
    """The bundle starts, finds everything, and writes only to its data dir."""
    ok = True
    before = snapshot(folder)
    runs = [
        ("nl, empty data dir", [str(exe), "gui", "--smoke-test"], "nl"),
        ("demo shop", [str(exe), "demo"], "nl"),
        ("en, demo data", [str(exe), "gui", "--smoke-test"], "en"),
    ]
    base = work / "smoke"
    for name, cmd, language in runs:
        env = isolated_env(base, language)
        _shown, result = timed_start(cmd, env, base / "cwd")
        problems = []
        if result.returncode != 0:
            problems.append(f"exit code {result.returncode}")
        if "--smoke-test" in cmd and OK not in result.stdout and not SILENT:
            problems.append(f'no "{OK}" on stdout')
        bad = sorted({m.group(0) for m in BAD_STDERR.finditer(result.stderr)})
        if bad:
            problems.append(f"stderr mentions {', '.join(bad)}")
        if not (base / "data" / "afspraak.sqlite3").exists():
            problems.append("no database in the data dir")
        status = "ok" if not problems else "FAILED: " + "; ".join(problems)
        report.append(f"smoke ({name}): {status}")
        if problems:
            ok = False
            report.append("  stdout: " + result.stdout.strip().replace("\n", "\n          "))
            report.append("  stderr: " + result.stderr.strip().replace("\n", "\n          "))
    log = base / "data" / "logs" / "afspraak.log"
    errors = [line for line in log.read_text(encoding="utf-8").splitlines() if BAD_LOG.search(line)] if log.exists() else []
    if errors:
        ok = False
        report.append("log: FAILED, errors in the app's log:\n  " + "\n  ".join(errors[:10]))
    strays = {where: files_under(base / where) for where in ("home", "cwd", "tmp")}
    strays = {where: files for where, files in strays.items() if files}
    if strays:
        ok = False
        report.append(f"writes outside the data dir: FAILED: {strays}")
    after = snapshot(folder)
    changed = sorted(set(before.items()) ^ set(after.items()))
    if changed:
        ok = False
        report.append(f"bundle unchanged: FAILED, {len(changed)} entries changed, e.g. {changed[:5]}")
    if not strays and not changed:
        report.append("writes only to the data dir: ok (home, temp, working dir and bundle untouched)")
    return ok


def measure(exe: Path, work: Path, runs: int) -> dict[str, list[float]]:
    """Start-to-shown seconds for the bundle and the script, alternated, after a warm-up each."""
    commands = {
        "bundle": [str(exe), "gui", "--smoke-test"],
        "script": [sys.executable, "-m", "desktop", "gui", "--smoke-test"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(runs + 1):
        for name, cmd in commands.items():
            base = work / f"{name}-{i}"
            started = time.perf_counter()
            shown, result = timed_start(cmd, isolated_env(base), ROOT if name == "script" else base / "cwd")
            if SILENT:
                shown = time.perf_counter() - started  # to the exit, for both alike
            if shown is None or result.returncode != 0:
                raise SystemExit(f"{name} start failed:\n{result.stdout}\n{result.stderr}")
            if i > 0:  # the first start of each warms the disk cache
                times[name].append(shown)
            shutil.rmtree(base, ignore_errors=True)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="PyInstaller's dist folder")
    parser.add_argument("--runs", type=int, default=11, help="timed starts of each (after one warm-up)")
    parser.add_argument("--max-mb", type=float, default=MAX_MB)
    parser.add_argument("--max-ratio", type=float, default=MAX_RATIO)
    parser.add_argument("--strict-speed", action="store_true", help="fail when the start ratio misses")
    parser.add_argument("--json", default=str(ROOT / "build" / "dist-check.json"), help="write the figures here")
    args = parser.parse_args(argv)

    dist = Path(args.dist).resolve()
    exe, folder = bundle_exe(dist), bundle_dir(dist)
    if not exe.exists():
        print(f"no bundle at {exe}: run `make dist`", file=sys.stderr)
        return 1
    report: list[str] = []
    ok = True
    with tempfile.TemporaryDirectory(prefix="afspraak-dist-check-") as tmp:
        work = Path(tmp)
        ok &= smoke(exe, folder, work, report)
        size = size_on_disk(folder)
        size_ok = size <= args.max_mb * 1e6
        ok &= size_ok
        report.append(f"size on disk: {size / 1e6:.1f} MB (limit {args.max_mb:g} MB): "
                      f"{'ok' if size_ok else 'FAILED'}")
        if ok:
            times = measure(exe, work, args.runs)
            med = {name: statistics.median(values) for name, values in times.items()}
            ratio = med["bundle"] / med["script"]
            speed_ok = ratio <= args.max_ratio
            for name in ("bundle", "script"):
                values = times[name]
                report.append(f"start to shown, {name}: median {med[name] * 1000:.0f} ms "
                              f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, {len(values)} runs)")
            report.append(f"start ratio bundle/script: {ratio:.2f} (target <= {args.max_ratio:g}): "
                          f"{'ok' if speed_ok else 'MISSED'}")
            if args.strict_speed:
                ok &= speed_ok
            figures = {
                "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                "machine": f"{platform.system()} {platform.release()}, {platform.machine()}, "
                           f"{os.cpu_count()} CPUs, Python {platform.python_version()}",
                "size_bytes": size, "size_mb": round(size / 1e6, 1),
                "start_bundle_s": times["bundle"], "start_script_s": times["script"],
                "median_bundle_s": med["bundle"], "median_script_s": med["script"],
                "ratio": round(ratio, 3),
            }
            out = Path(args.json)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
            report.append(f"machine: {figures['machine']}; figures in {out}")
    print("\n".join(f"dist check: {line}" for line in report))
    print("dist check: " + ("all passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
