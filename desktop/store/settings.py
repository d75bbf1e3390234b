"""Owner settings: stored values in the Setting table, defaults from desktop.defaults."""

from __future__ import annotations

from desktop import defaults
from desktop.store.models import Setting


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


def set(key: str, value) -> None:  # noqa: A001 - mirrors get()
    if key not in defaults.SETTINGS:
        raise KeyError(key)
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()


def reset(key: str) -> None:
    Setting.delete().where(Setting.key == key).execute()
