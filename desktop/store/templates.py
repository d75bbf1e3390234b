"""The owner's own wording of follow-up templates (per template, language and form)."""

from __future__ import annotations

from datetime import datetime

from desktop.domain import messages
from desktop.store.db import db
from desktop.store.models import MessageTemplate


class TemplateRefused(ValueError):
    """The text has problems (unknown placeholders, stray braces); nothing was saved."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def current(template_id: str, language: str, form: str) -> tuple[str, str, bool]:
    """(subject, body, is_own_wording) for the editor."""
    row = MessageTemplate.get_or_none(MessageTemplate.template == template_id, MessageTemplate.language == language,
                                      MessageTemplate.form == form)
    if row is not None:
        return row.subject, row.body, True
    subject, body = messages.default_text(template_id, language, form)
    return subject, body, False


def save(template_id: str, language: str, form: str, subject: str, body: str, now: datetime) -> None:
    if template_id not in messages.TEMPLATES:
        raise KeyError(template_id)
    problems = messages.validate(subject) + messages.validate(body)
    if not body.strip():
        from desktop.i18n import _

        problems.append(_("The message is empty."))
    if problems:
        raise TemplateRefused(list(dict.fromkeys(problems)))
    with db.atomic():
        MessageTemplate.insert(template=template_id, language=language, form=form, subject=subject, body=body,
                               updated_at=now).on_conflict(
            conflict_target=[MessageTemplate.template, MessageTemplate.language, MessageTemplate.form],
            update={MessageTemplate.subject: subject, MessageTemplate.body: body, MessageTemplate.updated_at: now},
        ).execute()


def reset(template_id: str, language: str, form: str) -> None:
    """Back to the default wording from the catalogs."""
    MessageTemplate.delete().where(MessageTemplate.template == template_id, MessageTemplate.language == language,
                                   MessageTemplate.form == form).execute()
