"""The meeting (optional): kind, date and time, place, who comes, companion, an own title.

F6 goes on (or skips: nothing here is required). A date or time that cannot be read
is said plainly under the fields, and the person stays until it is fixed or emptied.
Right after "copy for a new meeting" the form says what was copied from where, and F8
(or its button) undoes the copy in one step (flow.copying).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Select, Static

from peerprep.choices import MEETING_KINDS
from peerprep.field_limits import ATTENDEES_MAX, SHORT_MAX, TITLE_MAX
from peerprep.flow.meeting_when import set_when
from peerprep.tui.bindings import adopt, key_of
from peerprep.tui.keymap import bind
from peerprep.tui.screens.wizard import WizardScreen
from peerprep.tui.widgets.fields import Field
from peerprep.tui.widgets.leftover import Leftover
from peerprep.tui.widgets.marked_list import mark_rows
from peerprep.tui.widgets.paging import Dropdown
from peerprep.tui.widgets.save_status import SaveStatus
from peerprep.words.dates import format_date, say_when

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk
    from peerprep.flow.copying import Copied

TEXT_FIELDS = ("date", "time", "place", "attendees", "companion", "title")


def field_of(name: str) -> str:
    """The field's path in the file (flow.limits): "meeting.place", "title"."""
    return "title" if name == "title" else f"meeting.{name}"


