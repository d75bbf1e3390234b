"""Add or edit an influencer: profile, handles per platform with followers, contact, tags."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit

from desktop import clock, i18n
from desktop.domain import handles as handle_rules
from desktop.domain import people
from desktop.domain.validation import HandleInput, validate_person
from desktop.i18n import _
from desktop.labels import choices, label
from desktop.store import influencers as ops
from desktop.store import lookups
from desktop.views.base import plain_label
from desktop.views import dialogs
from desktop.views.keys import tab_in_reading_order
from desktop.views.form_dialog import FormDialog

TYPE_CHECKING = False  # not typing's; the models only name the types here (views run no SQL)
if TYPE_CHECKING:
    from desktop.store.models import Person


def fill_combo(combo: QComboBox, pairs: list[tuple[str, str]], current: str | None = None) -> None:
    combo.clear()
    for code, text in pairs:
        combo.addItem(text, code)
    if current is not None:
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))


# The form's one-line text fields, as the card (Person) names them; the tags and notes follow.
TEXT_FIELDS = ("name", "email", "phone", "whatsapp", "street", "postcode", "city")


class InfluencerDialog(FormDialog):
    form_name = "influencer_dialog.ui"

    def __init__(self, parent=None, person: Person | None = None):
        super().__init__(parent)
        self.person = person
        self.is_new = person is None
        self.setWindowTitle(_("Edit {name}").format(name=person.name) if person else _("New influencer"))
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("Save"))
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(_("Cancel"))
        # a new influencer lives where the shop is, unless the owner says otherwise (Settings → Country)
        fill_combo(self.w("country"), choices("country"), person.country if person else clock.owner().country)
        fill_combo(self.w("language"), choices("language"), person.language if person else "nl")
        # je for a new influencer, Belgian or Dutch (message_rules.default_form); the owner may pick u
        fill_combo(self.w("address_form"), choices("address_form"), person.address_form if person else "je")
        self._build_handles()
        self.notice = plain_label()  # says so when the dialog goes on with a card already there
        self.notice.hide()
        self.layout().insertWidget(0, self.notice)
        if person is not None:
            self._load(person)

    def _build_handles(self) -> None:
        grid: QGridLayout = self.form.findChild(QGridLayout, "handlesGrid")
        grid.addWidget(plain_label(_("Handle or profile link")), 0, 1)
        grid.addWidget(plain_label(_("Followers")), 0, 2)
        for i, platform in enumerate(handle_rules.PLATFORMS):
            row = 1 + 2 * i
            handle = QLineEdit(self.form)
            handle.setObjectName(f"handle_{platform}")
            # TRANSLATORS: an example of a blog's link, shown in its empty field (Dutch: "https://mijnblog.nl").
            handle.setPlaceholderText(_("https://myblog.com") if platform == "blog" else _("@name"))
            followers = QLineEdit(self.form)
            followers.setObjectName(f"followers_{platform}")
            followers.setMaximumWidth(110)
            name = plain_label(label("platform", platform), wrap=False)
            name.setBuddy(handle)
            grid.addWidget(name, row, 0)
            grid.addWidget(handle, row, 1)
            grid.addWidget(followers, row, 2)
            for column, key in ((1, f"handle_{platform}"), (2, f"followers_{platform}")):
                error = QLabel(self.form)
                error.setObjectName(key + "Error")
                error.hide()
                grid.addWidget(error, row + 1, column)
        grid.setColumnStretch(1, 1)
        # Tab as she reads: the left column, then the accounts box, then the notes under it.
        fields = [self.w(f"{kind}_{platform}") for platform in handle_rules.PLATFORMS for kind in ("handle", "followers")]
        tab_in_reading_order(self.w("tags"), *fields, self.w("notes"))

    def _load(self, person: Person) -> None:
        for key in TEXT_FIELDS:
            self.w(key).setText(getattr(person, key))
        self.w("tags").setText(", ".join(person.tags))
        self.w("notes").setPlainText(person.notes)
        for h in lookups.handles_of(person.id):
            self.w(f"handle_{h.platform}").setText(handle_rules.display(h.platform, h.name))
            if h.followers is not None:
                self.w(f"followers_{h.platform}").setText(i18n.format_number(h.followers))

    def _texts(self) -> dict[str, str]:
        """What the text fields hold: the one-line fields, the tags and the notes."""
        notes: QPlainTextEdit = self.w("notes")
        return {**{key: self.w(key).text() for key in (*TEXT_FIELDS, "tags")}, "notes": notes.toPlainText()}

    def values(self) -> dict:
        out = self._texts()
        for key in ("country", "language", "address_form"):
            out[key] = self.w(key).currentData()
        return out

    def save(self) -> bool:
        inputs = [HandleInput(p, self.w(f"handle_{p}").text(), self.w(f"followers_{p}").text())
                  for p in handle_rules.PLATFORMS]
        errors, cleaned = validate_person(self.values(), inputs, ops.handle_owner,
                                          self.person.id if self.person else None)
        if not self.show_errors(errors):
            return False
        if self.person is None and not self._second_one_meant(cleaned["name"], cleaned["email"]):
            return False
        self.person = ops.save_person(cleaned, clock.utcnow(), self.person)
        return True

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…": an influencer added, or her card changed.
        if self.is_new:
            return _("new influencer {name}").format(name=self.person.name)
        return _("details of {name} changed").format(name=self.person.name)

    def _second_one_meant(self, name: str, email: str) -> bool:
        """A new influencer with the e-mail address (or, where that does not tell them
        apart, the name) of one already in Afspraak may be her again (badinput #11): ask.
        Two can share a name, so adding her stays possible; a customer of the shop who
        becomes an influencer keeps one card. True: save a new card; False: not now (her
        card is open in the dialog instead, or the owner went back)."""
        like = lookups.people_like(name, email)
        if not like:
            return True
        known = next((p for p in like if p.is_influencer), like[0])  # an influencer first: the likelier double
        who = f"{known.name} ({known.email})" if known.email else known.name
        same_address = bool(email) and email.casefold() == known.email.strip().casefold()
        if known.is_influencer:
            text = (_("There is already an influencer with this email address in Afspraak: {who}. Open that card, "
                      "or add a second one anyway?") if same_address else
                    _("There is already an influencer with this name in Afspraak: {who}. Open that card, or add a "
                      "second one anyway?"))
            # TRANSLATORS: a button: edit the influencer already in Afspraak, named {name}, instead.
            choices = [("known", _("Open {name}").format(name=known.name)), ("add", _("Add anyway"))]
        else:  # a customer of the shop: she becomes an influencer on her own card, or gets a second one
            text = (_("{who} is already in Afspraak as a customer, with this email address. Add what you typed to "
                      "that card and mark them as an influencer, or make a second card?") if same_address else
                    _("{who} is already in Afspraak as a customer, with this name. Add what you typed to that card "
                      "and mark them as an influencer, or make a second card?"))
            # TRANSLATORS: a button: the customer {name}, already in Afspraak, becomes an influencer (one card).
            choices = [("known", _("Make {name} an influencer").format(name=known.name)),
                       ("add", _("Make a second card"))]
        answer = dialogs.ask_which(self, _("Already in Afspraak?"), text.format(who=who), [*choices, (None, _("Back"))])
        if answer == "known":
            self._open_known(known)
        return answer == "add"

    def _open_known(self, person: Person) -> None:
        """Go on with ``person``'s card: what was typed stays, a field left empty gets what
        she has (``people.onto_card``), her choices (country, language, je or u) are hers.
        Nothing is saved until the owner has looked and presses Save."""
        typed = self._texts()
        handles = {p: (self.w(f"handle_{p}").text(), self.w(f"followers_{p}").text()) for p in handle_rules.PLATFORMS}
        self.person = person
        for key in ("country", "language", "address_form"):
            box = self.w(key)
            box.setCurrentIndex(max(0, box.findData(getattr(person, key))))
        self._load(person)
        for key, text in people.onto_card(typed, self._texts()).items():
            if key == "notes":
                self.w(key).setPlainText(text)
            else:
                self.w(key).setText(text)
        for platform, (handle, followers) in handles.items():
            if handle.strip():
                self.w(f"handle_{platform}").setText(handle)
            if followers.strip():
                self.w(f"followers_{platform}").setText(followers)
        self.setWindowTitle(_("Edit {name}").format(name=person.name))
        self.notice.setText(_("This is {name}'s card now, with what you typed added: check the details and press "
                              "Save again.").format(name=person.name))
        self.notice.show()
