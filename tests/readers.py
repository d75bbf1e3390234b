"""The five readers every message is read for (Dutch je/u, Belgian je/u, English): shared
by the tests of the native reviews."""

from desktop.presentation import messages
from desktop.store.models import Person

AMS = "Europe/Amsterdam"
READERS = [("nl", "NL", "je"), ("nl", "NL", "u"), ("nl", "BE", "je"), ("nl", "BE", "u"), ("en", "NL", "je")]


def reader(lang, country, form, first="Mila"):
    return messages.Recipient(first, lang, country, form)


def as_reader(person: Person, lang, country, form):
    person.language, person.country, person.address_form = lang, country, form
    person.save()