class MeetingScreen(WizardScreen):
    help_topic = "meeting"  # what F1 explains (tui.help.topic.meeting)
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("delete", "undo_copy", id="undo_copy"),
        bind("read_aloud", "app.read_aloud"),
    ]

    def __init__(self) -> None:
        super().__init__("meeting")

    @property
    def _raw(self) -> dict[str, str]:
        """What the person typed in the date and time, kept as typed (also when they leave
        this screen and come back) while it cannot yet go into the model."""
        return self.peer_app.session.drafts

    def _initial(self, name: str) -> str:
        if name in ("date", "time") and name in self._raw:
            return self._raw[name]
        meeting = self.prep.meeting
        if name == "date":
            return format_date(self.cat, meeting.date) if meeting.date else ""
        if name == "time":
            return format_date(self.cat, meeting.time) if meeting.time else ""
        if name == "attendees":
            return ", ".join(meeting.attendees)
        if name == "title":
            return self.prep.title
        return str(getattr(meeting, name))

    def _field(self, name: str) -> Field:
        field = Field(
            self._initial(name),
            id=name,
            placeholder=self.t(f"tui.meeting.{name}_hint"),
            disabled=self.read_only,
            tooltip=self.t(f"tui.meeting.{name}_hint"),
            max_length=TITLE_MAX if name == "title" else SHORT_MAX,
            field=field_of(name),
        )
        field.border_title = self.t(f"tui.meeting.{name}")
        return field

    def compose_body(self) -> ComposeResult:
        kinds = [(self.cat.kind(k).name, k) for k in MEETING_KINDS]
        with Horizontal(id="topbar"):
            yield Static(Content.styled(self.t("tui.meeting.heading"), "bold"), id="room-title")
            yield SaveStatus(id="status")
        with VerticalScroll(id="form"):
            copied = self._copied()
            if copied is not None:
                with Vertical(id="copied"):
                    said = copied.what(self.cat)
                    yield Static(Content(" ".join(s.text(self.cat) for s in said)))
                    label = f"{self.t('tui.copy.undo')} ({key_of(self, 'undo_copy')})"
                    yield Button(label, id="undo-copy", compact=True)
            yield Static(Content(self.t("tui.meeting.intro")), classes="about")
            kind = Dropdown(
                kinds,
                value=self.prep.meeting.kind,
                allow_blank=False,
                id="kind",
                disabled=self.read_only,
            )
            yield kind
            yield Static(Content(""), id="kind-about", classes="note")
            with Horizontal(classes="pair"):
                yield self._field("date")
                yield self._field("time")
            yield Static(Content(""), id="problem", classes="note")
            with Horizontal(classes="pair"):
                yield self._field("place")
                yield self._field("attendees")
            with Horizontal(classes="pair"):
                with Vertical():
                    yield self._field("companion")
                    yield Static(Content(self.t("tui.meeting.companion_note")), classes="note")
                yield self._field("title")
        yield Leftover([field_of(name) for name in TEXT_FIELDS], id="leftover")
        with Horizontal(id="bottom"):
            yield Static("", id="spacer")
            yield from self.compose_nav("tui.nav.next_parts", "tui.nav.back_home")

    def after_build(self) -> None:
        # The label sits in the frame of the visible part of the select, like the fields'.
        for current in self.query("#kind SelectCurrent"):
            current.border_title = self.t("tui.meeting.kind")
        names = [self.cat.kind(kind).name for kind in MEETING_KINDS]
        for overlay in self.query("#kind SelectOverlay").results(OptionList):
            adopt(overlay, "escape", "select_close", self.cat)  # the footer in our words
            # the row one is on in the open list gets a ▶, not only a colour
            self.watch(overlay, "highlighted", partial(mark_rows, overlay, names), init=True)
        self._describe_kind(self.prep.meeting.kind)
        self._check_when(show_ok=True)
        self.query_one("#kind", Select).focus()

    # --- a copy just made ----------------------------------------------------------------

    def _copied(self) -> Copied | None:
        copied = self.peer_app.copied
        prep = self.peer_app.session.prep
        return copied if copied is not None and prep is not None and (
            prep.id == copied.copy_id) else None  # fmt: skip

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "undo_copy" or self._copied() is not None

    def spoken(self) -> list[Chunk]:
        """Ctrl+R: the meeting as far as it is filled in (flow.spoken_screens)."""
        from peerprep.flow.spoken_screens import meeting_screen

        return meeting_screen(self.cat, self.prep)

    def action_undo_copy(self) -> None:
        """Undo the copy in one step; asked first only if the copy holds new words."""
        copied = self._copied()
        if copied is None:
            return
        self.commit()
        if copied.untouched(self.prep):
            self.peer_app.undo_copy()
            return
        from peerprep.tui.dialogs.confirm import ConfirmDialog
        from peerprep.words.naming import display_title

        title = display_title(self.cat, copied.source)
        dialog = ConfirmDialog(
            question=self.t("tui.copy.question"),
            items=[],
            warning=self.t("tui.copy.warning", title=title),
            yes=self.t("tui.copy.yes"),
            no=self.t("tui.copy.no"),
        )
        self.app.push_screen(dialog, lambda yes: self.peer_app.undo_copy() if yes else None)

    @on(Button.Pressed, "#undo-copy")
    def _click_undo(self) -> None:
        self.action_undo_copy()

    def _describe_kind(self, kind: str) -> None:
        self.query_one("#kind-about", Static).update(Content(self.cat.kind(kind).description))

    # --- changes -------------------------------------------------------------------------

    @on(Select.Changed, "#kind")
    def _kind(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in MEETING_KINDS:
            self._describe_kind(event.value)
            if not self.read_only and self.prep.meeting.kind != event.value:
                self.prep.meeting.kind = event.value  # type: ignore[assignment]
                self.peer_app.session.changed()
                self.edited()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        name = event.input.id or ""
        if name not in TEXT_FIELDS or self.read_only:
            return
        if name in ("date", "time"):
            return  # read when the person leaves the field, not at every key
        self._raw[name] = event.value
        self._store(name, event.value)

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        if event.input.id in ("date", "time"):
            self._check_when(show_ok=True)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        if event.input.id in ("date", "time"):
            self._check_when(show_ok=True)
        self.focus_next()

    def _store(self, name: str, value: str) -> None:
        prep = self.prep
        meeting = prep.meeting
        if name == "title":
            new: object = value.strip()
            old: object = prep.title
        elif name == "attendees":
            new = [a.strip() for a in value.split(",") if a.strip()][:ATTENDEES_MAX]
            old = meeting.attendees
        else:
            new, old = value.strip(), getattr(meeting, name)
        if new == old:
            return
        if name == "title":
            prep.title = str(new)
        else:
            setattr(meeting, name, new)
        self.peer_app.session.changed()
        self.edited()

    def _check_when(self, *, show_ok: bool = False) -> bool:
        """Read the date and time fields into the model. False (and words why) if unreadable."""
        problem = self.query_one("#problem", Static)
        date_text = self.query_one("#date", Input).value
        time_text = self.query_one("#time", Input).value
        # what can be read is kept; what cannot waits as typed (flow.meeting_when)
        error = set_when(self.peer_app.session, date_text, time_text, self.cat)
        if not self.read_only:
            self.edited()  # saved if it changed; the status line says what is not
        if error is not None:
            problem.update(Content(self.t(error.key, **error.values)))
            problem.set_class(True, "-problem")
            return False
        problem.set_class(False, "-problem")
        meeting = self.prep.meeting
        date, time = meeting.date, meeting.time
        if date is not None and show_ok:
            when = say_when(self.cat, date, time)  # in words, with how far away it is
            problem.update(Content(self.t("dates.said.meeting", when=when)))
        else:
            problem.update(Content(""))
        return True

    # --- leaving ---------------------------------------------------------------------------

    def ready_to_leave(self) -> bool:
        """Never stuck here: an unreadable date is said once more, kept as typed for later,
        and the person goes on (being held back would send their next words into the field)."""
        if not self.read_only and not self._check_when():
            unread = {name: text.strip() for name, text in self.peer_app.session.drafts.items()}
            date, time = unread.get("date", ""), unread.get("time", "")
            said = (
                self.t("tui.meeting.not_kept_both", date=date, time=time)
                if date and time
                else self.t("tui.meeting.not_kept", text=date or time)
            )
            self.notify(said, severity="warning", timeout=12)
        return True

    def commit(self) -> None:
        if self.read_only or not self.query("#title"):
            return
        for name in ("place", "attendees", "companion", "title"):
            self._store(name, self.query_one(f"#{name}", Input).value)
        self._check_when()
