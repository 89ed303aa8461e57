"""办事: choose an item, place the ID card, confirm, capture each material, review,
submit -> receipt. The kiosk renders the station's IntakeSession and forwards events."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from devices.idcard.card import IdCardData
from intake.documents import mask_mobile
from kiosk.context import KioskContext, Screen
from kiosk.screens.capture_step import CaptureStep
from kiosk.screens.contact_step import ContactStep
from kiosk.screens.done_step import DoneStep
from kiosk.screens.identify import IdentifyPanel
from kiosk.screens.initials_search import InitialsSearch
from kiosk.screens.item_pager import ItemPager
from kiosk.screens.post_address import PostAddressChoice
from kiosk.widgets import BigButton, StepStack, Text, scrolling
from station.intake_service import applicant_labels
from station.intake_session import IntakeSession, Phase, SessionState, Severity
from station.paper import COLLECTION_METHODS, card_address
from ui_shared.error_text import note_text

if TYPE_CHECKING:
    from devices.camera.pipeline import CapturedPage

log = logging.getLogger(__name__)
CHOOSE, IDENTIFY, CONFIRM, CAPTURE, CONTACT, REVIEW, DONE = range(7)


class ApplyScreen(Screen):
    #: a receipt was issued: its QR payload (the receipt number and its signature, never
    #: the applicant), for the demo's simulated scanner. Sent, not kept: nothing of the
    #: citizen, their receipt number included, may outlive the wipe in this screen.
    receipt_issued = Signal(str)

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.session: IntakeSession = ctx.services.new_session(ctx.tasks)
        self.session.subscribe(self._render)
        # where the citizen stands beyond what the session derives: confirmed "this is
        # me", gave the mobile number, or stepped back (上一步) to an earlier step while
        # the session keeps everything captured
        self._confirmed = False
        self._contact_done = False
        self._rechoose = False  # back at the item list, identified
        self._reidentify = False  # back at "place your card", identified
        self._recapture = False  # back at the camera with every required page in
        self._capturing: tuple[str, str] | None = None  # (item, material) under the camera
        self.steps = StepStack(self)
        # CHOOSE
        choose = QWidget()
        c = QVBoxLayout(choose)
        self.question = Text(self.tr("Which service do you need?"), choose, role="heading")
        c.addWidget(self.question)
        # catalog names run long ("Application for residents' basic old-age insurance
        # pension"): each button reads whole on two lines, never clipped at both ends
        self.items = ItemPager()
        self.items.chosen.connect(self._choose)
        self.search = InitialsSearch(self.items, choose)
        # the letter keys take the question's place: with it, the pad and the list
        # outgrew a 1024x768 screen in 关怀模式 (s12 #4); the pad's own line says what to do
        self.search.toggle.toggled.connect(lambda on: self.question.setVisible(not on))
        c.addWidget(self.search)
        self._list_items()
        # the list scrolls within what is left, asking only for its least height: a
        # plain scroll area asked for all its buttons, the screen outgrew a 768-line
        # display and 上一页/下一页 fell off its edge behind a second scroll bar (review7)
        c.addWidget(scrolling(self.items, choose), 1)
        c.addWidget(self.items.nav)
        # IDENTIFY
        self.identify = IdentifyPanel(self.tr("Place your ID card on the reader"))
        # CONFIRM
        confirm = QWidget()
        f = QVBoxLayout(confirm)
        f.addWidget(Text(self.tr("Is this you?"), confirm, role="heading"))
        self.who = Text("", confirm, role="card")
        self.yes = BigButton(self.tr("Yes, continue"), confirm, role="main")
        self.yes.clicked.connect(self._confirm)
        self.no = BigButton(self.tr("No, start again"), confirm, role="secondary")
        self.no.clicked.connect(self.enter)
        for w in (self.who, self.yes, self.no):
            f.addWidget(w)
        f.addStretch(1)
        # CAPTURE
        self.capture = CaptureStep(ctx)
        self.capture.captured.connect(self._captured)
        self.capture.failed.connect(self.session.capture_failed)
        # CONTACT
        self.contact = ContactStep(ctx)
        self.contact.phone_submitted.connect(self._phone)
        self.contact.collection_chosen.connect(self.session.collection_chosen)
        self.contact.back_requested.connect(self.go_back)
        self.contact.keypad.changed.connect(self._phone_typing)
        # REVIEW
        review = QWidget()
        r = QVBoxLayout(review)
        r.addWidget(Text(self.tr("Please check, then submit"), review, role="heading"))
        self.summary = Text("", None, role="card")
        self.submit = BigButton(self.tr("Submit my application"), review, role="main")
        self.submit.clicked.connect(self._submit)
        summary_box = QWidget()
        box = QVBoxLayout(summary_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addStretch(1)
        r.addWidget(scrolling(summary_box, review), 1)
        # 邮寄送达: to the card's address or staff phone to confirm (no text typed here)
        self.post_address = PostAddressChoice(review)
        self.post_address.chosen.connect(self.session.post_address_chosen)
        r.addWidget(self.post_address)
        r.addWidget(self.submit)
        # DONE
        done = self.done = DoneStep(ctx)
        done.finish.clicked.connect(self.home_requested)
        # the page's parts by their old names (tests and the screenshot script read them)
        self.done_title, self.done_text = done.title, done.text
        self.printer_trouble, self.qr, self.finish = done.printer_trouble, done.qr, done.finish
        for page in (choose, self.identify, confirm, self.capture, self.contact, review, done):
            self.steps.addWidget(page)

        self.note = Text("", self, role="warn")
        # 上一步 on every step after the first; 下一步 where no event moves on by itself
        self.back = BigButton(self.tr("Back"), self, role="main")
        self.back.setObjectName("applyBack")
        self.back.clicked.connect(self.go_back)
        self.next_step = BigButton(self.tr("Next"), self, role="main")
        self.next_step.setObjectName("applyNext")
        self.next_step.clicked.connect(self._capture_finished)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.next_step)
        for b in (self.back, self.next_step):
            b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.note)
        layout.addLayout(nav)
        self.wipe()

    @property
    def item_buttons(self) -> dict[str, BigButton]:
        """The buttons of the items on the page shown, by item code."""
        return self.items.buttons

    def _list_items(self) -> None:
        services = self.ctx.services
        self.search.set_items(services.catalog, services.kiosk_items(), self.ctx.english)

    def title(self) -> str:
        return self.tr("Apply for a service")

    def care_title(self) -> str:
        return self.tr("Apply", "care-mode title: fewer words, larger")

    def prompt(self) -> str:
        step = self.steps.currentIndex()
        if step == DONE:
            return self.done.prompt(self.session.state)
        return {
            CHOOSE: self.tr("Touch the service you need."),
            IDENTIFY: self.tr("Place your ID card on the reader."),
            CONFIRM: self.tr("Is this you? Touch yes to continue."),
            CAPTURE: self.tr("Lay the document flat under the camera."),
            CONTACT: self.tr("Enter your mobile number, then choose how to collect the result."),
            REVIEW: self.tr("Please check, then touch submit."),
        }[step]

    def card_lifted(self) -> None:
        state = self.session.state
        if self.steps.currentIndex() == DONE and state.outcome is not None:
            self.done.show_next_steps(state)
            voice = self.ctx.voice
            if voice.last_prompt.endswith(self.done.card_words()):  # 再听一遍: without it
                voice.last_prompt = self.prompt()

    def enter(self) -> None:
        self.wipe()
        self._list_items()  # the catalog as it is now (sync may have brought a new one)
        if not self.ctx.services.health.usable("camera"):
            self._show_note(self.tr("The camera is not working right now: applications "
                                    "are taken at the window. Other services still work."))
        elif not self.ctx.services.health.usable("reader"):
            self.reader_trouble()

    def visit_in_progress(self) -> bool:
        state = self.session.state
        return state.outcome is None and (state.person is not None or bool(state.pages))

    def can_leave(self) -> bool:
        # the accept is filing the application: it may not be thrown away unseen; its
        # receipt number is shown first (review wt6 #2)
        return self.session.state.phase is not Phase.ACCEPTING

    def wants_card(self) -> bool:
        return self.steps.currentIndex() == IDENTIFY

    def reader_trouble(self) -> None:
        if self.steps.currentIndex() in (CHOOSE, IDENTIFY):  # a card is still to be read
            self._show_note(self._reader_note())

    def _reader_note(self) -> str:
        return self.tr("The card reader is not working right now: applications are taken "
                       "at the window. Other services still work.")

    def wipe(self) -> None:
        self.capture.wipe()
        self._capturing = None
        self.session.reset()
        self._forget_steps()
        self.contact.wipe()
        for text in (self.who, self.summary, self.note):
            text.setText("")
        self.post_address.wipe()
        self.note.hide()
        self.done.wipe()
        self.identify.stop()
        self.search.reset()  # the next citizen starts at the whole list's first page
        self.items.show_page(0)
        self.steps.setCurrentIndex(CHOOSE)

    def pending_items(self) -> list[str]:
        if self.steps.currentIndex() == CAPTURE and self.capture.page_in_view:
            return [self.tr("your document under the camera")]
        outcome = self.session.state.outcome
        if self.steps.currentIndex() == DONE and outcome is not None \
                and outcome.print_error is None:
            # the visit may end by itself on the done page: the printed receipt is the
            # citizen's proof of the application (review7)
            return [self.tr("your receipt at the printer")]
        return []

    def _forget_steps(self) -> None:
        self._confirmed = self._contact_done = False
        self._rechoose = self._reidentify = self._recapture = False

    def on_card(self, card: object) -> None:
        assert isinstance(card, IdCardData)
        if self.session.state.phase is Phase.IDENTIFYING:
            self.session.card_read(card)
        elif self._reidentify and self.steps.currentIndex() == IDENTIFY:
            self.card_returned(card)

    def card_returned(self, card: object) -> None:
        assert isinstance(card, IdCardData)
        if not self._reidentify:
            return
        person = self.session.state.person
        if person is not None and person.id_number == card.id_number:
            self._reidentify = self._confirmed = False  # "is this you?" again, pages kept
            self._render(self.session.state)
        else:  # someone else: nothing of the first citizen goes with them
            key = self.service_key()
            self.wipe()
            self.start_with_card(card, key)

    # -- 上一步 ------------------------------------------------------------------------
    def back_button(self) -> BigButton | None:
        """The 上一步 on screen, if any."""
        for button in (self.back, self.contact.back):
            if button.isVisible():
                return button
        return None

    def go_back(self) -> None:
        """The previous step; what was captured stays in the session (never back past
        the submission)."""
        state = self.session.state
        step = self.steps.currentIndex()
        if state.phase in (Phase.ACCEPTING, Phase.DONE) or step == CHOOSE:
            return
        if step == IDENTIFY:
            if state.phase is Phase.IDENTIFYING:
                self.session.reset()  # nothing captured yet: the item list again
                return
            self._rechoose = True
        elif step == CONFIRM:
            if self.ctx.card_on_reader():
                # "place your card" would read the card lying there at once and bring
                # "is this you?" straight back (review7: 上一步 bounced): the item list
                self._rechoose = True
            else:
                self._reidentify = True
        elif step == CAPTURE:
            self._confirmed = self._recapture = False
        elif step == CONTACT:
            self._recapture = True
        elif step == REVIEW:
            self._contact_done = False
        self._render(state)

    def _choose(self, code: str) -> None:
        if self._rechoose:
            self._rechoose = False
            state = self.session.state
            if state.item is not None and state.item.code == code:
                self._render(state)  # the same service: on to the card, nothing lost
                return
            # another service: the first one's draft goes with its materials
            self.session.reset()
            self._forget_steps()
        self.session.choose_item(code)

    def _capture_finished(self) -> None:
        self._recapture = False
        self._render(self.session.state)

    def card_holder(self) -> str | None:
        state = self.session.state
        if state.outcome is not None or state.person is None:
            return None  # nobody yet, or accepted: the receipt is the citizen's now
        if state.phase is Phase.ACCEPTING:
            return None  # being filed: the card taken out cannot stop it any more
        return state.person.id_number

    def service_key(self) -> str:
        item = self.session.state.item
        return "" if item is None else item.code

    def start_with_card(self, card: object, key: str) -> None:
        if key:
            self.session.choose_item(key)
        self.on_card(card)

    def _confirm(self) -> None:
        self._confirmed = True
        self._render(self.session.state)

    def _captured(self, page: CapturedPage) -> None:
        state = self.session.state
        if state.can_capture:
            self.session.page_captured(page)

    def _phone(self, digits: str) -> None:
        self.session.phone_entered(digits)
        state = self.session.state
        if state.phone:  # the session accepted it (a refusal is its note, shown below)
            self._contact_done = True
            self._render(state)

    def _phone_typing(self, _digits: str) -> None:
        note = self.session.state.note
        if note is not None and note.code == "applicant.mobile":
            # the refusal was about the number before this change: under a corrected
            # number it would say the new one is wrong too
            self.session.phone_entered("")

    def _submit(self) -> None:
        if self.session.state.can_accept:
            self.submit.setEnabled(False)
            self.session.accept_requested()

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _render(self, state: SessionState) -> None:
        en = self.ctx.english
        note = state.note
        if note is not None and note.severity is Severity.INFO:
            note = None  # "page saved" and the like: the step itself shows progress
        if state.outcome is not None and note is state.outcome.print_error:
            note = None  # the "done" page words the printer's trouble itself, once
        self._show_note("" if note is None else note_text(note, english=en))
        previous = self.steps.currentIndex()
        step = self._step_for(state)
        if note is None and step == IDENTIFY and not self.ctx.services.health.usable("reader"):
            self._show_note(self._reader_note())
        if step != CAPTURE and self._capturing is not None:
            self.capture.stop()
            self._capturing = None
        if step == IDENTIFY:
            self.identify.start()
        else:
            self.identify.stop()
        if step == CONFIRM and state.person is not None:
            name, ident = applicant_labels(state.person)
            self.who.setText(self.tr("Name: %1\nID number: %2").replace("%1", name)
                             .replace("%2", ident))
        if step == CAPTURE and state.item is not None and state.current_material:
            key = (state.item.code, state.current_material)
            if key != self._capturing:
                self._capturing = key
                self.capture.start(state.item.code, state.item.material(key[1]))
        if step == REVIEW and state.item is not None:
            self.submit.setEnabled(state.can_accept)
            # being filed: said on the button touched, while 回首页 and 上一步 are gone
            self.submit.set_caption(self.tr("Submitting… please wait")
                                    if state.phase is Phase.ACCEPTING
                                    else self.tr("Submit my application"))
            self.summary.setText(self._summary(state))
            posted = state.collection == "post"
            if posted:  # the session says "phone" when the card has no address
                self.post_address.offer(card_address(state.applicant), state.post_address)
            self.post_address.setVisible(posted)
        if step == DONE and state.outcome is not None:
            self.done.show_outcome(state)
            if previous != DONE:
                self.receipt_issued.emit(state.outcome.accepted.receipt.qr_payload)
        self.steps.setCurrentIndex(step)
        # the number's step has its own 上一步 under the keypad
        self.back.setVisible(step not in (CHOOSE, CONTACT, DONE))
        self.back.setEnabled(state.phase is not Phase.ACCEPTING)
        self.next_step.setVisible(step == CAPTURE and state.phase is Phase.REVIEW)
        if step != previous:
            self.ctx.voice.prompt(self.prompt())
            if step == IDENTIFY:  # 不是，重新开始, 上一步: the card may still lie there
                self.card_wanted.emit()
        self.leaving_changed.emit()

    def _step_for(self, state: SessionState) -> int:
        phase = state.phase
        if phase is Phase.CHOOSING_ITEM:
            return CHOOSE
        if phase is Phase.IDENTIFYING:
            return IDENTIFY
        if phase is Phase.DONE:
            return DONE
        if phase is Phase.ACCEPTING:
            return REVIEW
        if self._rechoose:
            return CHOOSE
        if self._reidentify:
            return IDENTIFY
        if not self._confirmed:
            return CONFIRM
        if phase is Phase.CAPTURING or self._recapture:
            return CAPTURE
        if phase is Phase.REVIEW and not self._contact_done:
            return CONTACT
        if phase is Phase.REVIEW:
            return REVIEW
        return DONE

    def _post_words(self, state: SessionState) -> str:
        masked = card_address(state.applicant) if state.post_address == "card" else ""
        if masked:  # the address as the card has it, masked as on the receipt
            return self.tr("the address on my ID card, %1").replace("%1", masked)
        return self.tr("staff will phone to confirm the address")

    def _summary(self, state: SessionState) -> str:
        assert state.item is not None
        en = self.ctx.english
        lines = [state.item.name_en if en else state.item.name_zh]
        if state.applicant is not None:
            name, ident = applicant_labels(state.applicant)
            lines.append(self.tr("Applicant: %1 %2").replace("%1", name).replace("%2", ident))
        if state.phone:
            lines.append(self.tr("Mobile: %1").replace("%1", mask_mobile(state.phone)))
        zh, english = COLLECTION_METHODS.get(state.collection, COLLECTION_METHODS["window"])
        lines.append(self.tr("Collect the result: %1").replace("%1", english if en else zh))
        if state.collection == "post":
            lines.append(self.tr("Post to: %1").replace(
                "%1", self._post_words(state)))
        for m in state.item.materials:
            pages = len(state.pages.get(m.code, ()))
            if pages:
                label = m.name_en if en else m.name_zh
                lines.append(self.tr("%1: %n page(s)", "", pages).replace("%1", label))
        return "\n".join(lines)
