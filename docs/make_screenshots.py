"""Take the README screenshots: every main view filled with the demo shop, in Dutch.

    make screenshots        (or: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [--lang en])

With ``--size 1366x768`` (and optionally ``--dark``) it takes only the five main views at
that window size, named like ``influencers-1366-light-nl.png``: the shots to judge the
layout by, as the owner sees them on a laptop or a big screen, on a light or dark desktop.

``--only-cannot-start`` takes only the "Afspraak cannot start" message over the first window
(``cannot-start-full-1366-light-nl.png``: a sound file on a full disk; ``-damaged-``: a
damaged file the full disk keeps from being repaired; ``-repaired-``: a repair made, whose
opening the full disk then refused), on a screen of ``--size`` (default 1366x768), the size
a message box takes its width from. Every one of them:

    for size in 1366x768 1920x1080; do for lang in nl en; do for dark in "" --dark; do
      .venv/bin/python docs/make_screenshots.py --only-cannot-start --size $size --lang $lang $dark
    done; done; done

``--only-order-form`` takes only the custom order form of a present, "Deliver to another
address" open, over the main window on a screen of ``--size`` (``order-dialog-ship-to-1366-
light-nl.png``), with the same loop.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


LANGUAGE = "nl"  # the language of the shots (--lang): the sample text typed into them follows it


def typed(dutch: str, english: str) -> str:
    """What the owner would type in the shots' language (no Dutch in English pictures)."""
    return english if LANGUAGE == "en" else dutch


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", help="WIDTHxHEIGHT: only the main views, at this window size")
    parser.add_argument("--dark", action="store_true", help="a dark palette, as a dark desktop gives (Fusion style)")
    parser.add_argument("--only-settings", action="store_true",
                        help="only the settings window (settings-*.png): its pages, or with --size two of them "
                             "over the main window")
    parser.add_argument("--only-order-form", action="store_true",
                        help="only the custom order form with 'Deliver to another address' open, over the main "
                             "window at --size (order-dialog-ship-to-*.png)")
    parser.add_argument("--only-cannot-start", action="store_true",
                        help="only the 'Afspraak cannot start' messages over the first window (cannot-start-*.png), "
                             "on a screen of --size (default 1366x768)")
    args = parser.parse_args()
    global LANGUAGE
    LANGUAGE = args.lang
    if args.only_cannot_start or args.only_order_form:
        args.size = args.size or "1366x768"
        screen_of(args.size)

    from PySide6.QtWidgets import QApplication

    from screenshot_time import fix_time

    from desktop import demo, i18n, paths
    from desktop.clock import utcnow
    from desktop.presentation import event_texts  # noqa: F401 - hands the store how events read
    from desktop.store.opening import open_database
    from desktop.views import translator

    fix_time()  # a working hour on a fixed day, whenever the script runs
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    paths.set_data_dir(tempfile.mkdtemp(prefix="afspraak-shots-"))
    app = QApplication.instance() or QApplication([])
    if args.dark:
        from desktop.views import theme

        app.setStyle("Fusion")
        app.setPalette(theme.dark_palette())
    if args.only_cannot_start:  # the first window has no data yet: no example shop needed
        i18n.set_language(args.lang)
        translator.install(app)
        shoot_cannot_start(app, out, args.size, args.dark, args.lang)
        return
    open_database()
    i18n.set_language(args.lang)  # first: the example shop is made in the language the app runs in
    demo.fill(utcnow())
    translator.install(app)
    from desktop.views.main_window import MainWindow

    if args.only_order_form:
        width, height = (int(x) for x in args.size.lower().split("x"))
        window = MainWindow()
        window.resize(width, height)
        window.show()
        shoot_order_ship_to(app, window, out, f"{width}-{'dark' if args.dark else 'light'}-{args.lang}", args.dark)
        window.close()
        return
    if args.size:
        shoot_views(app, out, args.size, args.dark, args.lang, only_settings=args.only_settings)
        return
    if args.only_settings:
        window = MainWindow()
        window.resize(1366, 768)
        window.show()
        shoot_settings_pages(app, window, out, args.lang)
        return
    suffix = "" if args.lang == "nl" else f"-{args.lang}"
    # The first window, before the data is open (a fraction of a second at start).
    shell = MainWindow(deferred=True, saved={"last_view": "today"})
    shell.resize(1366, 768)
    shell.show()
    app.processEvents()
    shell.grab().save(str(out / f"start{suffix}.png"))
    print(out / f"start{suffix}.png")
    shell.close()

    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    for view in window.views:
        window.show_view(view.key)
        app.processEvents()
        window.grab().save(str(out / f"{view.key}{suffix}.png"))
        print(out / f"{view.key}{suffix}.png")
    shoot_reminders_without_tray(app, window, out, suffix)
    shoot_tray_menu(app, out, suffix)
    shoot_shipping(app, window, out, suffix)
    shoot_ladder_and_orders(app, window, out, suffix, args.lang)
    shoot_evidence(app, window, out, suffix)
    shoot_context_menu(app, window, out, args.lang)


