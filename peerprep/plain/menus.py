"""The menus of line-by-line mode: home (new, open, open from a file, delete, about, a blank
sheet) and one preparation, and the question before leaving a shared computer.

Every menu is a numbered list; 0 (or the word for back) goes back one level and the word
for stop stops the program. Each destructive choice asks first and says what will
happen. Preparations in a list differ by their name, how far along they are, when they
were last changed and their first words, all said in words a voice reads well.
"""

from __future__ import annotations

from pathlib import Path

import peerprep.plain.asking as asking
import peerprep.plain.commands as commands
import peerprep.plain.review as review
from peerprep.choices import PART_KEYS
from peerprep.errors import StoreError
from peerprep.flow import deleting, summaries, taking_over
from peerprep.flow.leaving import not_taken_along
from peerprep.model import Preparation
from peerprep.plain.console import Back, Quit
from peerprep.plain.editing import edit_after, edit_part, filled_words, walk
from peerprep.plain.meeting import edit_meeting
from peerprep.plain.questions import questions_menu
from peerprep.plain.session import Session
from peerprep.words.naming import spoken_title


def describe(session: Session, prep: Preparation) -> str:
    """One line about a preparation in a list (flow.summaries.row): its name, the meeting
    (when the name is the person's own), how far along, when it was last changed and its
    first words, so that two preparations with no name of their own can be told apart
    when read aloud."""
    cat = session.cat
    row = summaries.row(cat, prep)
    values = {
        "title": spoken_title(cat, prep),
        "filled": filled_words(session, row.parts_filled),
        "changed": row.said_changed,
    }
    if row.own_title:
        line = cat.text("plain.list_item", kind=row.kind, date=row.said_date, **values)
    else:  # the name says the meeting already, or when it was begun
        line = cat.text("plain.list_item_untitled", **values)
    if row.excerpt:
        line += " " + cat.text("plain.list_item_words", words=row.excerpt)
    return line


def _listing(session: Session) -> list[Preparation]:
    listing = session.store.list()
    for problem in summaries.listing_problems(session.cat, listing):
        session.console.say(problem)
    return listing.preparations


def pick(session: Session, title_key: str) -> Preparation | None:
    """Choose one of the saved preparations; None when there are none or the person goes back."""
    console = session.console
    preparations = _listing(session)
    if not preparations:
        console.blank()
        console.tell("plain.list_empty")
        return None
    options = [(p.id, describe(session, p)) for p in preparations]
    chosen = asking.choose(console, console.t(title_key), options, console.t("plain.back"))
    return next((p for p in preparations if p.id == chosen), None)


def delete(session: Session, prep: Preparation) -> bool:
    """Ask, naming what goes, then delete (flow.deleting). True when it is gone."""
    console, cat = session.console, session.cat
    try:
        plan = deleting.plan_delete(session.store, prep.id)
    except StoreError as error:
        console.tell(error.key, **error.values)
        return False
    console.blank()
    console.tell("plain.delete_what", title=spoken_title(cat, plan.prep))
    for item in plan.what_goes():
        console.say(f"- {item.text(cat)}")
    if not asking.ask_yes(console, "plain.delete_confirm"):
        console.tell("plain.not_deleted")
        return False
    try:
        session.editing.delete(plan)
    except StoreError as error:
        console.tell(error.key, **error.values)
        return False
    console.tell("plain.deleted", title=spoken_title(cat, plan.prep))
    return True


def about(session: Session) -> None:
    console = session.console
    console.blank()
    for key in ("explain.statement", "explain.parts", "explain.peer", "explain.companion"):
        console.tell(key)
        console.blank()
    console.tell("plain.commands_about")
    console.tell("plain.help.always")
    context = session.context
    for line in summaries.where_lines(session.store, context.config_dir, context.shared):
        console.say(summaries.say(session.cat, line))


