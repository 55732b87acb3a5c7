"""Home: the person's preparations, newest first, and what can be done with them."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from peerprep.flow import deleting, summaries
from peerprep.model import Preparation
from peerprep.store import Listing, StoreError
from peerprep.tui.bindings import key_of
from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import PeerScreen
from peerprep.words import Catalogue

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk

SEPARATOR = " · "


def wrap_items(items: list[str], width: int) -> list[str]:
    """Join the items of a row with " · ", breaking the line only between two items, so
    "kl. 18.21" is never split over two lines ("kl." at the end of one, "18.21" below).
    An item longer than the width gets a line of its own (and wraps there)."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + len(SEPARATOR) + len(item) <= width:
            lines[-1] += SEPARATOR + item
        else:
            lines.append(item)
    return lines


def row(
    cat: Catalogue,
    prep: Preparation,
    *,
    chosen: bool = False,
    elsewhere: bool = False,
    width: int = 70,
) -> Content:
    """The title; the meeting, its date, how far along, when last changed; the first words
    (flow.summaries.row). The chosen one is marked with ▶, so it shows without colour
    too; one open in another window says so in words. `width`: the columns a row has."""
    said = summaries.row(cat, prep)
    # Without a title of one's own the title is the meeting and its date: not said twice.
    items = [said.kind, said.date] if said.own_title else []
    items += [
        cat.text("tui.home.parts", n=said.parts_filled),
        cat.text("tui.home.changed", changed=said.changed),
    ]
    mark = "▶ " if chosen else "  "
    lines: list[str | tuple[str, str]] = [mark, (said.title, "bold")]
    if elsewhere:
        lines += [" · ", (cat.text("tui.home.open_elsewhere"), "italic")]
    for line in wrap_items(items, max(20, width - 2)):
        lines += ["\n  ", line]
    if said.excerpt:
        quoted = f"»{said.excerpt}«" if cat.language == "da" else f"“{said.excerpt}”"
        lines += ["\n  ", (quoted, "italic")]
    return Content.assemble(*lines)


NEEDS_CHOICE = ("open", "copy", "after", "delete")  # act on the chosen preparation
# Rows shown before the rest of a long list is read: more than the tallest screen holds.
FIRST_ROWS = 40


