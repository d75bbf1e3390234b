"""Saving a collaboration's deliverables (store/influencers.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.domain.validation import DeliverableInput
from desktop.store import due
from desktop.store import influencers as ops
from desktop.store.models import Deliverable

from .conftest import NOW
from .helpers import collaboration_values


def delivered_deliverable() -> Deliverable:
    """A delivered deliverable with one content record, its deadline a few days back."""
    d = (Deliverable.select().where(Deliverable.delivered_at.is_null(False))
         .order_by(Deliverable.id).first())
    assert d is not None and d.contents.count() >= 1
    d.deadline = NOW - timedelta(days=3)
    d.save()
    return d


def save_count(d: Deliverable, count: int) -> None:
    collab = d.collaboration
    rows = [DeliverableInput(x.kind, count if x.id == d.id else x.count,
                             x.deadline.date() if x.deadline else None, x.id)
            for x in collab.deliverables]
    ops.save_collaboration(collab.person, collaboration_values(collab), rows, NOW, collab)


def test_raising_a_delivered_deliverables_count_opens_it_again_and_the_ladder_sees_it(demo_db):
    d = delivered_deliverable()
    posted = d.contents.count()
    # Same count (or fewer): still delivered, nothing to chase.
    save_count(d, posted)
    assert Deliverable.get_by_id(d.id).delivered_at is not None
    assert not [p for i in due.plan(NOW) for p in i.parts if p.rule == "deliverable" and p.subject_id == d.id]
    # One more agreed than posted: open again, and its deadline (past) brings the reminders back.
    save_count(d, posted + 1)
    assert Deliverable.get_by_id(d.id).delivered_at is None
    reopened = [p for i in due.plan(NOW) for p in i.parts if p.rule == "deliverable" and p.subject_id == d.id]
    assert reopened, "the reopened deliverable is chased again"


def test_the_agreement_ending_and_label_messages_use_the_owners_own_wording(demo_db, qtbot, translator):
    """They are templates like the ladder's: editable per language and form, with the
    shop's name and the sender filled in."""
    from desktop.store import settings, templates
    from desktop.store.models import Collaboration, Content
    from desktop.presentation.collab_texts import agreement_message, label_request_message
    from desktop.views.small_dialogs import EndDialog

    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    collab = Collaboration.select().where(Collaboration.status == "agreed").first()
    person = collab.person
    form = person.address_form or "je"
    default = agreement_message(collab)
    assert "Zilver & Zo" in default and "Eva" in default and "[" not in default
    templates.save("agreement", person.language or "nl", form, "Onze afspraak",
                   "Hoi {voornaam}! In eigen woorden:\n{voorwaarden}\nGroet, {afzender}", NOW)
    own = agreement_message(collab)
    assert own.startswith(f"Hoi {person.name.split()[0]}! In eigen woorden:") and own.endswith("Groet, Eva")
    assert own.splitlines()[1] == default.split("\n\n")[2].splitlines()[0]  # the same terms, first line

    dialog = EndDialog(collaboration=collab)
    qtbot.addWidget(dialog)
    dialog.w("reason").setText("de timing past niet meer")
    text = dialog.w("message").toPlainText()
    assert collab.title in text and "de timing past niet meer" in text and text.rstrip().endswith("Zilver & Zo")

    content = Content.create(collaboration=collab, url="https://example.com/p/1", platform="instagram",
                             posted_at=NOW, missing=["#gekregen"], disclosure_ok=False)
    label = label_request_message(content)
    assert "#gekregen" in label and "Eva" in label


@pytest.mark.parametrize("app_language, hint", [("en", "In Dutch: it is quoted in the message to"), ("nl", "")])
def test_ending_asks_for_the_reason_in_her_language_when_the_app_speaks_another(qtbot, demo_db, app_language, hint):
    """The owner works in English, Sanne reads Dutch: the reason she types is quoted in the
    Dutch message as typed ("De reden: we are ending this collection."). The reason's field
    says which language to write it in, and only then."""
    from desktop import i18n
    from desktop.store.models import Collaboration, Person
    from desktop.views.small_dialogs import EndDialog

    sanne = Person.get(Person.name == "Sanne de Vries")
    sanne.language = "nl"
    sanne.save()
    i18n.set_language(app_language)
    try:
        dialog = EndDialog(collaboration=Collaboration.get(Collaboration.person == sanne))
        qtbot.addWidget(dialog)
        shown = dialog.w("reason").placeholderText()
        assert shown.startswith(hint) if hint else "quoted" not in shown and "geciteerd" not in shown, shown
        if hint:
            assert "Sanne de Vries" in shown
    finally:
        i18n.set_language("nl")
