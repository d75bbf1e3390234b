"""CSV that is safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is a
formula to Excel, LibreOffice and Google Sheets: a name like ``=HYPERLINK(...)`` typed by
a stranger would run when the owner opens the file. Such cells get a leading apostrophe
(OWASP's advice), which spreadsheets show as plain text. Used by every CSV we write.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

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


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ",") -> bytes:
    """UTF-8 CSV with a byte-order mark (so Excel reads accents right), every cell defused."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


# Files the owner opens in her spreadsheet program: Dutch and Belgian settings use the
# comma as the decimal sign and expect ";" between fields (LibreOffice asks, Excel does
# not: with "," every row lands in the first column); UTF-8 with a byte-order mark so
# Excel shows "é" and "ë" rightly on Windows.
SPREADSHEET_DELIMITER = ";"


def for_spreadsheet(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A file for her spreadsheet program (written whole by ``store/outgoing.write_whole``)."""
    return to_csv(header, rows, delimiter=SPREADSHEET_DELIMITER)
