"""Owner settings: stored values in the Setting table, defaults from desktop.defaults."""

from __future__ import annotations

from datetime import datetime, time, tzinfo

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
        if "time_zone" in values and (stored["time_zone"] or "") != (values["time_zone"] or ""):
            keep_calendar_days(clock.zone_named(stored["time_zone"] or ""), clock.zone_named(values["time_zone"] or ""))
        for key, value in values.items():
            if stored[key] != value:
                set(key, value)
        for (template_id, language, form), typed in template_edits.items():
            if typed is None:
                templates.reset(template_id, language, form)
            else:
                templates.save(template_id, language, form, typed[0], typed[1], now)


# The calendar days kept as moments (models' convention: moments are UTC): a deadline is 23:59
# of its day, a day entered without a time is 12:00 of it (store/influencers).
_DAYS_AS_MOMENTS = (("deliverable", "deadline", time(23, 59)), ("deliverable", "delivered_at", time(12)),
                    ("collaboration", "agreed_at", time(12)), ("content", "posted_at", time(12)),
                    ("shipment", "sent_at", time(12)), ("shipment", "delivered_at", time(12)),
                    ("shipment", "received_at", time(12)))


def keep_calendar_days(old: tzinfo, new: tzinfo) -> int:
    """When the owner's time zone changes from ``old`` to ``new``: every deadline and every
    day she entered without a time keeps its date (``dates.same_wall_time``); real moments
    stay. Part of the caller's transaction; how many were moved."""
    from desktop.domain.dates import same_wall_time

    if clock.zone_key(old) and clock.zone_key(old) == clock.zone_key(new):
        return 0
    moved = 0
    for table, column, wall in _DAYS_AS_MOMENTS:
        changes = []
        for row_id, text in db.execute_sql(f'SELECT id, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'):
            try:
                moment = datetime.fromisoformat(text)
            except (TypeError, ValueError):
                continue
            new_moment = same_wall_time(moment, old, new, wall)
            if new_moment is not None:
                changes.append((str(new_moment), row_id))
        if changes:
            db.cursor().executemany(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', changes)
            moved += len(changes)
    return moved
