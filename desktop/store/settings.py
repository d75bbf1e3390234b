"""Owner settings: stored values in the Setting table, defaults from desktop.defaults."""

from __future__ import annotations

from datetime import datetime

from desktop import clock, defaults
from desktop.domain import workdays
from desktop.store import templates
from desktop.store.db import db
from desktop.store.models import Setting

# The settings the owner's time is made of (desktop/clock.py OwnerTime): her days off too.
OWNER_KEYS = ("time_zone", "quiet_start", "quiet_end", "skip_weekends", "shop_country")


def get(key: str):
    if key not in defaults.SETTINGS:
        raise KeyError(key)
    row = Setting.get_or_none(Setting.key == key)
    return defaults.SETTINGS[key] if row is None else row.value


def get_many(keys) -> dict:
    """Several settings in one query (``get`` for each, without a query each)."""
    keys = list(keys)
    for key in keys:
        if key not in defaults.SETTINGS:
            raise KeyError(key)
    stored = {row.key: row.value for row in Setting.select().where(Setting.key.in_(keys))}
    return {key: stored.get(key, defaults.SETTINGS[key]) for key in keys}


def set(key: str, value) -> None:
    if key not in defaults.SETTINGS:
        raise KeyError(key)
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()
    if key in OWNER_KEYS:
        refresh_owner_time()


def save_window(geometry: str, last_view: str) -> bool:
    """The window's size and place and the view on screen, both in one transaction. Nothing
    is written (False) while no database is open: during a restore, after the data closed."""
    if db.obj is None or db.is_closed():
        return False
    with db.atomic():
        set("window_geometry", geometry)
        set("last_view", last_view)
    return True


def reset(key: str) -> None:
    Setting.delete().where(Setting.key == key).execute()
    if key in OWNER_KEYS:
        refresh_owner_time()


def owner_time() -> clock.OwnerTime:
    """The owner's time zone, quiet hours, weekends and shop's country as stored ("" for the
    country: the time zone's, else NL, ``workdays.shop_country``)."""
    values = get_many(OWNER_KEYS)
    zone = clock.zone_named(values.get("time_zone") or "")
    values["shop_country"] = workdays.shop_country(str(values.get("shop_country") or ""), clock.zone_key(zone))
    return clock.OwnerTime.from_settings(values)


def refresh_owner_time() -> None:
    """Hand the stored owner's time to the clock: called when the database opens and
    whenever one of its settings changes, so every reader sees the change at once."""
    clock.set_owner(owner_time())


def save_changes(values: dict, template_edits: dict, now: datetime) -> None:
    """The settings window's Save, in one transaction: every value that differs from what is
    stored (the rest keeps its default), then the owner's template wording, ``template_edits``
    mapping (template, language, form) to (subject, body), or None for the default wording.
    ``templates.TemplateRefused`` for a text with problems rolls it all back."""
    with db.atomic():
        stored = get_many(values)
        for key, value in values.items():
            if stored[key] != value:
                set(key, value)
        for (template_id, language, form), typed in template_edits.items():
            if typed is None:
                templates.reset(template_id, language, form)
            else:
                templates.save(template_id, language, form, typed[0], typed[1], now)
