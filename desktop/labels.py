"""Translated, user-visible labels for the codes stored in the database."""

from __future__ import annotations

from desktop.i18n import N_, _

_LABELS: dict[str, dict[str, str]] = {
    "person_status": {
        # TRANSLATORS: status of an influencer who may get new collaborations.
        "active": N_("Active"),
        # TRANSLATORS: status of an influencer paused by strikes.
        "inactive": N_("Inactive (strikes)"),
        "blocked": N_("Blocked"),
    },
    "platform": {
        "instagram": N_("Instagram"),
        "tiktok": N_("TikTok"),
        "youtube": N_("YouTube"),
        "pinterest": N_("Pinterest"),
        "blog": N_("Blog"),
    },
    "collab_status": {
        "proposed": N_("Proposed"),
        "agreed": N_("Agreed"),
        "shipped": N_("Shipped"),
        "received": N_("Received"),
        "posted": N_("Posted"),
        "done": N_("Done"),
        # TRANSLATORS: collaboration ended early by one of both sides.
        "ended": N_("Ended early"),
        # TRANSLATORS: collaboration where the influencer did not do what was agreed (not a lost parcel).
        "failed": N_("Not fulfilled"),
    },
    "deliverable": {
        "post": N_("Post"),
        "story": N_("Story"),
        "reel": N_("Reel"),
        "tiktok": N_("TikTok video"),
        "youtube": N_("YouTube video"),
        "other": N_("Other"),
    },
    "shipment_status": {
        "ready": N_("Ready to send"),
        "sent": N_("Sent"),
        "delivered": N_("Delivered"),
        "received": N_("Receipt confirmed"),
        "returned": N_("Returned"),
        # TRANSLATORS: status of a parcel the carrier lost (it never reached the influencer).
        "lost": N_("Lost"),
    },
    "carrier": {
        "postnl": N_("PostNL"),
        "dhl": N_("DHL"),
        "bpost": N_("bpost"),
        "dpd": N_("DPD"),
        "gls": N_("GLS"),
        "ups": N_("UPS"),
        "other": N_("Other carrier"),
    },
    "order_status": {
        "new": N_("New"),
        "in_production": N_("In production"),
        "ready": N_("Ready"),
        "shipped": N_("Shipped"),
        "delivered": N_("Delivered"),
        "cancelled": N_("Cancelled"),
    },
    "channel": {
        "email": N_("Email"),
        "instagram": N_("Instagram"),
        "tiktok": N_("TikTok"),
        "whatsapp": N_("WhatsApp"),
        "phone": N_("Phone"),
        "other": N_("Other channel"),
        "": N_("No channel"),
    },
    "direction": {
        # TRANSLATORS: a message the shop sent.
        "out": N_("Sent"),
        # TRANSLATORS: a message the shop received.
        "in": N_("Received"),
        "none": N_("Note"),
    },
    "event_kind": {
        "message": N_("Message"),
        # TRANSLATORS: a phone (or WhatsApp) call, logged on the timeline.
        "call": N_("Call"),
        "reminder": N_("Reminder"),
        "shipment": N_("Shipment"),
        # TRANSLATORS: timeline: a post the influencer made, checked or added evidence to (a row's own
        # words say which: "Content posted", "Content checked", "Evidence added").
        "content": N_("Content"),
        "agreement": N_("Agreement"),
        "strike": N_("Strike"),
        "rating": N_("Rating"),
        "status": N_("Status change"),
        "note": N_("Note"),
        "order": N_("Custom order"),
        # TRANSLATORS: timeline: the shop's products or orders imported from a file.
        "import": N_("Import"),
    },
    "country": {
        "NL": N_("Netherlands"),
        "BE": N_("Belgium"),
        "other": N_("Other country"),
    },
    # Follow-up ladder (domain/followup.py): what is owed, and the step it is at.
    "due_kind": {
        "deliverable": N_("Content overdue"),
        "shipment": N_("Parcel received?"),
        "reply": N_("Reply overdue"),
        "custom_order": N_("Custom order"),
        # TRANSLATORS: a reminder kind: the gift agreed with an influencer is not sent yet.
        "gift": N_("Gift not sent yet"),
        # TRANSLATORS: a reminder kind: the shop gave an influencer something (a parcel) and
        # nothing is written down about what she does in return.
        "agreement": N_("Agreement not recorded"),
    },
    "due_step": {
        # TRANSLATORS: ladder step 1 (seed 003): a friendly first reminder.
        "1": N_("Step 1: reminder"),
        # TRANSLATORS: ladder step 2: a message that explains why the deadline matters.
        "2": N_("Step 2: why the deadline matters"),
        # TRANSLATORS: ladder step 3: call, or a DM on a channel not used so far.
        "3": N_("Step 3: another channel"),
        # TRANSLATORS: ladder step 4: the final reminder before the work is paused.
        "4": N_("Step 4: final reminder"),
        # TRANSLATORS: she answered ("it's coming") a week ago and has not posted: ask again, thanking her for her message.
        "answered": N_("After her answer: still not posted"),
        # TRANSLATORS: check-in: ask whether a parcel arrived.
        "received": N_("Check-in: parcel received?"),
        "delay_warning": N_("Update before the promised date"),
        "no_update": N_("Send the customer an update"),
        # TRANSLATORS: a custom order's promised date has passed: news with a new date.
        "late": N_("Late: tell the customer a new date"),
        # TRANSLATORS: after the final reminder: decide on a strike and the collaboration status "Not fulfilled".
        "strike": N_("Decide: strike and “Not fulfilled”"),
        # TRANSLATORS: a task for the owner: send the gift agreed with an influencer.
        "send": N_("Send the gift"),
        # TRANSLATORS: a task for the owner: a finished custom order still has to go out.
        "ship": N_("Ship the finished order"),
        # TRANSLATORS: a task for the owner: a custom order's parcel got lost; it goes out again in a new parcel.
        "ship_lost": N_("Parcel lost: ship again"),
        # TRANSLATORS: a task for the owner: a custom order's parcel came back; it goes out again in a new parcel.
        "ship_returned": N_("Parcel returned: ship again"),
        # TRANSLATORS: a task for the owner: a shipped custom order was to be delivered by now; has it
        # arrived? (look at the carrier's tracking page).
        "arrival": N_("Parcel delivered? Check the tracking"),
        # TRANSLATORS: a task for the owner: write down what an influencer promised for the gift
        # she got (a post, a story…, each with its deadline).
        "record": N_("Record the agreement"),
    },
    "strike_reason": {
        "guidelines": N_("Guidelines not followed"),
        "communication": N_("Poor communication"),
        "late": N_("Late without a valid reason"),
        "other": N_("Other reason"),
    },
    "language": {
        "nl": N_("Dutch"),
        "en": N_("English"),
    },
    "address_form": {
        # TRANSLATORS: the informal form of address: Dutch "je"; the English names the greeting it
        # gives an English message, "Hi Sanne," (Dutch: "informeel (je)"). Short: a narrow pane shows it.
        "je": N_("informal (Hi …)"),
        # TRANSLATORS: the formal form of address: Dutch "u"; the English names the greeting it
        # gives an English message, "Hello Sanne," (Dutch: "formeel (u)"). Short: a narrow pane shows it.
        "u": N_("formal (Hello …)"),
    },
    "requested_by": {
        # TRANSLATORS: who asked for a change to an agreement: the shop itself.
        "shop": N_("The shop"),
        "influencer": N_("The influencer"),
    },
}


def label(group: str, code: str | None, translate=None) -> str:
    """The translated label of ``code`` in ``group``; unknown codes are shown as they are.

    ``translate`` is another language's gettext (for messages in the reader's language).
    """
    text = _LABELS.get(group, {}).get(code or "")
    return (translate or _)(text) if text else (code or "")


def choices(group: str) -> list[tuple[str, str]]:
    """[(code, translated label)] in the order they are defined."""
    return [(code, _(text)) for code, text in _LABELS[group].items()]
