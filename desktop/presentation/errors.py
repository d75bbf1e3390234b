"""The words of what the store refused or ran into, in the user's language.

The store raises facts (a reason code and the values that matter: a file's name, a disk's
folder, a field); this module words them for whoever shows them (a dialog, the CLI).
``text(exc)`` words any of them, and anything else as it reads.
"""

from __future__ import annotations

from desktop.i18n import _
from desktop.store import pictures


def picture_refused(exc: pictures.NotAPicture) -> str:
    """Why a file was not taken as a picture."""
    if exc.reason == pictures.UNREADABLE:
        return _("“{file}” could not be read: {error}").format(file=exc.file, error=exc.error)
    if exc.reason == pictures.NOT_A_FILE:
        return _("“{file}” is not a file.").format(file=exc.file)
    if exc.reason == pictures.NOT_A_PICTURE:
        return _("“{file}” is not a picture (PNG, JPEG, GIF or WebP).").format(file=exc.file)
    if exc.reason == pictures.TOO_LARGE:
        return _("“{file}” is too large: a picture may be at most 30 MB.").format(file=exc.file)
    if exc.reason == pictures.NONE_GIVEN:
        return _("No picture was given.")
    return str(exc)


def text(exc: BaseException) -> str:
    """Any refusal of the store in words; another exception as it reads."""
    if isinstance(exc, pictures.NotAPicture):
        return picture_refused(exc)
    return str(exc)
