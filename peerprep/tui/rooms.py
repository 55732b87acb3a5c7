"""Moving between the rooms of the program: the wizard of one preparation, home, after.

A mixin of the app: every move first puts what is in the fields into the model and
saves, and leaving a preparation lets go of its lock. If the words cannot be saved,
nothing is closed and the person is offered to save them somewhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerprep.choices import PART_KEYS
from peerprep.flow.editing import Opened, resume_step
from peerprep.store import StoreError

if TYPE_CHECKING:
    from textual.screen import Screen

    from peerprep.tui.app import PeerprepApp

# The wizard's rooms in order. Escape walks back along it, F6 forward.
WIZARD: tuple[str, ...] = ("meeting", *PART_KEYS, "questions", "review")


class Rooms:
    def wizard_screen(self: PeerprepApp, room: str) -> Screen[object]:
        # Each room's module is loaded when the room is first shown: `peerprep new` opens
        # on part 1, and its first frame need not wait for the meeting form or the review.
        if room == "meeting":
            from peerprep.tui.screens.meeting import MeetingScreen

            return MeetingScreen()
        if room == "questions":
            from peerprep.tui.screens.questions import QuestionsScreen

            return QuestionsScreen()
        if room == "review":
            from peerprep.tui.screens.review import ReviewScreen

            return ReviewScreen()
        from peerprep.tui.screens.step import StepScreen

        return StepScreen(room)

    def go_to(
        self: PeerprepApp, room: str, *, back_to: str | None = None, focus: str | None = None
    ) -> None:
        """Show one room of the wizard, replacing the wizard room on top (if any).

        `back_to`: the room Escape returns to from there, when it is not the room before
        (a part opened from the review goes back to the review). `focus`: the field (a
        path in the file, flow.limits) that has the focus once the room is built."""
        if room not in WIZARD:
            raise ValueError(room)
        self.commit_screens()
        self.save_in_background()
        screen = self.wizard_screen(room)
        screen.back_to = back_to  # type: ignore[attr-defined]
        screen.focus_on = focus  # type: ignore[attr-defined]
        if len(self.screen_stack) > 1 and getattr(self.screen, "room", None) is not None:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_field(self: PeerprepApp, field: str) -> None:
        """Put the focus into `field` (a path in the file, flow.limits) in its room of the
        wizard: the room in front, or that room opened. "Stay and fix it" in the dialog
        about words that would be lost takes the person there. Nothing for a field
        outside the wizard: it is on the screen the person is on."""
        from peerprep.flow.limits import room_of

        room = room_of(field)
        if room is None or self.session.prep is None:
            return
        if getattr(self.screen, "room", None) == room:
            self.screen.focus_field(field)  # type: ignore[attr-defined]
        else:
            self.go_to(room, focus=field)

    def go_home(self: PeerprepApp) -> None:
        """Leave the preparation (saved and unlocked) and show the list; first asks when
        words would be lost (text that did not fit, a date that cannot be read)."""
        self.commit_screens()
        if self.session.unsaved_words():
            self.ask_about_unsaved_words(self._go_home_anyway)
            return
        if self._leave_current():
            self.show_home()

    def _go_home_anyway(self: PeerprepApp) -> None:
        self.session.leftovers.clear()
        self.session.drafts.clear()
        if self._leave_current():
            self.show_home()

    def begin_new(self: PeerprepApp, at: str = "meeting", *, later: bool = False) -> None:
        """A new preparation, from its first room (`at`). `later`: made when first needed
        (flow.editing.EditingSession.new_later), as under `peerprep new`."""
        if not self._leave_current():
            return
        if later:
            self.session.new_later(self.language)
        else:
            self.session.new(self.language)
        self.save_state = self.session.status()
        self.go_to(at)

    def open_preparation(
        self: PeerprepApp, prep_id: str, room: str | None = None, *, force: bool = False
    ) -> None:
        opened = self._open(prep_id, force=force)
        if opened is None:
            return
        step = resume_step(opened.prep)
        target = room or (PART_KEYS[step] if step < len(PART_KEYS) else "review")
        if opened.read_only:
            target = room or "review"
        self.go_to(target)
        self._say_if_locked(opened)

    def _open(self: PeerprepApp, prep_id: str, *, force: bool = False) -> Opened | None:
        """Close what is open and open this one; None (and why, said) if that failed."""
        if not self._leave_current():
            return None
        try:
            opened = self.session.open(prep_id, force=force)
        except StoreError as error:
            self.notify(self.t(error.key, **error.values), severity="error")
            self.show_home()
            return None
        self.save_state = self.session.status()
        return opened

    def _say_if_locked(self: PeerprepApp, opened: Opened) -> None:
        """Open in another window: read it here, or work on a copy (the person chooses).
        In a folder that cannot be written to: say so once (the status line goes on saying
        "read only"); saving the sheet as a file elsewhere still works."""
        if opened.unwritable and opened.holder is None:
            from peerprep.tui.widgets.save_status import SAVE_REASONS

            name = opened.unwritable.rsplit(".", 1)[-1]
            reason = self.t(f"tui.save.reason.{name if name in SAVE_REASONS else 'write_failed'}")
            self.notify(self.t("tui.locked.folder", reason=reason), timeout=8)
        if opened.read_only and opened.holder is not None:
            from peerprep.tui.dialogs.locked import LockedDialog

            self.push_screen(LockedDialog(opened.holder), self._locked_answer)

    def _locked_answer(self: PeerprepApp, answer: str | None) -> None:
        if answer == "take":
            self._take_over()
        elif answer == "copy":
            self.session.open_copy()
            self.save_state = self.session.status()
            self.save_in_background()
            self.go_to("review")
        elif answer == "back":
            self.go_home()

    def _take_over(self: PeerprepApp) -> None:
        """The person said the other computer's window is closed: edit it here."""
        holder = self.session.holder
        try:
            opened = self.session.take_over()
        except StoreError as error:
            self.notify(self.t(error.key, **error.values), severity="error")
            return
        self.save_state = self.session.state
        if holder is not None:
            self.notify(self.t("takeover.taken", host=holder.host))
        step = resume_step(opened.prep)
        self.go_to(PART_KEYS[step] if step < len(PART_KEYS) else "review")

    def open_after_meeting(self: PeerprepApp, prep_id: str) -> None:
        """The notes from after the meeting, for one preparation chosen on the home screen."""
        from peerprep.tui.screens.after_meeting import AfterMeetingScreen

        opened = self._open(prep_id)
        if opened is None:
            return
        self.push_screen(AfterMeetingScreen())
        self._say_if_locked(opened)

    def start_from(self: PeerprepApp, prep_id: str) -> None:
        """Copy for a new meeting: the words and questions come along, then the meeting form,
        which says what was copied and offers to undo it (flow.copying)."""
        from peerprep.flow.copying import start_copy

        if not self._leave_current():
            return
        try:
            self.copied = start_copy(self.session, prep_id, self.language)
        except StoreError as error:
            self.notify(self.t(error.key, **error.values), severity="error")
            self.show_home()
            return
        self.save_in_background()
        self.go_to("meeting")

    def undo_copy(self: PeerprepApp) -> None:
        """Delete the copy just made and go home; the earlier preparation is as it was."""
        from peerprep.flow.copying import undo_copy
        from peerprep.words.naming import display_title

        copied = self.copied
        if copied is None:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        try:
            undo_copy(self.session, copied)
        except StoreError as error:
            self.notify(self.t(error.key, **error.values), severity="error")
            return
        self.copied = None
        self.save_state = self.session.state
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.notify(self.t("tui.copy.undone", title=display_title(self.cat, copied.source)))

    def _leave_current(self: PeerprepApp) -> bool:
        """Close what is open and every room; False (and the offer to export) if its words
        could not be saved, in which case everything stays open and on screen. What comes
        next (home, or another preparation's room) is the caller's to show."""
        self.commit_screens()
        self._stop_save_timer()
        state = self.session.close()
        self.save_state = state
        if state.kind == "failed":
            self.offer_export()
            return False
        self.close_rooms()
        return True
