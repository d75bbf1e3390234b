"""CSV files that spreadsheet programs open safely and correctly.

- UTF-8 with a byte-order mark, so Excel shows "é" and "ë" rightly on Windows.
- Semicolon as separator: Dutch and Belgian spreadsheet settings use the comma as the
  decimal sign and expect ";" between fields (LibreOffice asks, Excel does not).
- A cell that starts with = + - @ (or a tab or carriage return) gets a leading
  apostrophe, so a message text such as "=HYPERLINK(...)" is shown as text and never
  run as a formula (CSV/formula injection, OWASP).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable, Sequence

DELIMITER = ";"
ENCODING = "utf-8-sig"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The value as text, defused when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(path: Path | str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a header and rows; returns the number of rows. Writes a temporary file first,
    so a failed export never leaves half a file under the chosen name."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        with open(tmp, "w", encoding=ENCODING, newline="") as fh:
            writer = csv.writer(fh, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            writer.writerow([safe_cell(h) for h in header])
            for row in rows:
                writer.writerow([safe_cell(v) for v in row])
                count += 1
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return count
