"""The facts behind Vandaag's getting-started list ("Zo begin je"): what the owner has
done so far, read from the data itself (never from flags of its own), and whether the
example shop is loaded.

Rows of the example shop (recorded by ``desktop/demo.py`` in the ``example_shop``
setting) do not count as the owner's own: loading the example ticks nothing off.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.store import settings
from desktop.store.models import ALL_MODELS, Collaboration, MessageTemplate, Person, Product, Setting

# The tables that hold the shop's data: everything but the owner's settings and her own
# message wording.
DATA_MODELS = [model for model in ALL_MODELS if model not in (Setting, MessageTemplate)]


def is_empty() -> bool:
    """No data at all: no row in any of the shop's tables (settings do not count). Here and
    not in desktop/demo.py, which Vandaag's first paint imported for it: the example shop's
    module brings the store's shipping and influencer modules (~20 ms of the start)."""
    return not any(model.select().exists() for model in DATA_MODELS)


@dataclass(frozen=True)
class Progress:
    names: bool  # the shop's name and the owner's name are set (messages are signed with them)
    products: bool  # at least one product of her own
    influencer: bool  # at least one influencer of her own
    agreement: bool  # at least one collaboration of her own
    example_loaded: bool  # the example shop is in the database
    hidden: bool  # the owner hid the list
    folded: bool | None = None  # the owner folded its steps away (True) or opened them (False); None: not chosen

    @property
    def steps(self) -> tuple[bool, ...]:
        return (self.names, self.products, self.influencer, self.agreement)

    @property
    def all_done(self) -> bool:
        return all(self.steps)

    @property
    def shown(self) -> bool:
        """The list is on screen until every step is done or the owner hides it."""
        return not self.hidden and (not self.all_done or self.example_loaded)


def _own(model, example: dict, extra=None):
    query = model.select(model.id)
    ids = example.get("rows", {}).get(model._meta.table_name, [])
    if ids:
        query = query.where(model.id.not_in(ids))
    if extra is not None:
        query = query.where(extra)
    return query.exists()


def progress() -> Progress:
    values = settings.get_many(("shop_name", "owner_name", "example_shop", "getting_started_hidden",
                                "getting_started_folded"))
    example = values["example_shop"] or {}
    example_names = example.get("names", {})
    names = all(
        str(values[key]).strip() and values[key] != example_names.get(key)
        for key in ("shop_name", "owner_name"))
    return Progress(
        names=bool(names),
        products=_own(Product, example),
        influencer=_own(Person, example, Person.is_influencer == True),  # noqa: E712 (SQL)
        agreement=_own(Collaboration, example),
        example_loaded=bool(example),
        hidden=bool(values["getting_started_hidden"]),
        folded=None if values["getting_started_folded"] is None else bool(values["getting_started_folded"]),
    )


def save_names(shop_name: str, owner_name: str) -> None:
    """The names the messages are signed with (also under Reminders and messages…)."""
    from desktop.store.db import db

    with db.atomic():
        settings.set("shop_name", shop_name.strip())
        settings.set("owner_name", owner_name.strip())


def names() -> tuple[str, str]:
    values = settings.get_many(("shop_name", "owner_name"))
    return str(values["shop_name"] or ""), str(values["owner_name"] or "")


def set_hidden(hidden: bool) -> None:
    settings.set("getting_started_hidden", bool(hidden))


def set_folded(folded: bool) -> None:
    """Remember whether the owner folded the list's steps away or opened them."""
    settings.set("getting_started_folded", bool(folded))


def influencers() -> list[tuple[int, str]]:
    """Every influencer not blocked, newest first: (id, name), for the first agreement."""
    query = (Person.select(Person.id, Person.name)
             .where((Person.is_influencer == True) & (Person.status != "blocked"))  # noqa: E712
             .order_by(Person.id.desc()))
    return list(query.tuples())


def has_influencer() -> bool:
    """Is there an influencer the first agreement could be with? One row looked at, not
    every influencer read (Vandaag asks each time it is shown: docs/PERFORMANCE.md)."""
    return (Person.select(Person.id)
            .where((Person.is_influencer == True) & (Person.status != "blocked"))  # noqa: E712
            .exists())


__all__ = ["Progress", "progress", "save_names", "names", "set_hidden", "influencers", "has_influencer"]