def preparation_menu(session: Session) -> None:
    """Everything one can do with the open preparation, until the person goes back."""
    console, cat = session.console, session.cat
    while session.prep is not None:
        if session.read_only:
            if not read_only_menu(session):
                return
            continue
        prep = session.current
        options = [
            ("walk", cat.text("plain.menu.walk")),
            ("meeting", cat.text("plain.menu.meeting")),
        ]
        for key in PART_KEYS:
            filled = prep.statement.get(key).strip()
            state = cat.text("plain.written" if filled else "plain.empty")
            options.append(
                (key, cat.text("plain.menu.part", title=cat.part(key).title, state=state))
            )
        options += [
            ("questions", cat.text("plain.menu.questions", n=len(prep.questions))),
            ("review", cat.text("plain.menu.review")),
            ("export", cat.text("plain.menu.export")),
            ("carry", cat.text("plain.menu.carry")),
            ("after", cat.text("plain.menu.after")),
            ("copy", cat.text("plain.menu.copy")),
            ("delete", cat.text("plain.menu.delete")),
        ]
        heading = cat.text(
            "plain.prep_heading",
            title=spoken_title(cat, prep),
            filled=filled_words(session, prep.parts_filled()),
        )
        try:
            chosen = asking.choose(console, heading, options, cat.text("plain.menu.home"))
            if not chosen:
                session.close()
                return
            if chosen == "walk":
                walk(session, with_meeting=True)
            elif chosen == "meeting":
                edit_meeting(session)
            elif chosen in PART_KEYS:
                edit_part(session, chosen)
            elif chosen == "questions":
                questions_menu(session)
            elif chosen == "review":
                show_review(session)
            elif chosen == "export":
                review.export_menu(session)
            elif chosen == "carry":
                review.carry(session)
            elif chosen == "after":
                edit_after(session)
            elif chosen == "copy":
                copy_for_new(session)
            elif chosen == "delete" and delete(session, prep):
                return
        except Back:
            continue


def read_only_menu(session: Session) -> bool:
    """Open in another program: read it, take the sheet along, or work on a copy. False
    when the person goes back."""
    console, cat = session.console, session.cat
    elsewhere = session.editing.holder is not None  # else: the folder cannot be written to
    options = [
        ("review", cat.text("plain.menu.review")),
        ("export", cat.text("plain.menu.export")),
        *([("copy", cat.text("plain.read_only.copy"))] if elsewhere else []),
    ]
    which = "heading" if elsewhere else "heading_folder"
    heading = cat.text(f"plain.read_only.{which}", title=spoken_title(cat, session.current))
    try:
        chosen = asking.choose(console, heading, options, cat.text("plain.menu.home"))
    except Back:
        chosen = ""
    if not chosen:
        session.close()
        return False
    if chosen == "review":
        show_review(session)
    elif chosen == "export":
        review.export_menu(session)
    elif chosen == "copy":
        session.open_copy()
        console.tell("plain.read_only.copied", title=spoken_title(cat, session.current))
    return True


def show_review(session: Session) -> None:
    """Read the sheet back; then saving it (large print is one key away) or going back.
    The word for read here reads the whole sheet aloud, in its printed order."""
    from peerprep.flow.spoken_screens import sheet

    console = session.console
    console.blank()
    prep = session.current
    for line in review.statement_lines(session.cat, prep):
        console.say(line)
    with session.about(lambda: sheet(prep)):
        review.export_menu(session, title_key="plain.export.after_review")


def copy_for_new(session: Session) -> None:
    """Copy for a new meeting: say what came along, and that the meeting is to be filled in."""
    source = session.current.id
    if session.start_from(source):
        session.console.tell("plain.copied", title=spoken_title(session.cat, session.current))


def new(session: Session) -> None:
    if not session.new():
        return
    walk(session, with_meeting=True)
    preparation_menu(session)


def open_one(session: Session, prep_id: str, *, force: bool = False) -> bool:
    """Open one and show its menu; False (and why, said) if it could not be opened. Open
    on another computer (flow.taking_over): say whose and since when, and offer to take
    it over (`force`: taken over at once, as `open --force` asks)."""
    opened = session.open(prep_id, force=force)
    if opened is None:
        return False
    holder = opened.holder
    if opened.read_only and holder is not None:
        console = session.console
        if not taking_over.takeable(holder):
            console.tell("plain.read_only.why", pid=holder.pid, host=holder.host)
        else:
            for line in taking_over.about(session.cat, holder):
                console.say(line)
            try:
                take = asking.ask_yes(console, "takeover.plain_question")
            except Back:  # back: only read it, as Enter does
                take = False
            if take and session.take_over():
                console.tell("takeover.taken", host=holder.host)
    elif opened.unwritable:  # a write-protected stick, a read-only folder (flow.editing)
        session.console.tell("plain.read_only.folder")
    preparation_menu(session)
    return True


