"""CSV that is safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is a
formula to Excel, LibreOffice and Google Sheets: a name like ``=HYPERLINK(...)`` typed by
a stranger would run when the owner opens the file. Such cells get a leading apostrophe
(OWASP's advice), which spreadsheets show as plain text. Used by every CSV we write.
"""

from __future__ import annotations

import csv
import errno
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The text of ``value`` for a CSV cell, defused when a spreadsheet would see a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return str(value)  # a number, even a negative one, is no formula
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 CSV with a byte-order mark (so Excel reads accents right), every cell defused."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


# Files the owner opens in her spreadsheet program: Dutch and Belgian settings use the
# comma as the decimal sign and expect ";" between fields (LibreOffice asks, Excel does
# not); UTF-8 with a byte-order mark so Excel shows "é" and "ë" rightly on Windows.
SPREADSHEET_DELIMITER = ";"


def write_csv(path: Path | str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a header and rows for a spreadsheet program; returns the number of rows.
    Writes a temporary file first, so a failed export never leaves half a file under the
    chosen name."""
    path = Path(path)
    if path.is_dir():  # named as the folder it is, not as the ".part" beside it
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=SPREADSHEET_DELIMITER, lineterminator="\r\n")
            writer.writerow([safe_cell(h) for h in header])
            for row in rows:
                writer.writerow([safe_cell(v) for v in row])
                count += 1
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return count
