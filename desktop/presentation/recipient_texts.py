"""What the Privacy menu says of a gift's recipient: somebody a shop order was sent to who
did not place it. She is no person in Afspraak; her name, address and phone are the
delivery of the buyer's order (schema v16), so the words name those orders, under their
buyer, for the owner; the export's README speaks to her, in her language and form of
address as the import would give a customer in her country."""

from __future__ import annotations

from datetime import date, datetime

from desktop import clock, i18n
from desktop.domain.order_importers import customer_profile
from desktop.domain.privacy import Delivery, Recipient, readme_text, zone_name
from desktop.i18n import NP_, _, ngettext, translations_for
from desktop.presentation.address_texts import PostalAddress, address_line

# The README's reason, in both forms of address (the form is known at run time).
_WHY = (NP_("je", "Why it is kept: somebody ordered something from the shop to be sent to you. Your name, address "
                  "and any phone number are the delivery details of that order, as the online shop passed them on."),
        NP_("u", "Why it is kept: somebody ordered something from the shop to be sent to you. Your name, address "
                 "and any phone number are the delivery details of that order, as the online shop passed them on."))
# The same for a delivery the shop typed in a custom order's form (v17): no online shop passed it on.
_WHY_TYPED = (NP_("je", "Why it is kept: somebody ordered something from the shop to be sent to you. Your name and "
                        "address are the delivery details of that order, as they were given to the shop."),
              NP_("u", "Why it is kept: somebody ordered something from the shop to be sent to you. Your name and "
                       "address are the delivery details of that order, as they were given to the shop."))


def delivery_text(delivery: Delivery) -> str:
    """ "Zoë Verhoeven, Kerkstraat 12, 9000 Gent, België, +32 9 123 45 67" (the parts there are;
    the address as ``address_texts`` writes it on one line)."""
    ship = delivery.ship
    return ", ".join(p for p in (address_line(PostalAddress.of_ship(ship)), ship.phone.strip()) if p)


def order_line(delivery: Delivery) -> str:
    """One order sent to her, under its buyer: "order #1038 placed by Lotte De Wit, 2 nov 2026:
    Zoë Verhoeven, Kerkstraat 12, …"."""
    day = i18n.list_date(date.fromisoformat(delivery.ordered_on)) if delivery.ordered_on else ""
    if not delivery.number and delivery.buyer:  # a custom order typed in without a shop order number
        # TRANSLATORS: as "order {number} placed by {buyer}, {date}", for a custom order typed in without a number
        head = _("custom order placed by {buyer}, {date}").format(buyer=delivery.buyer, date=day)
    elif delivery.buyer:
        # TRANSLATORS: a shop order sent to a gift's recipient, in the erase question:
        # "order #1038 placed by Lotte De Wit, 2 Nov 2026: Zoë Verhoeven, Kerkstraat 12, 9000 Gent, België"
        head = _("order {number} placed by {buyer}, {date}").format(number=delivery.number, buyer=delivery.buyer, date=day)
    else:
        # TRANSLATORS: as "order {number} placed by {buyer}, {date}", for an order that names nobody as its buyer
        head = _("order {number}, {date}").format(number=delivery.number, date=day)
    return f"{head}: {delivery_text(delivery)}"


def erase_question(recipient: Recipient) -> tuple[str, str]:
    """The erase question's title and text: whose data, on which orders, what stays."""
    name = recipient.name
    n = len(recipient.deliveries)
    lines = [
        # TRANSLATORS: erasing a gift's recipient (Privacy menu): she is no person of her own in
        # Afspraak, only the delivery details of orders somebody else placed; the orders follow
        ngettext("Erase what Afspraak holds on {name}? {name} received an order placed by somebody else. Their name, "
                 "address and phone number are erased from this order:",
                 "Erase what Afspraak holds on {name}? {name} received orders placed by somebody else. Their name, "
                 "address and phone number are erased from these orders:", n).format(name=name)]
    lines += ["  • " + order_line(d) for d in recipient.deliveries]
    lines.append("")
    # TRANSLATORS: erasing a gift's recipient: the shop orders themselves are not erased
    lines.append(ngettext("The order itself stays with whoever placed it, with its items and amounts.",
                          "The orders themselves stay with whoever placed them, with their items and amounts.", n))
    unsent = [d.number for d in recipient.deliveries if d.unsent and d.number]
    for d in recipient.deliveries:
        if d.unsent and not d.number:
            # TRANSLATORS: erasing a gift's recipient while a custom order (typed in without a number) is not sent yet
            lines.append(_("The custom order placed by {buyer} has not been sent yet: without these details Afspraak "
                           "takes the address of whoever placed it.").format(buyer=d.buyer))
    if unsent:
        from babel.lists import format_list

        # TRANSLATORS: erasing a gift's recipient while a custom order made from her order is not sent yet
        lines.append(ngettext(
            "Order {numbers} has not been sent yet: without these details Afspraak takes the address of whoever "
            "placed it.",
            "Orders {numbers} have not been sent yet: without these details Afspraak takes the address of whoever "
            "placed them.", len(unsent)).format(numbers=format_list(unsent, locale=i18n.formatting_locale())))
    lines.append(_("This cannot be undone. Export their data first if they asked for a copy."))
    return _("Erase {name}").format(name=name), "\n".join(lines)


def erased_text(name: str, orders: int) -> str:
    # TRANSLATORS: after erasing a gift's recipient: her name, address and phone blanked on the orders sent to her
    return ngettext("The details of {name} have been erased from {n} order.",
                    "The details of {name} have been erased from {n} orders.", orders).format(name=name, n=orders)


def readme(recipient: Recipient, exported_on: datetime) -> str:
    """The export's README, to her: in the language and form of address the import gives a
    customer of her country (``order_importers.customer_profile``)."""
    country, language, form = customer_profile(recipient.deliveries[-1].ship.country_code)
    typed = all(d.table == "custom_order" for d in recipient.deliveries)
    why = translations_for(language).pgettext(form, (_WHY_TYPED if typed else _WHY)[0])
    counts: dict[str, int] = {}
    for d in recipient.deliveries:
        counts[d.table] = counts.get(d.table, 0) + 1
    return readme_text(recipient.name, exported_on, counts, form,
                       language, country, why=why, zone_name=zone_name(clock.owner().tz, exported_on))


__all__ = ["delivery_text", "order_line", "erase_question", "erased_text", "readme"]
