"""Log what was posted for a deliverable: link, platform, date, caption check, results.

Pasting the caption checks it at once against the collaboration's required hashtags and
mentions and the disclosure rules of the influencer's country (domain/disclosure.py);
what a caption cannot show is a checkbox the owner ticks.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLayout, QVBoxLayout

from desktop import clock, i18n
from desktop.domain import disclosure
from desktop.domain.handles import PLATFORMS, platform_of_url
from desktop.domain.validation import validate_content
from desktop.i18n import _
from desktop.labels import label
from desktop.store import influencers as ops
from desktop.store import lookups
from desktop.views.keys import tab_in_reading_order
from desktop.views.form_dialog import FormDialog
from desktop.views.influencer_dialog import fill_combo
from desktop.views import theme
from desktop.views.forms import date_field, date_problems, from_qdate, to_qdate

TYPE_CHECKING = False  # not typing's; the models only name the types here (views run no SQL)
if TYPE_CHECKING:
    from desktop.store.models import Collaboration, Deliverable

OK, MISSING, OPEN = "✓", "✗", "?"


class ContentDialog(FormDialog):
    form_name = "content_dialog.ui"

    def __init__(self, parent=None, collaboration: Collaboration | None = None, deliverable: Deliverable | None = None):
        super().__init__(parent)
        self.collaboration = collaboration
        self.person = collaboration.person
        self.content = None
        self.check: disclosure.CaptionCheck | None = None
        self._boxes: dict[str, QCheckBox] = {}
        self.setWindowTitle(_("Log content: {title}").format(title=collaboration.title))
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("Save"))
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(_("Cancel"))
        combo = self.w("deliverable")
        open_ones = []
        for d, done in lookups.deliverables_logged(collaboration.id):
            if d.delivered_at is None:
                open_ones.append(combo.count())
            combo.addItem(_("{kind}: {done} of {count} logged").format(
                kind=label("deliverable", d.kind), done=done, count=d.count), d.id)
        combo.addItem(_("Extra content (not agreed)"), None)
        if deliverable is not None:
            combo.setCurrentIndex(combo.findData(deliverable.id))
        else:
            combo.setCurrentIndex(open_ones[0] if open_ones else 0)
        fill_combo(self.w("platform"), [(p, label("platform", p)) for p in PLATFORMS], _first_handle(self.person))
        self.w("posted_on").setDate(to_qdate(ops.local_day(clock.utcnow())))
        date_field(self.w("posted_on"))
        columns = self.form.findChild(QLayout, "columns")  # not itemAt(): see form_dialog._layout_of
        columns.setStretch(0, 3)
        columns.setStretch(1, 2)
        self.w("url").textChanged.connect(self._url_changed)
        self.w("caption").textChanged.connect(self.update_check)
        combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def deliverable(self) -> Deliverable | None:
        d_id = self.w("deliverable").currentData()
        return lookups.deliverable(d_id) if d_id else None

    def _url_changed(self, text: str) -> None:
        platform = platform_of_url(text)
        if platform:
            self.w("platform").setCurrentIndex(self.w("platform").findData(platform))

    def _kind_changed(self, *_args) -> None:
        """Manual checklist items depend on the kind (video, stories): rebuild them."""
        holder = self.w("manualChecks")
        layout: QVBoxLayout = holder.layout()
        ticked = self.ticks()
        while layout.count():
            item = layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self._boxes = {}
        rules = disclosure.rules_for(self.person.country)
        if rules is not None and self.collaboration.disclosure_required:
            d = self.deliverable()
            kind = d.kind if d else "post"
            for key, text, kinds in rules.manual_items:
                if kinds and kind not in kinds:
                    continue
                box = QCheckBox(_(text), holder)
                box.setObjectName(f"tick_{key}")
                box.setChecked(ticked.get(key, False))
                box.toggled.connect(self.update_check)
                layout.addWidget(box)
                self._boxes[key] = box
        # Under the caption's check, before the results column (not after Save and Cancel).
        tab_in_reading_order(self.w("caption"), *self._boxes.values(), self.w("views"))
        self.update_check()

    def ticks(self) -> dict[str, bool]:
        """Only what the owner ticked: an unticked item is "not checked yet", not "wrong"."""
        return {key: True for key, box in self._boxes.items() if box.isChecked()}

    def update_check(self, *_args) -> None:
        c = self.collaboration
        d = self.deliverable()
        mentions = c.required_mentions
        self.check = disclosure.check_caption(
            self.w("caption").toPlainText(), country=self.person.country, kind=d.kind if d else "post",
            paid=c.fee_cents > 0, shop_handle=mentions[0] if mentions else "",
            required_hashtags=c.required_hashtags, required_mentions=mentions,
            disclosure_required=c.disclosure_required, ticked=self.ticks())
        self.w("checkResult").setText(describe_check(self.check, bool(self.w("caption").toPlainText().strip())))
        source: QLabel = self.w("checkSource")
        source.setText(_("Rules: {source}").format(source=_(self.check.source)) if self.check.source else
                       _("No disclosure rules for this country in Afspraak; check the local rules yourself."))
        source.setStyleSheet(theme.text_style("grey"))

    def values(self) -> dict:
        out = {key: self.w(key).text() for key in ("url", "views", "likes", "comments", "link_clicks", "code_uses",
                                                   "revenue")}
        out.update(platform=self.w("platform").currentData(), caption=self.w("caption").toPlainText(),
                   posted_on=from_qdate(self.w("posted_on").date()))
        return out

    def save(self) -> bool:
        typed = date_problems({"posted_on": self.w("posted_on")})
        if typed:  # the field still holds its last good date, not the one she typed
            self.show_errors(typed)
            return False
        errors, cleaned = validate_content(self.values(), ops.local_day(clock.utcnow()), money_locale=i18n.formatting_locale())
        if not self.show_errors(errors):
            return False
        self.update_check()
        self.content = ops.log_content(self.collaboration, self.deliverable(), cleaned, self.check, self.ticks(),
                                       clock.utcnow())
        return True

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…": a post, story or video of {name} logged.
        return _("content of {name} logged").format(name=self.person.name)


def describe_check(check: disclosure.CaptionCheck, has_caption: bool) -> str:
    """The check as lines for the owner: what is there, what is missing, what to tick."""
    lines = []
    if not has_caption:
        lines.append(_("Paste the caption to check it."))
    for tag in check.hashtags_present + check.mentions_present:
        lines.append(f"{OK} {tag}")
    for tag in check.hashtags_missing + check.mentions_missing:
        lines.append(_("{mark} {tag} is missing").format(mark=MISSING, tag=tag))
    for item in check.items:
        mark = OK if item.ok else (MISSING if item.ok is False else OPEN)
        if item.key == "label" and check.labels_found:
            lines.append(_("{mark} {item}: {labels}").format(mark=mark, item=item.text, labels=", ".join(check.labels_found)))
        elif item.auto:
            lines.append(f"{mark} {item.text}")
    lines += ["! " + a for a in check.advice]
    if any(i.ok is None for i in check.items):
        lines.append(_("Tick what you checked yourself below."))
    return "\n".join(lines)


def _first_handle(person) -> str:
    handles = sorted(lookups.handles_of(person.id), key=lambda h: -(h.followers or 0))
    return handles[0].platform if handles else "instagram"