class HomeScreen(PeerScreen):
    help_topic = "home"  # what F1 explains (tui.help.topic.home)
    is_home = True  # what the app closes rooms down to (app.close_rooms)
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("open", "open"),
        bind("after", "after"),
        bind("sheet", "sheet"),
        # "one step on" from a meeting that has been: the next meeting, from these words
        bind("next", "copy", id="copy"),
        bind("new", "new"),
        # said on the list's frame: no room in the footer at 80 columns
        bind("delete", "delete", show=False),
        bind("settings", "settings", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.preparations: list[Preparation] = []
        self.elsewhere: set[str] = set()  # ids open in another window right now
        self._reading = 0  # which reading of the list is the newest (reload)
        self._marked: str | None = None  # the row drawn with the mark
        self._by_id: dict[str, Preparation] = {}

    def compose_body(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(Content(self.t("tui.home.heading")), id="heading")
            yield Static(Content(self.t("app.what")), id="what")
            options = OptionList(id="list")
            # Enter is the list's own key, so the footer cannot show it: said on the frame
            options.border_subtitle = self._list_hint()
            yield options
            with Vertical(id="empty"):
                yield Static(Content(self.t("tui.home.empty")), id="empty-text")
                with Center():
                    label = f"{self.t('tui.home.start')} ({key_of(self, 'new')})"
                    yield Button(label, id="start", variant="primary")
            # Paper for the pen, for anyone (a group, a person who prefers to write by
            # hand): one line under the list, reached with Tab; F5 too when there is no list.
            with Horizontal(id="paper"):
                yield Button(self.t("tui.home.blank"), id="blank", compact=True)

    def on_screen_resume(self) -> None:
        # Also sent when home is first shown (as the first screen, or pushed): the list
        # is read here, once, not also when it is mounted.
        if self._in_sight():
            self.reload()

    def _in_sight(self) -> bool:
        """Nothing but dialogs above home. Under `peerprep new` or `open` a preparation is
        on top before home is ever seen: the list is read when the person comes home (it
        resumes then), not before their first frame."""
        stack = self.app.screen_stack
        above = stack[stack.index(self) + 1 :] if self in stack else []
        return all(isinstance(screen, ModalScreen) for screen in above)

    async def recompose(self) -> None:
        await super().recompose()
        self.reload()

    def reload(self) -> None:
        """Read the list again (after a change, a return from a preparation, a new language).

        The last changed come first (store.newest), at once; a longer list is read in a
        thread and shown whole when it is read, so home shows its first rows as fast with
        ten thousand preparations as with ten. (The store does not read again the files
        it read before and that have not changed.)"""
        self._reading += 1
        reading = self._reading
        store = self.peer_app.session.store
        try:
            first = store.newest(FIRST_ROWS)
        except StoreError as error:
            self.notify(self.t(error.key, **error.values), severity="error")
            return
        said: set[str] = set()
        self._fill(first, self._open_elsewhere(first.preparations), said)
        if len(first.preparations) < FIRST_ROWS:
            return  # that was all of them

        def read_all() -> None:
            try:
                listing = self.peer_app.session.listing()
            except StoreError as error:
                self.app.call_from_thread(
                    self.notify, self.t(error.key, **error.values), severity="error"
                )
                return
            elsewhere = self._open_elsewhere(listing.preparations)
            self.app.call_from_thread(self._fill_if_current, reading, listing, elsewhere, said)

        self.run_worker(read_all, thread=True, group="home-list", exit_on_error=False)

    def _fill_if_current(
        self, reading: int, listing: Listing, elsewhere: set[str], said: set[str]
    ) -> None:
        if reading == self._reading and self.is_shown:  # else a newer reading is under way
            self._fill(listing, elsewhere, said)

    def _fill(self, listing: Listing, elsewhere: set[str], said: set[str]) -> None:
        for problem in summaries.listing_problems(self.cat, listing):
            if problem not in said:  # a file left in place is named once per reading
                said.add(problem)
                self.notify(problem, severity="warning", timeout=20)
        options = self.query_one("#list", OptionList)
        chosen = options.highlighted_option.id if options.highlighted_option else None
        place = options.highlighted or 0
        self.preparations = listing.preparations
        self._by_id = {prep.id: prep for prep in self.preparations}
        self.elsewhere = elsewhere
        self._marked = None
        options.clear_options()
        entries: list[Option | None] = []
        for prep in self.preparations:
            if entries:
                entries.append(None)  # a thin line between two preparations
            entries.append(Option(self._row(prep), id=prep.id))
        options.add_options(entries)
        has_any = bool(self.preparations)
        options.display = has_any
        self.query_one("#empty").display = not has_any
        # With nothing in the list, the empty text says what this is (once, not twice)
        # and the keys that act on a chosen preparation leave the footer.
        self.query_one("#what").display = has_any
        self.refresh_bindings()
        if has_any:
            # the same preparation stays chosen; if it is gone, the one in its place
            if chosen in self._by_id:
                options.highlighted = options.get_option_index(chosen)
            else:
                options.highlighted = min(place, len(self.preparations) - 1)
            options.focus()
        else:
            self.query_one("#start").focus()

    def _open_elsewhere(self, preparations: list[Preparation]) -> set[str]:
        store = self.peer_app.session.store
        found: set[str] = set()
        for prep in preparations:
            try:
                if store.lock_holder(prep.id) is not None:
                    found.add(prep.id)
            except StoreError:
                continue  # a lock that cannot be read protects nothing (locks.py)
        return found

    def _row(self, prep: Preparation, *, chosen: bool = False) -> Content:
        # the list's frame, the screen's margins and the option's own padding
        width = self.app.size.width - 8
        return row(self.cat, prep, chosen=chosen, elsewhere=prep.id in self.elsewhere, width=width)

    def on_resize(self) -> None:
        for options in self.query("#list"):
            options.border_subtitle = self._list_hint()
        if self.preparations and self.is_shown:
            self._remark()

    def _list_hint(self) -> str:
        """The keys of the list, said on its frame: as many as fit whole, from the first
        ("↑↓ vælg · Enter åbner · F8 slet" at 40 columns, where the whole hint was cut as
        "F8 slet…"); every key is in the help (F1) too."""
        pieces = self.t("tui.home.list_hint").split(" · ")
        room = self.app.size.width - 8  # the list's margins, frame and the frame's ends
        while len(pieces) > 1 and cell_len(" · ".join(pieces)) > room:
            pieces.pop()
        return " · ".join(pieces)

    def _remark(self) -> None:
        options = self.query_one("#list", OptionList)
        chosen = options.highlighted_option
        for prep in self.preparations:
            options.replace_option_prompt(
                prep.id, self._row(prep, chosen=chosen is not None and prep.id == chosen.id)
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # not shown while there is nothing to choose yet
        return bool(self.preparations) or action not in NEEDS_CHOICE

    def chosen(self) -> Preparation | None:
        options = self.query_one("#list", OptionList)
        option = options.highlighted_option
        if option is None:
            return None
        return next((p for p in self.preparations if p.id == option.id), None)

    def spoken(self) -> list[Chunk]:
        """Ctrl+R: the chosen preparation as its row says it; with none, what to do."""
        from peerprep.flow.spoken_screens import chosen_row, program_text

        prep = self.chosen() if self.preparations else None
        if prep is None:
            return program_text(self.cat, [self.t("tui.home.empty")])
        return chosen_row(self.cat, prep)

    def _need_choice(self) -> Preparation | None:
        prep = self.chosen()
        if prep is None:
            self.notify(self.t("tui.home.choose_first"))
        return prep

    # --- actions ---------------------------------------------------------------------------

    def action_new(self) -> None:
        self.peer_app.begin_new()

    def action_open(self) -> None:
        prep = self._need_choice()
        if prep is not None:
            self.peer_app.open_preparation(prep.id)

    @on(OptionList.OptionHighlighted, "#list")
    def _mark(self, event: OptionList.OptionHighlighted) -> None:
        # Only the row that was marked and the one marked now are drawn again: a long
        # list is not redrawn row by row at every move.
        options = event.option_list
        for prep_id in {self._marked, event.option.id}:
            prep = self._by_id.get(prep_id or "")
            if prep is not None:
                chosen = prep_id == event.option.id
                options.replace_option_prompt(prep.id, self._row(prep, chosen=chosen))
        self._marked = event.option.id

    @on(OptionList.OptionSelected, "#list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.peer_app.open_preparation(event.option.id)

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.action_new()

    def action_copy(self) -> None:
        prep = self._need_choice()
        if prep is not None:
            self.peer_app.start_from(prep.id)

    def action_sheet(self) -> None:
        """The sheet of the chosen preparation: save it as a file or print it. With no
        preparation yet: a blank sheet, to fill in by hand."""
        if not self.preparations:
            self.action_blank()
            return
        prep = self._need_choice()
        if prep is not None:
            self.peer_app.export_dialog(prep=prep)

    @on(Button.Pressed, "#blank")
    def action_blank(self) -> None:
        """A blank sheet in the screen's language: save it as a file or print it."""
        self.peer_app.export_dialog(blank=True)

    def action_after(self) -> None:
        prep = self._need_choice()
        if prep is not None:
            self.peer_app.open_after_meeting(prep.id)

    def action_settings(self) -> None:
        from peerprep.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_delete(self) -> None:
        from peerprep.tui.dialogs.confirm import ConfirmDialog

        prep = self._need_choice()
        if prep is None:
            return
        store = self.peer_app.session.store
        try:
            plan = deleting.plan_delete(store, prep.id)
        except StoreError as error:
            self.notify(self.t(error.key, **error.values), severity="error")
            self.reload()
            return
        title = plan.title(self.cat)
        dialog = ConfirmDialog(
            question=self.t("tui.delete.question", title=title),
            items=[said.text(self.cat) for said in plan.what_goes()],
            warning=self.t("tui.delete.warning"),
            yes=self.t("tui.delete.yes"),
            no=self.t("tui.delete.no"),
        )

        def answered(yes: bool | None) -> None:
            if not yes:
                self.notify(self.t("errors.cancelled"))
                return
            try:
                self.peer_app.session.delete(plan)
            except StoreError as error:
                self.notify(self.t(error.key, **error.values), severity="error")
                return
            self.notify(self.t("cli.deleted", title=title))
            self.reload()

        self.app.push_screen(dialog, answered)