def screen_of(size: str) -> None:
    """An offscreen screen of ``size`` (WIDTHxHEIGHT), set before the QApplication is made:
    a message box takes its width from the screen's (Qt's own 800x800 one made it narrower
    than on a laptop). Only for Qt's offscreen platform; a real screen is what it is."""
    import json

    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return
    width, height = (int(x) for x in size.lower().split("x"))
    config = Path(tempfile.mkdtemp(prefix="afspraak-shots-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "shot", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def cannot_start_texts() -> dict[str, str]:
    """The "Afspraak cannot start" messages, each as the window says it, of a data folder
    where it usually is on Linux: a sound file on a full disk, a damaged one the full disk
    keeps from being repaired, and a repair made whose opening the full disk then refused."""
    from datetime import timedelta

    from desktop.clock import utcnow
    from desktop.presentation import errors
    from desktop.store import storage_errors
    from desktop.store.recovery import Recovery, RepairBlocked

    folder = Path("/home/anne/.local/share/afspraak")
    taken = utcnow() - timedelta(days=1, hours=1)  # the automatic backup of yesterday morning
    backup = folder / "backups" / f"afspraak-auto-{taken:%Y%m%d-%H%M%S}.sqlite3"
    kept = folder / f"afspraak-damaged-{utcnow():%Y%m%d-%H%M%S}.sqlite3"
    return {
        "full": errors.cannot_open(storage_errors.FULL, folder),
        "damaged": errors.repair_blocked(RepairBlocked(storage_errors.FULL, folder, "damaged", restoring=backup)),
        "repaired": errors.repaired_not_opened([Recovery("damaged", kept, backup, taken)], storage_errors.FULL,
                                               folder),
    }


def shoot_cannot_start(app, out: Path, size: str, dark: bool, lang: str) -> None:
    """Each "Afspraak cannot start" message (``cannot_start_texts``) as the start shows it:
    the box ``dialogs.warn`` shows, centred over the first window (before the data is open),
    with a plain title bar drawn over it, since offscreen windows have none and the title
    is half the message (``cannot-start-full-1366-light-nl.png``): ``shoot_over``."""
    from desktop.i18n import _
    from desktop.views import dialogs
    from desktop.views.main_window import MainWindow

    width, height = (int(x) for x in size.lower().split("x"))
    shell = MainWindow(deferred=True, saved={"last_view": "today"})
    shell.resize(width, height)
    shell.show()
    app.processEvents()
    for name, text in cannot_start_texts().items():
        box = dialogs.warning_box(shell, _("Afspraak cannot start"), text)
        shoot_over(app, shell, box, out / f"cannot-start-{name}-{width}-{'dark' if dark else 'light'}-{lang}.png",
                   dark)
        box.close()
    shell.close()


def shoot_context_menu(app, window, out: Path, lang: str) -> None:
    """A text field's right-click menu in the UI language (Qt's own catalog, views/translator.py);
    named with its language (qt-context-menu-nl.png), since the point is the language.

    Offscreen a menu is a window of its own, so it is painted onto the dialog's picture
    where a right click in the field would open it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    from desktop.store.models import Person
    from desktop.views.influencer_dialog import InfluencerDialog

    dialog = InfluencerDialog(window, Person.get(Person.name == "Sanne de Vries"))
    dialog.show()
    app.processEvents()
    field = dialog.w("name")
    field.setFocus()
    field.selectAll()
    menu = field.createStandardContextMenu()
    menu.ensurePolished()
    menu.adjustSize()
    picture = dialog.grab()
    at = field.mapTo(dialog, QPoint(field.width() // 3, field.height() // 2))
    painter = QPainter(picture)
    painter.drawPixmap(at, menu.grab())
    painter.end()
    path = out / f"qt-context-menu-{lang}.png"
    picture.save(str(path))
    print(path)
    menu.deleteLater()
    dialog.close()


def shoot_views(app, out: Path, size: str, dark: bool, lang: str, only_settings: bool = False) -> None:
    """The five main views, maximised-like at one window size (``influencers-1366-light-nl.png``),
    and the settings window over it at two of its pages (``settings-ladder-1366-light-nl.png``)."""
    from desktop.views.main_window import MainWindow

    width, height = (int(x) for x in size.lower().split("x"))
    window = MainWindow()
    window.resize(width, height)
    window.show()
    for view in ([] if only_settings else window.views):
        window.show_view(view.key)
        app.processEvents()
        if view.key == "shipments":  # the parcel with the longest link: it wraps in the pane, the list keeps its room
            from desktop.store.models import Shipment

            longest = max(Shipment.select(), key=lambda s: len(s.tracking_url), default=None)
            if longest is not None:
                view.select_id(longest.id)
                app.processEvents()
        path = out / f"{view.key}-{width}-{'dark' if dark else 'light'}-{lang}.png"
        window.grab().save(str(path))
        print(path)
    window.show_view("today")
    for page in ("ladder", "templates"):
        path = out / f"settings-{page}-{width}-{'dark' if dark else 'light'}-{lang}.png"
        shoot_settings_over(app, window, page, path)
    if not only_settings:
        tail = f"{width}-{'dark' if dark else 'light'}-{lang}"
        # A collaboration whose gift was not sent yet: her card says its deliverable waits for it.
        from desktop.store.models import Collaboration

        waiting = next((c for c in Collaboration.select().where(Collaboration.status == "agreed")
                        if not c.shipments.exists()), None)
        if waiting is not None:
            window.show_view("influencers")
            view = window.view("influencers")
            view.select_id(waiting.person_id)
            app.processEvents()
            scroll_pane_to(view, waiting.title)  # her collaboration at the pane's top, not cut
            app.processEvents()
            window.grab().save(str(out / f"influencers-gift-pending-{tail}.png"))
            print(out / f"influencers-gift-pending-{tail}.png")
        # Step 3 for an influencer who only has Instagram: Vandaag's hint, and its dialog.
        with StepThreeWithOnlyInstagram() as item:
            window.show_view("today")
            view = window.view("today")
            view.refresh()
            assert shoot_today_row(app, window, lambda i, key=item.key: i.key == key, out / f"today-step3-{tail}.png")
            shoot_dialog(app, out, step_three_dialog(window, item), f"due-step3-{tail}")
        # News before a custom order's promised date: the on-schedule update, and Vandaag's
        # question whether it will be late.
        window.show_view("today")
        view = window.view("today")
        view.refresh()
        shoot_today_row(app, window, lambda i: i.step == "delay_warning", out / f"today-order-news-{tail}.png")
        # The owner's own promise: a gift agreed and not sent yet (Mila's earrings).
        shoot_today_row(app, window, lambda i: i.kind == "gift", out / f"today-gift-{tail}.png")
        # The shop's promise to a customer: a finished custom order still to ship (#1029).
        shoot_today_row(app, window, lambda i: i.step == "ship", out / f"today-order-ship-{tail}.png")
        # The products given in a collaboration, picked from the catalogue.
        shoot_dialog(app, out, collaboration_products_dialog(window), f"dialog-collaboration-products-{tail}")
        # A new collaboration with someone written to in the other language: which to type in.
        shoot_dialog(app, out, other_language_collaboration_dialog(window), f"dialog-collaboration-her-language-{tail}")
        shoot_dialog(app, out, other_language_collaboration_dialog(window, tab=2),
                     f"dialog-collaboration-her-language-rules-{tail}")
        # A gift with nothing written down in return (followup.RULES["agreement"]): the offer
        # right after the drop, and the task in Vandaag the morning after the parcel went out.
        # (A pane widened by what one shows stays so: the shots after each see it as it was.)
        with kept_panes(window):
            shoot_agreement(app, window, out, tail)
        # A posted reel with points nobody checked: the pane's "? Not checked", and "Check…".
        with kept_panes(window):
            shoot_content_check(app, window, out, tail, dark)
        # A custom order given as a present: the form with "Deliver to another address" open.
        shoot_order_ship_to(app, window, out, tail, dark)
        # Last (it adds to the example shop): a products and an orders export (the test data),
        # each leaving one timeline event whose counts come before the file's name.
        shoot_imports(app, window, out / f"timeline-import-{tail}.png")
        # After everything else (it adds a collaboration and a late parcel to the example shop).
        shoot_moved_deadlines(app, window, out / f"influencers-moved-{tail}.png")
    window.close()


def scroll_pane_to(view, title: str) -> None:
    """Scroll the influencer pane down (never sideways) until the heading that starts with
    ``title`` is its first line: a shot that scrolled to the end cut the line at its top."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QLabel

    for _ in range(3):  # the pane laid out at its width first: its lines wrap, and move down
        QApplication.processEvents()
    labels = [w for w in view.detail.findChildren(QLabel) if w.isVisible()]
    heading = next(w for w in labels if w.text().startswith(title))
    bar = view.detail_scroll.verticalScrollBar()
    wanted = min(bar.maximum(), heading.mapTo(view.detail, QPoint(0, 0)).y() - 8)
    # where the pane cannot scroll that far, the line nearest above begins it
    tops = [w.mapTo(view.detail, QPoint(0, 0)).y() - 1 for w in labels]
    bar.setValue(max([0, *(top for top in tops if top <= wanted)]))


def shoot_moved_deadlines(app, window, path: Path) -> None:
    """A gift sent after its deadline: Afspraak moved the deadline, and under the change in
    her pane is the button with the ready message of the new date (adds to the example shop)."""
    from datetime import timedelta

    from PySide6.QtWidgets import QWidget

    from desktop import clock
    from desktop.store import shipping
    from desktop.store.influencers import end_of_day_utc, local_day
    from desktop.store.models import Collaboration, Deliverable, Person, Product

    now = clock.utcnow()
    noor = Person.get(Person.name == "Noor Bakker")
    # Her title and her parcel's product agree; the title in Noor's language (her messages
    # quote it), in both sets of shots.
    collab = Collaboration.create(person=noor, title="Schakelarmband Luna voor een post",
                                  status="agreed", agreed_at=now - timedelta(days=12), created_at=now - timedelta(days=12),
                                  response_days=3)
    Deliverable.create(collaboration=collab, kind="post", count=1,
                       deadline=end_of_day_utc(local_day(now) + timedelta(days=1)))
    product = Product.get(Product.name == "Schakelarmband Luna")
    shipping.create_shipment(shipping.NewShipment(person_id=noor.id, items=[(product.id, 1)], sent=True,
                                                  collaboration_id=collab.id), now)
    window.show_view("influencers")
    view = window.view("influencers")
    view.refresh()
    view.select_id(noor.id)
    app.processEvents()
    assert view.detail.findChild(QWidget, "confirmVersion" + str(collab.versions.get().id)) is not None
    scroll_pane_to(view, collab.title)  # the collaboration from its title down to the change
    app.processEvents()
    window.grab().save(str(path))
    print(path)


@contextmanager
def kept_panes(window):
    """The view on screen, the views' detail panes and their dividers put back as they were
    on leaving: a pane only ever widens for a form it shows (views/base.py
    ``_room_for_fields``; Isa's e-mail address widened Influencers'), and a view's divider
    is placed for the width it is shown at (Influencers has the catalogue beside it): the
    shots after these would show the lists narrowed by them."""
    from PySide6.QtWidgets import QApplication, QScrollArea, QSplitter

    shown = window.current_view().key
    splitters = [(splitter, splitter.sizes()) for splitter in window.findChildren(QSplitter)]
    panes = [(pane, pane.minimumWidth()) for pane in window.findChildren(QScrollArea, "detailScroll")]
    try:
        yield
    finally:
        window.show_view(shown)
        QApplication.processEvents()  # laid out at the window's width again before it is compared
        for pane, width in panes:
            pane.setMinimumWidth(width)
        for splitter, sizes in splitters:
            if splitter.sizes() != sizes:  # only the moved ones: the others as Qt keeps them
                splitter.setSizes(sizes)


class NewInfluencer:
    """An influencer added on ``at`` with nothing sent to her yet (the README's drop is onto a
    new one), Dutch as the example's influencers are in both sets of shots; taken out again
    on leaving (the store's journal, as Edit → Undo does), so the shots after it see the
    example shop as made."""

    NAME, HANDLE = "Isa de Jong", "isa.dejong"

    def __init__(self, at):
        self.at = at

    def __enter__(self):
        from desktop.domain.validation import HandleInput, validate_person
        from desktop.store import influencers, journal

        values = dict(name=self.NAME, email="isa.dejong@example.nl", street="Oudegracht 112", postcode="3511 AX",
                      city="Utrecht", country="NL", language="nl", address_form="je")
        with journal.recording() as self.change:
            errors, cleaned = validate_person(values, [HandleInput("instagram", self.HANDLE, "7300")],
                                              influencers.handle_owner)
            assert not errors, errors
            person = influencers.save_person(cleaned, self.at)
        return person

    def __exit__(self, *exc):
        from desktop.store import journal

        journal.undo(self.change)
        return False


def shoot_agreement(app, window, out: Path, tail: str) -> None:
    """What she does in return for a gift, not written down yet (views/agreement_task.py):
    a product dropped onto a new influencer, the parcel dialog answered with its defaults
    (sent, a new proposed collaboration): the bar that offers "Record the agreement…" over
    her pane (``influencers-agreement-offer-…``); and, for a parcel that went out on Friday,
    Vandaag on Monday morning with the task chosen, its words and buttons
    (``today-agreement-…``). Both taken back after."""
    from datetime import timedelta

    from PySide6.QtCore import QEvent

    from desktop import clock
    from desktop.presentation.record_texts import gift_title
    from desktop.store import journal, shipping
    from desktop.store.models import Collaboration, Product
    from desktop.views import dialogs
    from desktop.views.agreement_task import OFFER_NAME, AgreementOffer
    from desktop.views.shipping_dialogs import ShipmentDialog

    now = clock.utcnow()
    friday = now - timedelta(days=2, hours=20)  # Friday, 14:30 in Amsterdam
    product = Product.get(Product.sku == "AR-202")  # Schakelarmband Luna
    with NewInfluencer(friday) as isa:
        window.refresh_all()
        window.show_view("influencers")
        view = window.view("influencers")
        view.select_id(isa.id)
        app.processEvents()

        def answered(parent, person_id, product_ids, collaboration_id=None):
            form = ShipmentDialog(parent, person_id, product_ids, collaboration_id=collaboration_id)
            form.set_values(sent=True)  # handed to the carrier today, no tracking code
            assert form.accept()
            form.dialog.close()
            return form.result

        asked, dialogs.ask_shipment = dialogs.ask_shipment, answered
        try:
            created = window.shipping.send_products(isa.id, [product.id])  # what the drop calls
        finally:
            dialogs.ask_shipment = asked
        view.select_id(isa.id)
        app.sendPostedEvents(None, QEvent.DeferredDelete)  # the pane's old widgets
        app.processEvents()
        scroll_pane_to(view, Collaboration.get_by_id(created.new_collaboration_id).title)  # what it says is missing
        app.processEvents()
        bar = window.findChild(AgreementOffer, OFFER_NAME)
        assert bar is not None and bar.isVisible()
        window.grab().save(str(out / f"influencers-agreement-offer-{tail}.png"))
        print(out / f"influencers-agreement-offer-{tail}.png")
        bar.later.click()
        window.undo_stack.undo()  # the drop taken back
        window.undo_stack.clear()  # nothing to redo, no message left in the status bar
        window.statusBar().clearMessage()
        # The parcel went out on Friday; "Later" on the bar: on Monday the task is in Vandaag.
        with journal.recording() as change:
            shipping.create_shipment(shipping.NewShipment(
                person_id=isa.id, items=[(product.id, 1)], sent=True,
                collaboration_title=gift_title([shipping.product_title(product)])), friday)
        window.refresh_all()
        window.show_view("today")
        window.view("today").refresh()
        assert shoot_today_row(app, window, lambda i: i.kind == "agreement", out / f"today-agreement-{tail}.png")
        journal.undo(change)
    window.refresh_all()


def shoot_content_check(app, window, out: Path, tail: str, dark: bool) -> None:
    """A reel Julia Mertens posted today, logged with its caption and the boxes of what a
    caption cannot show left unticked (Belgian rules: two points): her pane with "? Not
    checked: …" and "Check…" (``influencers-unchecked-…``), and the "Check…" dialog opened
    over it (``influencers-content-check-…``). Taken back after (Edit → Undo)."""
    from PySide6.QtCore import QEvent

    from desktop.store.models import Collaboration, Content, Person
    from desktop.views.content_check_dialog import ContentCheckDialog
    from desktop.views.content_dialog import ContentDialog

    julia = Person.get(Person.name == "Julia Mertens")
    collab = Collaboration.get(Collaboration.person == julia)
    window.show_view("influencers")
    view = window.view("influencers")
    view.select_id(julia.id)
    logged = ContentDialog(view, collab)
    logged.w("url").setText("https://www.instagram.com/reel/C7luna/")
    # Her caption, in her language in both sets of shots (a post is quoted as she wrote it).
    logged.w("caption").setPlainText("#reclame Mijn nieuwe schakelarmband van @zilverenzo, ik draag hem elke dag! "
                                     "#gekregen #zilverenzo")
    logged._on_ok()  # Save: a step of Edit → Undo, as the owner's own save is
    logged.close()
    content = Content.select().where(Content.collaboration == collab).get()
    view.refresh()
    view.select_id(julia.id)
    app.sendPostedEvents(None, QEvent.DeferredDelete)
    app.processEvents()
    record = view.detail.findChild(type(view.detail), f"contentRecord{content.id}")
    assert record is not None
    scroll_pane_to(view, collab.title)  # her collaboration from its title down to the post
    app.processEvents()
    window.grab().save(str(out / f"influencers-unchecked-{tail}.png"))
    print(out / f"influencers-unchecked-{tail}.png")
    dialog = ContentCheckDialog(view, content)
    assert dialog.groups, "no point left to check"
    shoot_over(app, window, dialog, out / f"influencers-content-check-{tail}.png", dark)
    dialog.close()
    window.undo_stack.undo()  # the reel taken back
    window.undo_stack.clear()
    window.statusBar().clearMessage()
    window.refresh_all()


def shoot_order_ship_to(app, window, out: Path, tail: str, dark: bool) -> None:
    """The form of a custom order (#1033) given as a present, "Deliver to another address"
    open with the recipient typed in, as it opens over the window (nothing saved)."""
    from desktop.clock import utcnow
    from desktop.store.models import CustomOrder
    from desktop.views.order_dialog import OrderDialog

    order = CustomOrder.get(CustomOrder.order_number == "#1033")
    dialog = OrderDialog(window, utcnow(), order_id=order.id)
    dialog.ship_to.setChecked(True)
    dialog.ship_name.setText(typed("Oma Riet Jansen", "Grandma Riet Jansen"))
    dialog.ship_street.setText("Dorpsstraat 8")
    dialog.ship_postcode.setText("7411 KT")
    dialog.ship_city.setText("Deventer")
    path = out / f"order-dialog-ship-to-{tail}.png"
    shoot_over(app, window, dialog, path, dark)
    dialog.close()


def shoot_over(app, window, dialog, path: Path, dark: bool) -> None:
    """``dialog`` as it opens over ``window``: centred on it, at its own size, with a plain
    title bar drawn over it (offscreen windows have none, and the title names what is checked)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFont, QPainter, QPen, QPixmap

    dialog.show()
    app.processEvents()
    inner = dialog.grab()
    bar = 30
    framed = QPixmap(inner.width(), inner.height() + bar)
    palette = dialog.palette()
    background = palette.window().color()
    framed.fill(background.lighter(135) if dark else background.darker(112))
    painter = QPainter(framed)
    font = QFont(dialog.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(palette.windowText().color())
    painter.drawText(QRect(0, 0, inner.width(), bar), Qt.AlignCenter, dialog.windowTitle())
    painter.drawPixmap(0, bar, inner)
    painter.end()
    shot = window.grab()
    painter = QPainter(shot)
    x, y = (shot.width() - framed.width()) // 2, (shot.height() - framed.height()) // 2
    painter.drawPixmap(x, y, framed)
    painter.setPen(QPen(palette.mid().color(), 1))
    painter.drawRect(x - 1, y - 1, framed.width() + 1, framed.height() + 1)
    painter.end()
    shot.save(str(path))
    print(path, f"{dialog.width()}x{dialog.height()}")


def shoot_today_row(app, window, pick, path: Path) -> bool:
    """The window on Vandaag with the first reminder ``pick(item)`` chooses selected, saved to
    ``path``; False when no reminder is chosen (nothing saved)."""
    view = window.view("today")
    row = next((i for i, r in view.item_rows() if pick(view.items[r.id])), None)
    if row is None:
        return False
    view.table.selectRow(row)
    app.processEvents()
    window.grab().save(str(path))
    print(path)
    return True


def shoot_settings_pages(app, window, out: Path, lang: str) -> None:
    """Every page of the settings window at the size it opens with (``settings-ladder-nl.png``)."""
    from desktop.views.settings_window import PAGES, SettingsWindow

    settings_window = SettingsWindow(window)
    settings_window.resize(1000, 660)
    settings_window.show()
    for page in PAGES:
        settings_window.show_page(page)
        app.processEvents()
        path = out / f"settings-{page}-{lang}.png"
        settings_window.grab().save(str(path))
        print(path)
    settings_window.close()


def shoot_settings_over(app, window, page: str, path: Path) -> None:
    """The settings window at ``page`` as it opens over the main window (centred, its own size)."""
    from PySide6.QtGui import QPainter, QPen

    from desktop.views.settings_window import SettingsWindow

    dialog = SettingsWindow(window, page=page)
    dialog.resize(min(1000, window.width() - 40), min(660, window.height() - 60))
    dialog.show()
    app.processEvents()
    shot = window.grab()
    inner = dialog.grab()
    painter = QPainter(shot)
    x, y = (shot.width() - inner.width()) // 2, (shot.height() - inner.height()) // 2
    painter.drawPixmap(x, y, inner)
    painter.setPen(QPen(dialog.palette().mid().color(), 1))
    painter.drawRect(x - 1, y - 1, inner.width() + 1, inner.height() + 1)
    painter.end()
    shot.save(str(path))
    print(path)
    dialog.close()


def shoot_imports(app, window, path: Path) -> None:
    from desktop.clock import utcnow
    from desktop.domain.order_importers import parse_any
    from desktop.store import shop_orders
    from desktop.store.catalogue import apply_import
    from desktop.store.models import Event

    exports = ROOT / "tests" / "data" / "shop"
    products, orders = exports / "woo_variations.csv", exports / "shopify_orders_nl.csv"
    apply_import(parse_any(products.read_bytes()), utcnow(), file_name=products.name)
    plan = shop_orders.plan_import(parse_any(orders.read_bytes()))
    # Under the long name a WooCommerce export plugin gives its file: it breaks in the pane
    # after its "_" rather than run past the edge.
    shop_orders.apply_plan(plan, utcnow(), file_name="customer_order_csv_export_one_row_per_order.csv")
    window.refresh_all()
    window.show_view("timeline")
    view = window.view("timeline")
    view.select_id(Event.select().where(Event.fact == "orders_imported").get().id)
    app.processEvents()
    window.grab().save(str(path))
    print(path)


def shoot_dialog(app, out: Path, dialog, name: str) -> None:
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png", f"{dialog.width()}x{dialog.height()}")
    dialog.close()


def collaboration_products_dialog(window):
    """Sanne's collaboration on its "Products and costs" tab: two products of the catalogue
    and a gift card written by hand."""
    from desktop.store.models import Collaboration, Person, Product
    from desktop.views.collaboration_dialog import CollaborationDialog

    sanne = Person.get(Person.name == "Sanne de Vries")
    dialog = CollaborationDialog(window, collaboration=Collaboration.get(Collaboration.person == sanne))
    extra = Product.select().order_by(Product.id.desc()).first()
    dialog.search.select(extra.id)
    dialog.add_chosen_gift()
    dialog.w("gifts").cellWidget(1, 1).setValue(2)
    # Sanne's messages are in Dutch, and the dialog asks for this field in her language:
    # Dutch in both sets of shots.
    dialog.w("products").setText("cadeaubon van € 10")
    dialog.w("tabs").setCurrentWidget(dialog.w("giftsTab"))
    return dialog


def other_language_collaboration_dialog(window, tab: int = 0):
    """A new collaboration with Noor, her messages in the language the app is not in (set
    on the object only, not saved): each tab names the fields to write in hers; on ``tab``."""
    from desktop import i18n
    from desktop.store.models import Person
    from desktop.views.collaboration_dialog import CollaborationDialog

    noor = Person.get(Person.name == "Noor Bakker")
    noor.language = "en" if i18n.current_language() == "nl" else "nl"
    dialog = CollaborationDialog(window, person=noor)
    dialog.w("tabs").setCurrentIndex(tab)
    return dialog


def step_three_dialog(window, item):
    from desktop.views.due_dialog import DueStepDialog

    return DueStepDialog(item, window)


class StepThreeWithOnlyInstagram:
    """The demo's influencer at ladder step 3 made, for a moment, another influencer who
    has only Instagram: another name and handle, no e-mail address, numbers or TikTok (all
    put back on leaving). Another person, so the shots beside it that show the example's
    own step-3 influencer (Noor Bakker, reachable by phone) do not contradict them."""

    NAME, HANDLE = "Roos Verbeek", "roos.verbeek"

    def __enter__(self):
        from desktop import reminders
        from desktop.clock import utcnow
        from desktop.store.models import Handle, Person

        now = utcnow()
        item = next(i for i in reminders.plan(now) if i.step == "3" and i.due <= now)
        self.person = Person.get_by_id(item.person_id)
        self.kept = (self.person.name, self.person.email, self.person.phone, self.person.whatsapp)
        self.handles = [(h.platform, h.name, h.followers, h.url) for h in self.person.handles]
        Person.update(name=self.NAME, email="", phone="", whatsapp="").where(Person.id == self.person.id).execute()
        Handle.delete().where(Handle.person == self.person.id).execute()
        instagram = next(h for h in self.handles if h[0] == "instagram")
        Handle.create(person=self.person, platform="instagram", name=self.HANDLE, followers=instagram[2],
                      url=f"https://www.instagram.com/{self.HANDLE}/")
        return next(i for i in reminders.plan(now) if i.key == item.key)

    def __exit__(self, *exc):
        from desktop.store.models import Handle, Person

        name, email, phone, whatsapp = self.kept
        Person.update(name=name, email=email, phone=phone, whatsapp=whatsapp).where(Person.id == self.person.id).execute()
        Handle.delete().where(Handle.person == self.person.id).execute()
        for platform, name, followers, url in self.handles:
            Handle.create(person=self.person, platform=platform, name=name, followers=followers, url=url)
        return False


def shoot_tray_menu(app, out: Path, suffix: str) -> None:
    """The tray icon's menu as the app fills it: what is due now, then pause and quit."""
    from PySide6.QtCore import QPoint

    from desktop import reminders
    from desktop.clock import utcnow
    from desktop.tray import Tray

    tray = Tray(available=True, describe=reminders.describe)
    tray.set_items(reminders.due_items(utcnow()))
    tray.menu.popup(QPoint(0, 0))
    app.processEvents()
    tray.menu.grab().save(str(out / f"tray-menu{suffix}.png"))
    print(out / f"tray-menu{suffix}.png")
    tray.menu.close()
    tray.hide()


def shoot_reminders_without_tray(app, window, out: Path, suffix: str) -> None:
    """Where a desktop has no tray: the banner in the window and the popup with buttons."""
    from desktop import reminders
    from desktop.clock import utcnow
    from desktop.domain.notify import Announcement
    from desktop.tray import ReminderPopup

    items = reminders.due_items(utcnow())
    window.show_view("influencers")  # the banner offers Vandaag from another view
    window.show_due_in_banner(True)  # as the app does where there is no tray
    window.set_due_count(len(items))
    app.processEvents()
    window.grab().save(str(out / f"fallback-banner{suffix}.png"))
    print(out / f"fallback-banner{suffix}.png")
    window.banner.hide()
    popup = ReminderPopup()
    popup.show_announcement(Announcement(items=items, summary=True, catch_up=True), reminders.describe)
    app.processEvents()
    popup.grab().save(str(out / f"reminder-popup{suffix}.png"))
    print(out / f"reminder-popup{suffix}.png")
    popup.close()
    window.show_due_in_banner(False)  # this window has a tray again: the later shots show no banner


def shoot_shipping(app, window, out: Path, suffix: str) -> None:
    """The catalogue dock, a drop highlight over an influencer, and the parcel dialog."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent

    from desktop.store.models import Person, Product
    from desktop.views.dropping import products_mime
    from desktop.views.shipping_dialogs import ShipmentDialog

    from PySide6.QtCore import QEvent

    def save(widget, name):
        app.sendPostedEvents(None, QEvent.DeferredDelete)  # the detail pane's old widgets
        app.processEvents()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print(path)

    save(window.shipping.catalogue, "catalogue")
    window.show_view("influencers")
    view = window.view("influencers")
    products = [p.id for p in Product.select().where(Product.sku.in_(["ZK-001", "OR-101"]))]
    mime = products_mime(products)
    for name, who in (("drop-highlight", "Sanne de Vries"), ("drop-refused", "Anouk Mulder")):
        view.table.selectRow(next(i for i, r in enumerate(view.model.rows) if r.cells[0] == "Tess van Dijk"))
        person = Person.get(Person.name == who)
        row = next(i for i, r in enumerate(view.model.rows) if r.id == person.id)
        pos: QPoint = view.table.visualRect(view.model.index(row, 0)).center()
        viewport = view.table.viewport()
        app.sendEvent(viewport, QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
        app.sendEvent(viewport, QDragMoveEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
        save(window, name)
    from PySide6.QtGui import QDragLeaveEvent

    app.sendEvent(view.table.viewport(), QDragLeaveEvent())
    sanne = Person.get(Person.name == "Sanne de Vries")
    form = ShipmentDialog(window, sanne.id, products)
    form.set_values(carrier="ups", tracking="1Z5R89390357567128", shipping="4,95", sent=True)
    form.accept()  # shows the check-digit message at the field
    form.dialog.show()
    save(form.dialog, "shipment-dialog")
    form.dialog.close()
    shoot_sent_earlier(app, window, save)
    shoot_lost_parcel(app, window, save)
    # The quick note (Ctrl+N), opened over the timeline for the person of the newest event.
    window.show_view("timeline")
    window.open_quick_note()
    note = window.quick_note
    note.choose("dm")
    note.text.setPlainText(typed("Sorry voor de stilte! De reel staat vrijdag online.",
                                 "Sorry for the silence! The reel goes online on Friday."))
    app.processEvents()
    note.dialog.grab().save(str(out / f"quick-note{suffix}.png"))
    print(out / f"quick-note{suffix}.png")
    note.dialog.reject()
    influencer_shots(app, window, out, suffix)


def shoot_sent_earlier(app, window, save) -> None:
    """A packed parcel in Zendingen with "Eerder verstuurd…" beside "Als verzonden
    markeren" (shipment-ready.png), and the dialog it opens, a day still to come typed
    (dialog-sent-earlier.png)."""
    from PySide6.QtCore import QDate

    from desktop import clock
    from desktop.store import shipping
    from desktop.store.models import Collaboration, Person, Product
    from desktop.views import day_dialog

    mila = Person.get(Person.name == "Mila Smit")  # her earrings packed, not sent yet
    gift = Collaboration.get(Collaboration.person == mila, Collaboration.status == "agreed")
    earrings = Product.select().where(Product.sku == "OR-110").first()  # the Creolen agreed with her
    made = shipping.create_shipment(shipping.NewShipment(person_id=mila.id, items=[(earrings.id, 1)],
                                                         collaboration_id=gift.id), clock.utcnow())
    window.refresh_all()
    window.show_view("shipments")
    view = window.view("shipments")
    view.select_id(made.shipment_id)
    save(window, "shipment-ready")
    dialog = day_dialog.sent_earlier(window, made.shipment_id, mila.name)
    dialog.show()
    today = dialog.today
    dialog.w("day").setDate(QDate(today.year, today.month, today.day).addDays(1))
    dialog.buttons.accepted.emit()  # a day still to come: said at the field, nothing saved
    save(dialog, "dialog-sent-earlier")
    dialog.close()
    shipping.undo_shipment(made)  # the later shots see the example shop as made
    window.refresh_all()
    # "Antwoord ontvangen" on a reminder asks the day her answer came (dialog-reply-day.png)
    from desktop.store import due

    item = next(i for i in due.due_now(clock.utcnow()) if i.action == "message")
    reply = day_dialog.reply_received(window, item, item.channel)
    save(reply, "dialog-reply-day")
    reply.close()
    gift = next((i for i in due.due_now(clock.utcnow()) if i.kind == "gift"), None)
    if gift is not None:  # "Klaar zonder pakket" asks the day the gift reached her (dialog-handed-over.png)
        given = day_dialog.handed_over(window, gift)
        save(given, "dialog-handed-over")
        given.close()


def shoot_lost_parcel(app, window, save) -> None:
    """A parcel on its way marked Kwijt (lost): its pane says the collaboration is on hold
    (shipment-lost.png); then Edit → Undo, so the later shots see the example shop as made."""
    from desktop.store.models import Shipment

    window.show_view("shipments")
    view = window.view("shipments")
    sent = Shipment.select().where(Shipment.status == "sent").order_by(Shipment.id).first()
    if sent is None:
        return
    view.select_id(sent.id)
    view.advance(sent.id, "lose")
    save(window, "shipment-lost")
    window.undo_stack.undo()
    window.undo_stack.clear()  # nothing to redo, no message left in the status bar
    window.statusBar().clearMessage()


def influencer_shots(app, window, out: Path, suffix: str) -> None:
    """The influencer detail pane and its dialogs (issue 4)."""
    from desktop.store.models import Collaboration, Person
    from desktop.views.collaboration_dialog import CollaborationDialog
    from desktop.views.content_dialog import ContentDialog
    from desktop.views.influencer_dialog import InfluencerDialog
    from desktop.views.small_dialogs import BlockDialog, EndDialog, RatingDialog, StrikeDialog

    def save(widget, name):
        widget.show()
        app.processEvents()
        widget.grab().save(str(out / f"{name}{suffix}.png"))
        print(out / f"{name}{suffix}.png")
        widget.close()

    view = window.view("influencers")
    window.show_view("influencers")
    lien = Person.get(Person.name == "Lien Wouters")
    view.select_person(lien.id)
    app.processEvents()
    window.grab().save(str(out / f"influencer-detail{suffix}.png"))
    print(out / f"influencer-detail{suffix}.png")
    sanne = Person.get(Person.name == "Sanne de Vries")
    save(InfluencerDialog(window, sanne), "dialog-influencer")
    collab = Collaboration.get(Collaboration.person == sanne)
    save(CollaborationDialog(window, collaboration=collab), "dialog-collaboration")
    save(collaboration_products_dialog(window), "dialog-collaboration-products")
    content = ContentDialog(window, collab)
    content.w("url").setText("https://www.instagram.com/p/Cx12ab/")
    content.w("caption").setPlainText(typed("Mijn nieuwe ketting! #love #zilverenzo #ootd #ad #style",
                                            "My new necklace! #love #zilverenzo #ootd #ad #style"))
    content.w("likes").setText("-3")
    content.save()
    save(content, "dialog-content")
    save(StrikeDialog(window, sanne, collab), "dialog-strike")
    save(RatingDialog(window, Collaboration.get(Collaboration.status == "posted")), "dialog-rating")
    end = EndDialog(window, collab)
    end.w("reason").setText(typed("we stoppen met deze collectie", "we are ending this collection"))
    save(end, "dialog-end")
    # Blocking Mila, whose earrings were agreed and not sent: the dialog says the gift leaves Vandaag.
    save(BlockDialog(window, Person.get(Person.name == "Mila Smit")), "dialog-block")
    privacy_erase_dialog(app, window, out / f"privacy-erase{suffix}.png")
    privacy_who_dialog(app, window, out / f"privacy-who{suffix}.png")


def privacy_who_dialog(app, window, path) -> None:
    """Privacy → "Een persoon wissen…": everyone the data holds, searched by typing (not run)."""
    from desktop.i18n import _
    from desktop.views import privacy_actions
    from desktop.views.shipping_dialogs import Chooser

    window.show_view("orders")
    form = Chooser(window, _("Erase a person"), _("Who is to be erased? Type part of their name or e-mail address."),
                   privacy_actions.person_entries(),
                   current=privacy_actions.selected_person_id(window.current_view()))
    form.dialog.show()
    app.processEvents()
    form.dialog.grab().save(str(path))
    form.dialog.close()
    print(path)


def privacy_erase_dialog(app, window, path) -> None:
    """The "wis persoon" confirmation for the customer selected under Maatwerk (not executed):
    the app's own question (views/privacy_actions.py), shown instead of run."""
    from desktop.i18n import _
    from desktop.store import lookups
    from desktop.views import dialogs, privacy_actions

    window.show_view("orders")
    person = lookups.person(privacy_actions.selected_person_id(window.current_view()))
    title, text, option = privacy_actions.erase_question(window, person)
    box, _check = dialogs.option_box(window, title, text, option, yes_text=_("Erase"))
    box.show()
    app.processEvents()
    box.grab().save(str(path))
    box.close()
    print(path)


def shoot_ladder_and_orders(app, window, out: Path, suffix: str, lang: str) -> None:
    """A due step, an influencer's reminders, the settings window; the order and delay dialogs."""
    from desktop.clock import utcnow

    # One due follow-up step with its ready message (the dialog of the follow-up ladder).
    from desktop.store import due
    from desktop.views.due_dialog import DueStepDialog

    items = [i for i in due.due_now(utcnow()) if i.kind == "deliverable"]
    if items:
        item = sorted(items, key=lambda i: i.step)[0]
        dialog = DueStepDialog(item, window)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / f"due-step{suffix}.png"))
        print(out / f"due-step{suffix}.png")
        dialog.close()
    with StepThreeWithOnlyInstagram() as item:
        shoot_dialog(app, out, step_three_dialog(window, item), f"due-step3-only-instagram{suffix}")

    # The influencer pane with her reminders; every page of the settings window.
    from desktop.store.models import Person
    window.show_view("influencers")
    view = window.view("influencers")
    fleur = Person.get(Person.name == "Fleur Peeters")
    row = next(i for i, r in enumerate(view.model.rows) if r.id == fleur.id)
    view.table.selectRow(row)
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # the previous pane's widgets
    app.processEvents()
    window.grab().save(str(out / f"influencer-reminders{suffix}.png"))
    print(out / f"influencer-reminders{suffix}.png")
    shoot_settings_pages(app, window, out, lang)

    # Maatwerk: the order dialog, and the delay message with its new date.
    from desktop.store.models import CustomOrder
    from desktop.views.order_dialog import OrderDialog
    from desktop.views.order_message import OrderMessageDialog

    late = CustomOrder.get(CustomOrder.order_number == "#1033")
    order_dialog = OrderDialog(window, utcnow(), order_id=late.id)
    order_dialog.show()
    app.processEvents()
    order_dialog.grab().save(str(out / f"order-dialog{suffix}.png"))
    print(out / f"order-dialog{suffix}.png")
    order_dialog.close()
    message_dialog = OrderMessageDialog(window, late.id, "order_delay", utcnow())
    message_dialog.reason.setText(typed("De graveermachine is in reparatie", "The engraving machine is being repaired"))
    message_dialog.show()
    app.processEvents()
    message_dialog.grab().save(str(out / f"order-message{suffix}.png"))
    print(out / f"order-message{suffix}.png")
    message_dialog.close()
    # Shipping a finished order, recorded two days after it went out.
    from desktop.views.order_message import OrderShipDialog

    ship_dialog = OrderShipDialog(window, late.id, utcnow())
    ship_dialog.carrier.setCurrentIndex(ship_dialog.carrier.findData("bpost"))
    ship_dialog.tracking_code.setText("323299999999999999999999")
    ship_dialog.sent_on.setDate(ship_dialog.sent_on.date().addDays(-2))
    shoot_dialog(app, out, ship_dialog, f"order-ship{suffix}")
    # The same order for a customer whose address came in without a postcode and a city:
    # said before the parcel goes (the rule Zendingen asks by).
    from desktop.store.models import Person

    kept = (late.person.postcode, late.person.city)
    Person.update(postcode="", city="").where(Person.id == late.person_id).execute()
    shoot_dialog(app, out, OrderShipDialog(window, late.id, utcnow()), f"order-ship-incomplete-address{suffix}")
    Person.update(postcode=kept[0], city=kept[1]).where(Person.id == late.person_id).execute()
    # News before the promised date, opened from its reminder: the on-schedule update, and
    # the question whether it will be late after all.
    from desktop.store import due
    from desktop.views.order_message import open_for_due_item

    news = next((i for i in due.due_now(utcnow()) if i.step == "delay_warning"), None)
    if news is not None:
        news_dialog = open_for_due_item(news, window)
        app.processEvents()
        news_dialog.grab().save(str(out / f"order-news{suffix}.png"))
        print(out / f"order-news{suffix}.png")
        news_dialog.close()


