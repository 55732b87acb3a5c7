"""After the meeting: what was agreed, and the next steps. A starting point for the next time."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static, TextArea

from peerprep.model import Preparation
from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import PeerScreen
from peerprep.tui.widgets.fields import Answer
from peerprep.tui.widgets.leftover import Leftover
from peerprep.tui.widgets.save_status import SaveStatus
from peerprep.words.naming import display_title as title_of

NOTES = ("agreed", "next_steps")


class AfterMeetingScreen(PeerScreen):
    help_topic = "after"  # what F1 explains (tui.help.topic.after)
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("back", "home", id="after_back"),
        # F6 goes on, as in the wizard: here, on to the next meeting (priority: the text
        # areas would otherwise take F6 for "select line")
        bind("next", "copy", id="after_copy", priority=True),
        # F5 saves or prints the sheet, as in every room of a preparation
        bind("sheet", "export"),
        bind("settings", "settings", show=False),
    ]

    room = None  # not one of the wizard's rooms

    @property
    def prep(self) -> Preparation:
        prep = self.peer_app.session.prep
        if prep is None:
            raise RuntimeError("no preparation is open")
        return prep

    def compose_body(self) -> ComposeResult:
        read_only = self.peer_app.session.read_only
        with Horizontal(id="topbar"):
            title = self.t("tui.after.heading", title=title_of(self.cat, self.prep))
            yield Static(Content.styled(title, "bold"), id="room-title")
            yield SaveStatus(id="status")
        yield Static(Content(self.t("tui.after.intro")), classes="about")
        # It scrolls on a small terminal: each text area keeps three lines to write on.
        with VerticalScroll(id="notes", can_focus=False):
            for name in NOTES:
                area = Answer(
                    getattr(self.prep.after_meeting, name),
                    id=name,
                    placeholder=self.t(f"tui.after.{name}_hint"),
                    read_only=read_only,
                    field=f"after_meeting.{name}",
                )
                area.border_title = self.t(f"tui.after.{name}")
                yield area
        yield Leftover([f"after_meeting.{name}" for name in NOTES], id="leftover")
        with Horizontal(id="bottom"):
            yield Static("", id="spacer")
            yield Button(self.t("tui.after.copy_button"), id="copy", compact=True)
            yield Button(self.t("tui.nav.back_home"), id="to-home", compact=True)

    def after_build(self) -> None:
        self.query_one("#agreed", Answer).focus()

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        name = event.text_area.id or ""
        session = self.peer_app.session
        if name not in NOTES or session.read_only:
            return
        text = event.text_area.text  # the field stops at the note's limit (widgets/fields.py)
        if getattr(self.prep.after_meeting, name) != text:
            setattr(self.prep.after_meeting, name, text)
            session.changed()
            self.peer_app.edited()

    def commit(self) -> None:
        session = self.peer_app.session
        if session.read_only or session.prep is None:
            return
        for name in NOTES:
            found = self.query(f"#{name}")
            if found:
                text = found.first(Answer).text
                if getattr(self.prep.after_meeting, name) != text:
                    setattr(self.prep.after_meeting, name, text)
                    session.changed()

    def action_home(self) -> None:
        self.peer_app.go_home()

    def action_export(self) -> None:
        self.peer_app.export_dialog()

    def action_settings(self) -> None:
        from peerprep.tui.screens.settings import SettingsScreen

        self.commit()
        self.app.push_screen(SettingsScreen())

    def action_copy(self) -> None:
        prep_id = self.prep.id
        self.peer_app.go_home()
        if self.peer_app.session.prep is None:
            self.peer_app.start_from(prep_id)

    @on(Button.Pressed, "#to-home")
    def _click_home(self) -> None:
        self.action_home()

    @on(Button.Pressed, "#copy")
    def _click_copy(self) -> None:
        self.action_copy()
