"""Owner settings: stored values in the Setting table, defaults from desktop.defaults."""

from __future__ import annotations

from desktop import clock, defaults
from desktop.store.models import Setting

# The settings the owner's time is made of (desktop/clock.py OwnerTime).
OWNER_KEYS = ("time_zone", "quiet_start", "quiet_end", "skip_weekends")


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


def reset(key: str) -> None:
    Setting.delete().where(Setting.key == key).execute()
    if key in OWNER_KEYS:
        refresh_owner_time()


def owner_time() -> clock.OwnerTime:
    """The owner's time zone, quiet hours and weekends as stored."""
    return clock.OwnerTime.from_settings(get_many(OWNER_KEYS))


def refresh_owner_time() -> None:
    """Hand the stored owner's time to the clock: called when the database opens and
    whenever one of its settings changes, so every reader sees the change at once."""
    clock.set_owner(owner_time())
