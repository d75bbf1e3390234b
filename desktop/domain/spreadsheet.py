"""Cells that are safe to open in a spreadsheet.

A cell starting with = + - @ (or a tab / carriage return) can run as a formula in Excel
or LibreOffice (CSV injection, OWASP). Such text gets a leading apostrophe, which
spreadsheets show as text. Numbers are left alone.
"""

from __future__ import annotations

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(DANGEROUS) else text
