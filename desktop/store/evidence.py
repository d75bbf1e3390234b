"""Evidence: pictures kept with a content record (a screenshot of the post, the story
frames, the figures), dropped from the file manager or chosen in a file dialog.

Adding is all-or-nothing: every file is checked whole and copied first (``store.pictures``:
random names, type from the file's own bytes, never the dropped name as a path); one
unreadable file, one that is not a picture or not one whole (cut off, damaged), or a copy
that cannot be written refuses the lot and removes the copies.
The rows and ONE timeline event go in one transaction. ``remove`` undoes an addition
(rows, event and files).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import Value

from desktop.store import pictures
from desktop.store.db import db
from desktop.store.models import Content, ContentEvidence, Event, Person, Strike

NotAPicture = pictures.NotAPicture


@dataclass(frozen=True)
class Added:
    """What one addition created, so it can be undone."""

    content_id: int
    evidence_ids: tuple[int, ...]
    event_id: int


def add(content_id: int, files: list[str | Path], now: datetime, check: pictures.Check | None = None) -> Added:
    """Copy ``files`` in as evidence of the content record, each checked whole (and by
    ``check``: ``store.pictures``); raises NotAPicture or the OSError of a copy that could
    not be written (nothing changed either way)."""
    content = Content.get_by_id(content_id)
    if not files:
        raise NotAPicture(pictures.NONE_GIVEN)
    copied: list[tuple[str, str]] = []
    try:
        for source in files:
            copied.append((pictures.import_picture(source, pictures.EVIDENCE_FOLDER, check), Path(source).name))
    except (NotAPicture, OSError):
        for relative, _name in copied:
            pictures.remove_file(relative)
        raise
    try:
        with db.atomic():
            ids = tuple(ContentEvidence.create(content=content_id, path=relative, original_name=name, added_at=now).id
                        for relative, name in copied)
            params = {"deliverable": content.deliverable.kind if content.deliverable_id else "",
                      "platform": content.platform or "", "n": len(copied),
                      "names": [name for _relative, name in copied]}
            event = Event.create(at=now, kind="content", direction="none", fact="evidence_added", params=params,
                                 person=content.collaboration.person_id, subject_type="content", subject_id=content_id)
    except Exception:
        for relative, _name in copied:
            pictures.remove_file(relative)
        raise
    return Added(content_id, ids, event.id)


def remove(added: Added) -> None:
    """Undo an addition: its rows, its timeline event and its copied files."""
    with db.atomic():
        rows = list(ContentEvidence.select().where(ContentEvidence.id.in_(list(added.evidence_ids))))
        ContentEvidence.delete().where(ContentEvidence.id.in_(list(added.evidence_ids))).execute()
        Event.delete().where(Event.id == added.event_id).execute()
        # the stored text, not through the JSON converter (a list would become "NOT IN ()")
        for strike in Strike.select().where(Strike.evidence_ids != Value("[]", converter=False)):
            kept = [i for i in strike.evidence_ids if i not in added.evidence_ids]
            if kept != strike.evidence_ids:
                strike.evidence_ids = kept
                strike.save()
    for row in rows:
        pictures.remove_file(row.path)


def of_content(content_id: int) -> list[ContentEvidence]:
    return list(ContentEvidence.select().where(ContentEvidence.content == content_id).order_by(ContentEvidence.id))


def of_person(person: Person | int) -> list[ContentEvidence]:
    """Every evidence picture of a person's content, newest first (for the strike dialog)."""
    from desktop.store.models import Collaboration

    return list(ContentEvidence.select(ContentEvidence, Content).join(Content).join(Collaboration)
                .where(Collaboration.person == person).order_by(ContentEvidence.added_at.desc(), ContentEvidence.id.desc()))


def by_ids(ids: list[int]) -> list[ContentEvidence]:
    if not ids:
        return []
    return list(ContentEvidence.select().where(ContentEvidence.id.in_(list(ids))).order_by(ContentEvidence.id))


def file_of(evidence: ContentEvidence) -> Path | None:
    """The picture on disk, or None when the stored path is not one of ours or is gone."""
    try:
        path = pictures.absolute(evidence.path)
    except ValueError:
        return None
    return path if path.is_file() else None
