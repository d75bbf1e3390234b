"""Facts several kinds of promise share: what a message cites about a collaboration."""

from __future__ import annotations

from desktop.domain.shipments import GIFT_PENDING_STATUS, GIFT_WITH_HER_STATUSES, NOT_WITH_HER
from desktop.store.models import Collaboration, CollaborationProduct, Product, Shipment, ShipmentItem
from desktop.store.promises.registry import ids_in, rows


def collaboration_details(collab_id: int | None, collaboration: Collaboration | None = None) -> dict:
    """The product, agreement date, consequence, value and title of a collaboration
    (``collaboration``: its row, when the caller read it already)."""
    if not collab_id:
        return {}
    c = collaboration if collaboration is not None else Collaboration.get_or_none(Collaboration.id == collab_id)
    if c is None:
        return {}
    # Every product she was sent, each once, in the order sent (not what was only agreed:
    # she cannot post about a gift she has not received): a message named only the first of
    # a bracelet and a necklace. Several are a list, which the message writes as its reader
    # lists things ("… en …", "… and …"). A parcel that came back or got lost is not hers:
    # neither its products nor its value are cited ("what you received is worth …").
    kept = (Shipment.collaboration == c.id) & Shipment.status.not_in(list(NOT_WITH_HER))
    sent = [name for (name,) in Product.select(Product.name).join(ShipmentItem).join(Shipment)
            .where(kept).order_by(Shipment.id, ShipmentItem.id).tuples()]
    products = [name for name in dict.fromkeys(sent) if name]
    value = sum(v or 0 for (v,) in Shipment.select(Shipment.value_cents).where(kept).tuples())
    if not sent and c.status not in ("proposed", GIFT_PENDING_STATUS) and (
            c.status in GIFT_WITH_HER_STATUSES
            or not Shipment.select(Shipment.id).where(Shipment.collaboration == c.id).exists()):
        # No parcel with her, and past "agreed" without one at all, or "received" after every
        # parcel came back or got lost: the gift reached her another way (handed over at a
        # market, before the app, or in place of a lost parcel): what was agreed is what she
        # has (audit 11, F5: the messages named no product and no value after "Done without a
        # parcel…").
        gifts = list(CollaborationProduct.select(CollaborationProduct.name, CollaborationProduct.quantity,
                                                 CollaborationProduct.value_cents)
                     .where(CollaborationProduct.collaboration == c.id)
                     .order_by(CollaborationProduct.position, CollaborationProduct.id).tuples())
        products = [name for name in dict.fromkeys(name for name, _q, _v in gifts) if name]
        value = sum((v or 0) * (q or 1) for _name, q, v in gifts)
    return {"product": products if len(products) > 1 else (products[0] if products else ""),
            "agreed_at": c.agreed_at, "consequence": c.consequence, "value_cents": value, "title": c.title}


def collaboration_titles(items: list) -> dict[int, tuple]:
    """collaboration id -> (title,): the subject facts of a promise about a collaboration
    itself (the gift to send, the agreement to record)."""
    query = Collaboration.select(Collaboration.id, Collaboration.title).where(
        Collaboration.id.in_(ids_in(item.subject_id for item in items)))
    return {cid: (title or "",) for cid, title in rows(query)}


def collaboration_facts(part) -> tuple[dict, Collaboration | None]:
    """A collaboration promise's details for its words: the part's own, with the
    collaboration's facts (``collaboration_details``) when it still exists, and that
    collaboration (None when it is gone)."""
    found = dict(part.details)
    c = Collaboration.get_or_none(Collaboration.id == part.subject_id)
    if c is not None:
        found.update(collaboration_details(part.subject_id, c))
    return found, c
