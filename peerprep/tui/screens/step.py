"""One of the four parts: the starter, what it is for, help on request, and the person's words.

The side panel holds what the person asked to see: "help me start" prompts (F2),
example answers (F3) and, in peer mode, the peer's conversation prompts. Each is shown
and hidden by its key or by its button (Tab, Enter or a click); the button's words say
which. The panel takes the focus (Tab) so that the arrow keys and PageDown scroll it.

The answer continues the starter (export/starter.py): the frame around the text area
says "Skriv videre: Det er vigtigt for mig at …", its placeholder starts with "…", and
the examples are shown as continuations ("… komme i skole igen").
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static, TextArea

from peerprep.choices import PART_KEYS
from peerprep.export.starter import as_continuation, continues, stem
from peerprep.flow.editing import TooLong
from peerprep.tui.bindings import key_display, key_of
from peerprep.tui.keymap import bind, keys
from peerprep.tui.screens.wizard import WizardScreen
from peerprep.tui.widgets.bullets import Bullets
from peerprep.tui.widgets.fields import Answer
from peerprep.tui.widgets.leftover import Leftover
from peerprep.tui.widgets.save_status import SaveStatus
from peerprep.tui.widgets.sheet_gauge import SheetGauge
from peerprep.tui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk
    from peerprep.model import Preparation

GAUGE_DELAY = 0.3  # seconds after a key press before the gauge is measured again


class StepScreen(WizardScreen):
    help_topic = "step"  # what F1 explains (tui.help.topic.step)
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("ideas", "toggle('prompts')", id="prompts"),
        bind("examples", "toggle('examples')"),
    ]

    def __init__(self, part_key: str) -> None:
        if part_key not in PART_KEYS:
            raise KeyError(part_key)
        super().__init__(part_key)
        self.part_key = part_key
        self.index = PART_KEYS.index(part_key)
        self._gauge_timer = None

    # --- building ------------------------------------------------------------------------

    @property
    def made(self) -> Preparation | None:
        """The preparation, or None while a new one is not made yet (it is empty then, and
        the first frame does not wait for it: flow.editing.EditingSession.new_later)."""
        return None if self.peer_app.session.pending else self.prep

    def compose_body(self) -> ComposeResult:
        part = self.cat.part(self.part_key)
        prep = self.made
        text = prep.statement.get(self.part_key) if prep is not None else ""
        goes_on = continues(part.starter)
        with Horizontal(id="topbar"):
            yield StepBar(self.cat, prep, self.index)
            yield SaveStatus(id="status")
        yield Static(Content(part.starter), classes="starter")
        yield Static(Content(" ".join(part.about)), classes="about")
        with Horizontal(classes="toggles"):
            yield Button("", id="toggle-prompts", compact=True)
            yield Button("", id="toggle-examples", compact=True)
            yield Button("", id="toggle-peer", compact=True)
            # Ctrl+R reads the screen aloud: said on a button, the footer has no room
            yield Button("", id="read-aloud", compact=True)
        # The help sits beside the text area, where the words are written.
        with Horizontal(id="body"):
            answer = Answer(
                text,
                id="answer",
                placeholder=self.t("tui.step.placeholder_continue" if goes_on
                                   else "tui.step.placeholder"),
                read_only=self.read_only,
                tooltip=self.t("tui.step.answer_tip"),
                field=f"statement.{self.part_key}",
            )  # fmt: skip
            # the frame says where the words go: on from the starter's last word
            answer.border_title = (
                self.t("tui.step.continue", starter=stem(part.starter)) if goes_on else part.title
            )
            yield answer
            examples = [as_continuation(example, part.starter) for example in part.examples]
            with VerticalScroll(id="side"):
                for name, lines in (
                    ("prompts", part.prompts),
                    ("examples", examples),
                    ("peer", part.peer),
                ):
                    yield Static(
                        Content(self.t(f"tui.step.{name}_title")),
                        classes="side-title",
                        id=f"{name}-title",
                    )
                    yield Bullets(lines, id=name, classes="side-text")
        yield Leftover([f"statement.{self.part_key}"], id="leftover")
        with Horizontal(id="bottom"):
            yield SheetGauge(id="gauge")
            yield from self.compose_nav("tui.nav.next")

    def after_build(self) -> None:
        answer = self.query_one("#answer", Answer)
        cursor = self.peer_app.session.cursors.get(self.part_key)
        if cursor is None:
            # First visit: the cursor goes to the end, ready to go on writing.
            last = answer.document.line_count - 1
            cursor = (last, len(answer.document.get_line(last)))
        answer.cursor_location = cursor
        answer.focus()
        self._show_panels()
        self._show_next_label()
        self.query_one("#gauge", SheetGauge).show(self.cat, self.made)

    # --- what the person sees on request ---------------------------------------------------

    def _show_panels(self) -> None:
        app = self.peer_app
        shown = {
            "prompts": app.show_prompts,
            "examples": app.show_examples,
            "peer": app.settings.peer_mode and app.show_peer,
        }
        narrow = self.has_class("-narrow")
        for name, visible in shown.items():
            self.query_one(f"#{name}").display = visible
            self.query_one(f"#{name}-title").display = visible
            key = key_of(self, name)
            after = f" ({key})" if key else ""
            if narrow:  # "▸ Idéer": open or shut said by the shape; the key is in the footer
                labels = {w: f"{m} {self.t(f'tui.keys.{name}.label')}"
                          for w, m in (("show", "▸"), ("hide", "▾"))}  # fmt: skip
            else:
                labels = {w: f"{self.t(f'tui.step.{w}_{name}')}{after}" for w in ("show", "hide")}
            button = self.query_one(f"#toggle-{name}", Button)
            button.label = labels["hide" if visible else "show"]
            # One width for both words, so nothing is cut and nothing moves under the mouse.
            button.styles.width = max(len(label) for label in labels.values()) + 2
        # the conversation prompts are for a peer worker beside the person (a setting)
        self.query_one("#toggle-peer").display = app.settings.peer_mode
        self.query_one("#side").display = any(shown.values())
        # help asked for takes the place of the paragraph about the part (F1 has it too),
        # so three examples fit beside the text area at 80x24
        self.set_class(any(shown.values()), "-panels")
        self.show_reading(app.speaking)  # the room left in the row for the read button

    def fit_size(self) -> None:
        super().fit_size()
        if self.is_mounted and self.query("#toggle-prompts"):
            self._show_panels()

    # --- reading aloud (tui/reading_aloud.py) -----------------------------------------------

    def shown_help(self) -> set[str]:
        """The help panels on screen now: "prompts", "examples", "peer"."""
        app = self.peer_app
        shown = {
            "prompts": app.show_prompts,
            "examples": app.show_examples,
            "peer": app.settings.peer_mode and app.show_peer,
        }
        return {name for name, visible in shown.items() if visible}

    def spoken(self) -> list[Chunk]:
        """Ctrl+R: the part as shown (flow.spoken_screens.part_screen), or only the words
        the person marked in their answer."""
        from peerprep.flow.spoken_screens import part_screen

        answer = self.query_one("#answer", Answer)
        return part_screen(
            self.cat, self.made, self.part_key, self.shown_help(), selection=answer.selected_text
        )

    def show_reading(self, speaking: bool) -> None:
        """The read button says what Ctrl+R does now: read, or stop. With its key where
        the row of buttons has room for it, without where not, and not at all where even
        that does not fit (Ctrl+R works the same, and F1 lists it)."""
        buttons = self.query("#read-aloud")
        if not buttons:
            return
        button = buttons.first(Button)
        narrow = self.has_class("-narrow")
        key = key_display(keys("read_aloud").split(",")[0])
        words = self.t("tui.step.stop_reading" if speaking else "tui.step.read_aloud")
        longest = max(len(self.t(f"tui.step.{w}")) for w in ("read_aloud", "stop_reading"))
        gap = 1 if narrow else 2  # the buttons' margin (wizard.tcss)
        others = [b for b in self.query(".toggles Button") if b is not button and b.display]
        used = sum(int(b.styles.width.value) + gap for b in others if b.styles.width)
        room = self.size.width - 2 - used  # the row's padding: one column each side
        with_key, without = longest + len(key) + 5, longest + 2
        if not narrow and with_key <= room:
            button.label, button.styles.width = f"{words} ({key})", with_key
        else:
            button.label, button.styles.width = words, without
        button.display = self.peer_app.settings.read_aloud and without <= room

    @on(Button.Pressed, "#read-aloud")
    def _click_read(self) -> None:
        self.peer_app.action_read_aloud()
        self._back_to_writing()

    def _show_next_label(self) -> None:
        if self.visiting:
            return  # it says where it goes: back to the review
        written = bool(self.query_one("#answer", Answer).text.strip())
        button = self.query_one("#next", Button)
        button.label = self.t("tui.nav.next" if written else "tui.nav.skip")
        # As wide as the longer label, so the buttons never move under the mouse.
        longest = max(len(self.t("tui.nav.next")), len(self.t("tui.nav.skip")))
        button.styles.width = longest + 2

    def action_toggle(self, what: str) -> None:
        app = self.peer_app
        if what == "prompts":
            app.show_prompts = not app.show_prompts
        elif what == "examples":
            app.show_examples = not app.show_examples
        self._show_panels()
        self._bring_into_view(what)

    def action_toggle_peer(self) -> None:
        app = self.peer_app
        app.show_peer = not app.show_peer
        self._show_panels()
        self._bring_into_view("peer")

    def _bring_into_view(self, what: str) -> None:
        """What was just asked for is shown at the top of the panel, not below the fold
        where the person would not see that anything happened."""
        title = self.query_one(f"#{what}-title")
        if title.display:
            side = self.query_one("#side", VerticalScroll)
            self.call_after_refresh(side.scroll_to_widget, title, animate=False, top=True)

    @on(Button.Pressed, "#toggle-prompts")
    def _click_prompts(self) -> None:
        self.action_toggle("prompts")
        self._back_to_writing()

    @on(Button.Pressed, "#toggle-examples")
    def _click_examples(self) -> None:
        self.action_toggle("examples")
        self._back_to_writing()

    @on(Button.Pressed, "#toggle-peer")
    def _click_peer(self) -> None:
        self.action_toggle_peer()
        self._back_to_writing()

    def _back_to_writing(self) -> None:
        # A click on a help button should not take the cursor away from the words.
        self.query_one("#answer", Answer).focus()

    @on(StepBar.Jump)
    def _jump(self, event: StepBar.Jump) -> None:
        if event.index != self.index:
            self.peer_app.go_to(PART_KEYS[event.index])

    # --- the person's words ----------------------------------------------------------------

    @on(TextArea.Changed, "#answer")
    def _typed(self, event: TextArea.Changed) -> None:
        # The field stops at the part's limit (widgets/fields.py), so it always fits.
        changed = self.peer_app.session.set_part(self.part_key, event.text_area.text)
        if changed:
            self.edited()
            self._show_next_label()
            if self._gauge_timer is not None:
                self._gauge_timer.stop()
            self._gauge_timer = self.set_timer(GAUGE_DELAY, self._measure)

    @on(TextArea.SelectionChanged, "#answer")
    def _moved(self, event: TextArea.SelectionChanged) -> None:
        self.peer_app.session.cursors[self.part_key] = event.selection.end

    def _measure(self) -> None:
        if self.peer_app.session.prep is None or not self.is_shown:
            return  # the preparation was closed (home, a new one) before the timer came
        self.query_one("#gauge", SheetGauge).show(self.cat, self.prep)
        self.query_one(StepBar).refresh_marks()

    def commit(self) -> None:
        answers = self.query("#answer")
        if answers:
            answer = answers.first(Answer)
            with contextlib.suppress(TooLong):  # the field stops at the limit: never
                self.peer_app.session.set_part(self.part_key, answer.text)
            self.peer_app.session.cursors[self.part_key] = answer.cursor_location
