"""The owner's own wording of follow-up templates (per template, language and form).

Only the owner's texts: the default wording is ``presentation/messages.py``'s
(``presentation/due_texts.template_text`` shows either)."""

from __future__ import annotations

from datetime import datetime

from desktop.domain import message_rules
from desktop.store.db import db
from desktop.store.models import MessageTemplate


class TemplateRefused(ValueError):
    """The text has problems (unknown placeholders, stray braces: ``problems``, worded by
    the domain's check) or no body (``empty``); nothing was saved. presentation/errors.py
    ``template_problems`` gives them all in words."""

    def __init__(self, problems: list[str], empty: bool = False):
        super().__init__("\n".join(problems + (["empty"] if empty else [])))
        self.problems = problems
        self.empty = empty


def own(template_id: str, language: str, form: str) -> tuple[str, str] | None:
    """The owner's (subject, body) of a template in ``language`` and ``form``, if she wrote one,
    its placeholders by their canonical names (``message_rules.canonical``)."""
    row = MessageTemplate.get_or_none(MessageTemplate.template == template_id, MessageTemplate.language == language,
                                      MessageTemplate.form == form)
    return (message_rules.canonical(row.subject), message_rules.canonical(row.body)) if row else None


def save(template_id: str, language: str, form: str, subject: str, body: str, now: datetime) -> None:
    """Keep the owner's wording of a template (the editor offers ``messages.TEMPLATES``'s ids),
    its placeholders by their canonical (Dutch) names whichever spelling she typed ("{greeting}"
    is kept as "{aanhef}"): it renders in every language, and reads in hers in the editor."""
    problems = message_rules.validate(subject) + message_rules.validate(body)
    if problems or not body.strip():
        raise TemplateRefused(list(dict.fromkeys(problems)), empty=not body.strip())
    subject, body = message_rules.canonical(subject), message_rules.canonical(body)
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
