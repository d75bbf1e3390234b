"""Every default value in one place: settings, policies and limits.

The Setting table stores only what the owner changed; ``store.settings.get`` falls back
to these.
"""

from __future__ import annotations

SETTINGS: dict[str, object] = {
    # UI
    "language": "",  # "" = follow the system locale
    "last_view": "today",
    "window_geometry": "",  # base64 of QWidget.saveGeometry()
    "catalogue_visible": True,  # the Products dock beside the views
    "shop_name": "",
    "owner_name": "",
    # first run: Vandaag's "Zo begin je" list hidden by the owner; the example shop's rows
    # ({"rows": {table: [ids]}, "names": {setting: value it set}}; desktop/demo.py)
    "getting_started_hidden": False,
    # its steps folded away (True) or open (False) as the owner left them; None: folded once
    # Vandaag has reminders to show (the list below needs the room), open before
    "getting_started_folded": None,
    "example_shop": {},
    # backups
    "backup_keep": 14,
    # product pictures replaced by another: kept while a backup may still name them
    # ([{"path": "pictures/….png", "at": ISO moment}]; store/catalogue.py)
    "replaced_pictures": [],
    # strikes (seed 001)
    "strikes_to_inactive": 3,
    "strike_expiry_days": 0,  # 0 = strikes never expire
    "strikes_lift_when_delivered": True,
    # follow-up ladder (seed 003)
    "ladder_step_hours": [0, 24, 48, 72],
    "ladder_strike_hours": 24,  # after step 4 was sent: propose a strike
    "ladder_pause_days": 7,  # step 4 names a pause date this many days ahead
    "checkin_days": 4,  # "received?" check-in after sending
    "quiet_start": "21:00",
    "quiet_end": "09:00",
    "skip_weekends": False,
    "time_zone": "",  # "" = the computer's time zone; else an IANA name such as "Europe/Amsterdam"
    # the shop's country: its public holidays are days off for reminders and promised dates;
    # "" = the time zone's (Europe/Brussels: BE), else NL (domain/workdays.shop_country)
    "shop_country": "",
    # custom orders
    "delay_warning_days": 2,
    "order_update_days": 7,
    # orders imported from the shop: a made-to-order item is promised this many days after the order
    "order_lead_days": 10,
    # tray
    "close_to_tray": True,
    "told_about_tray": False,
    "told_no_tray": False,  # the "your desktop has no tray" notice: shown once, ever
    "autostart": False,
    # erasures on request (store/erasures.py): how much of the list beside the database this
    # file has had applied ("<list id>:<count>"), and how many people an open removed again
    # that the owner is still to be told of
    "erasures_applied": "",
    # the stamp of the wording the timeline's stored search words were made with
    # (store/event_search.rewrite_words; presentation/event_texts.wording_stamp)
    "event_words_made_with": "",
    "erasures_untold": 0,
    # the calendar file (store/calendar_record.py): every date an export gave her calendar,
    # {"sequence": the highest SEQUENCE written, "dates": {UID: "YYYY-MM-DD"}}
    "calendar_exported": {},
}

CURRENCY = "EUR"
DEFAULT_COUNTRY = "NL"
DEFAULT_LANGUAGE = "nl"
DEFAULT_ADDRESS_FORM = "je"
DEFAULT_RESPONSE_DAYS = 3