def _fake_screenshot(path: Path, title: str, colour: str) -> Path:
    """A stand-in for a phone screenshot of a story (drawn, so no real person is shown)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter

    image = QImage(360, 640, QImage.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 0, 640)
    gradient.setColorAt(0, QColor(colour))
    gradient.setColorAt(1, QColor("#f3e9dc"))
    painter.fillRect(image.rect(), gradient)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(34)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRect(0, 220, 360, 200), Qt.AlignCenter | Qt.TextWordWrap, title)
    painter.end()
    image.save(str(path), "PNG")
    return path


def shoot_evidence(app, window, out: Path, suffix: str) -> None:
    """Evidence on a content record: thumbnails in the pane, the drop outline, the strike dialog."""
    from PySide6.QtCore import QEvent, QMimeData, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent

    from desktop.clock import utcnow
    from desktop.store import evidence
    from desktop.store.models import Collaboration, Content, Person
    from desktop.views.small_dialogs import StrikeDialog

    folder = Path(tempfile.mkdtemp(prefix="afspraak-evidence-"))
    yara = Person.get(Person.name == "Yara Claes")
    content = Content.select().join(Collaboration).where(Collaboration.person == yara).get()
    story_2 = _fake_screenshot(folder / "story-2.png", typed("zonder #gekregen", "no #gifted"), "#c0787a")
    evidence.add(content.id, [_fake_screenshot(folder / "story-1.png", "@zilverenzo ✨", "#8e6bb8"), story_2], utcnow())
    view = window.view("influencers")
    window.show_view("influencers")
    view.select_person(yara.id)
    app.sendPostedEvents(None, QEvent.DeferredDelete)
    app.processEvents()
    record = view.detail.findChild(type(view.detail), f"contentRecord{content.id}")
    view.detail_scroll.verticalScrollBar().setValue(max(0, record.y() - 160))  # vertical only
    app.processEvents()
    window.grab().save(str(out / f"evidence{suffix}.png"))
    print(out / f"evidence{suffix}.png")
    mime = QMimeData()
    numbers = _fake_screenshot(folder / "cijfers.png", typed("12.400 weergaven", "12,400 views"), "#3d6e9e")
    mime.setUrls([QUrl.fromLocalFile(str(numbers))])
    viewport = view.detail_scroll.viewport()
    pos = record.mapTo(viewport, record.rect().center())
    app.sendEvent(viewport, QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    app.sendEvent(viewport, QDragMoveEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    app.processEvents()
    window.grab().save(str(out / f"evidence-drop{suffix}.png"))
    print(out / f"evidence-drop{suffix}.png")
    app.sendEvent(viewport, QDragLeaveEvent())
    dialog = StrikeDialog(window, yara, content.collaboration)
    dialog.w("evidencePictures").item(0).setCheckState(Qt.Checked)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / f"dialog-strike-evidence{suffix}.png"))
    print(out / f"dialog-strike-evidence{suffix}.png")
    dialog.close()


if __name__ == "__main__":
    main()