def import_one(session: Session) -> None:
    """Open a preparation from a file (a USB stick): it comes into the store and opens."""
    from peerprep.flow import preparation_file

    console, cat = session.console, session.cat
    console.blank()
    console.tell("shared.folder.open_about")
    console.tell("plain.import.ask")
    while True:
        typed = console.read_line(folders=True)
        said = commands.given(cat, typed, *commands.ALWAYS)
        if said == "help":
            console.tell("plain.import.ask")
            console.tell("plain.help.always")
            continue
        if said == "back":
            return
        if said == "stop":
            raise Quit
        answer = typed.strip().strip('"').strip("'")
        if not answer:
            console.tell("shared.folder.need_file")
            continue
        try:
            imported = preparation_file.import_file(session.store, Path(answer))
        except StoreError as error:
            console.say(preparation_file.describe(cat, error))
            continue
        message = preparation_file.imported_message(
            cat, imported, in_memory=session.store.in_memory
        )
        console.say(message.text(cat))
        open_one(session, imported.prep.id)
        return


def home(session: Session) -> None:
    """The first menu. Returns when the person chooses to stop."""
    console, cat = session.console, session.cat
    while True:
        count = len(session.store.list().preparations)
        options = [("new", cat.text("plain.home.new"))]
        if count:
            options.append(("open", cat.text("plain.home.open", n=count)))
        options.append(("import", cat.text("plain.home.import")))
        if count:
            options.append(("delete", cat.text("plain.home.delete")))
        options += [
            ("about", cat.text("plain.home.about")),
            ("blank", cat.text("plain.home.blank")),  # paper for the pen, for anyone
            ("quit", cat.text("plain.home.quit")),
        ]
        try:
            chosen = asking.choose(console, cat.text("plain.home.title"), options, None)
        except Back:  # there is nothing before home: said, not only the menu again
            console.tell("plain.home.at_start")
            continue
        if chosen == "new":
            new(session)
        elif chosen == "open":
            prep = pick(session, "plain.pick_open")
            if prep is not None:
                open_one(session, prep.id)
        elif chosen == "import":
            import_one(session)
        elif chosen == "blank":
            review.blank_menu(session)
        elif chosen == "delete":
            prep = pick(session, "plain.pick_delete")
            if prep is not None:
                delete(session, prep)
        elif chosen == "about":
            about(session)
        elif chosen == "quit":
            return


def before_leaving(session: Session) -> bool:
    """On a shared computer, offer to take along what would otherwise be lost, in the full
    screen's words (shared.leave.*). False when the person goes back to their text."""
    from peerprep.flow.taking_along import can_print

    if not session.context.shared.on:
        return True
    session.close()
    console, cat = session.console, session.cat
    while True:
        left = not_taken_along(session.store, session.context.taken)
        if not left:
            return True
        console.blank()
        console.tell("shared.leave.why")
        console.tell("shared.leave.how")
        options = [
            ("export", cat.text("shared.leave.export")),
            ("folder", cat.text("shared.leave.folder")),
        ]
        if can_print():
            options.append(("print", cat.text("shared.leave.print")))
        options.append(("erase", cat.text("shared.leave.erase")))
        try:
            chosen = asking.choose(
                console, cat.text("shared.leave.title"), options, cat.text("shared.leave.back")
            )
        except Quit:
            chosen = "erase"  # the word for stop, said again: stop
        if not chosen:
            return False
        if chosen == "erase":
            return True
        for prep in left:
            if session.open(prep.id) is None:
                continue
            try:
                if chosen == "export":
                    review.export_menu(session)
                elif chosen == "print":
                    review.print_sheet(session)
                else:
                    review.carry(session)
            except Back:
                pass
            finally:
                session.close()
