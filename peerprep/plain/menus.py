"""The menus of line-by-line mode: home (new, open, delete, about) and one preparation.

Every menu is a numbered list; 0 goes back one level and q stops the program. Each
destructive choice asks first and says what will happen.
"""

from __future__ import annotations

from peerprep.content import display_title, format_date
from peerprep.keys import PART_KEYS
from peerprep.model import Preparation
from peerprep.plain import editing, review
from peerprep.plain.session import Session
from peerprep.store import StoreError


def describe(session: Session, prep: Preparation) -> str:
    """One line about a preparation in a list: title, meeting, date, how far along."""
    cat = session.cat
    meeting = prep.meeting
    date = format_date(cat, meeting.date) if meeting.date else cat.text("plain.no_date")
    return cat.text(
        "plain.list_item",
        title=display_title(cat, prep),
        kind=cat.kind(meeting.kind).name,
        date=date,
        filled=prep.parts_filled(),
        changed=format_date(cat, prep.updated_at.astimezone()),
    )


def _listing(session: Session) -> list[Preparation]:
    cat = session.cat
    listing = session.store.list()
    for item in listing.quarantined:
        reason = cat.text(item.reason, **item.values)
        session.console.tell(
            "cli.quarantined_note", name=item.original.name, reason=reason, path=str(item.moved_to)
        )
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
    chosen = console.choose(console.t(title_key), options, console.t("plain.back"))
    return next((p for p in preparations if p.id == chosen), None)


def confirm_delete(session: Session, prep: Preparation) -> bool:
    console = session.console
    console.blank()
    console.tell("plain.delete_what", title=display_title(session.cat, prep))
    console.tell("plain.delete_confirm")
    return console.yes(console.read_line())


def delete(session: Session, prep: Preparation) -> bool:
    """Ask, then delete. True when it is gone."""
    console = session.console
    holder = None if session.prep is prep else session.store.lock_holder(prep.id)
    if holder is not None:
        console.tell("errors.locked", host=holder.host, pid=holder.pid)
        return False
    if not confirm_delete(session, prep):
        console.tell("plain.not_deleted")
        return False
    title = display_title(session.cat, prep)
    if session.prep is prep:
        session.forget()
    try:
        if session.store.exists(prep.id):
            session.store.delete(prep.id)
    except StoreError as error:
        console.tell(error.key, **error.values)
        return False
    console.tell("plain.deleted", title=title)
    return True


def about(session: Session) -> None:
    console = session.console
    console.blank()
    for key in ("explain.statement", "explain.parts", "explain.peer", "explain.companion"):
        console.tell(key)
        console.blank()
    console.tell("plain.about_keys")
    where = getattr(session.store, "root", None)
    if getattr(session.store, "in_memory", False):
        console.tell("plain.about_memory")
    elif where is not None:
        console.tell("plain.about_where", path=str(where))


def preparation_menu(session: Session) -> None:
    """Everything one can do with the open preparation, until the person goes back."""
    console, cat = session.console, session.cat
    while session.prep is not None:
        prep = session.current
        status = cat.text("plain.written")
        options = [
            ("walk", cat.text("plain.menu.walk")),
            ("meeting", cat.text("plain.menu.meeting")),
        ]
        for key in PART_KEYS:
            filled = prep.statement.get(key).strip()
            state = status if filled else cat.text("plain.empty")
            options.append(
                (key, cat.text("plain.menu.part", title=cat.part(key).title, state=state))
            )
        options += [
            ("questions", cat.text("plain.menu.questions", n=len(prep.questions))),
            ("review", cat.text("plain.menu.review")),
            ("export", cat.text("plain.menu.export")),
            ("after", cat.text("plain.menu.after")),
            ("copy", cat.text("plain.menu.copy")),
            ("delete", cat.text("plain.menu.delete")),
        ]
        heading = cat.text("plain.prep_heading", title=session.title(), filled=prep.parts_filled())
        chosen = console.choose(heading, options, cat.text("plain.menu.home"))
        try:
            if not chosen:
                session.close()
                return
            if chosen == "walk":
                editing.walk(session, with_meeting=True)
            elif chosen == "meeting":
                editing.edit_meeting(session)
            elif chosen in PART_KEYS:
                editing.edit_part(session, chosen)
            elif chosen == "questions":
                editing.questions_menu(session)
            elif chosen == "review":
                show_review(session)
            elif chosen == "export":
                review.export_menu(session)
            elif chosen == "after":
                editing.edit_after(session)
            elif chosen == "copy":
                copy_for_new(session)
            elif chosen == "delete" and delete(session, prep):
                return
        except editing.Back:
            continue


def show_review(session: Session) -> None:
    """Read the sheet back; then saving it (large print is one key away) or going back."""
    console = session.console
    console.blank()
    for line in review.statement_lines(session.cat, session.current):
        console.say(line)
    review.export_menu(session, title_key="plain.export.after_review")


def copy_for_new(session: Session) -> None:
    fresh = session.current.copy_for_new_meeting()
    if session.open(fresh) and session.changed():
        session.console.tell("plain.copied", title=session.title())


def new(session: Session) -> None:
    prep = Preparation.new(session.language)
    if not session.open(prep):
        return
    editing.walk(session, with_meeting=True)
    preparation_menu(session)


def open_one(session: Session, prep: Preparation) -> None:
    if session.open(prep):
        preparation_menu(session)


def home(session: Session) -> None:
    """The first menu. Returns when the person chooses to stop."""
    console, cat = session.console, session.cat
    while True:
        count = len(session.store.list().preparations)
        options = [("new", cat.text("plain.home.new"))]
        if count:
            options += [
                ("open", cat.text("plain.home.open", n=count)),
                ("delete", cat.text("plain.home.delete")),
            ]
        options += [("about", cat.text("plain.home.about")), ("quit", cat.text("plain.home.quit"))]
        chosen = console.choose(cat.text("plain.home.title"), options, None)
        if chosen == "new":
            new(session)
        elif chosen == "open":
            prep = pick(session, "plain.pick_open")
            if prep is not None:
                open_one(session, prep)
        elif chosen == "delete":
            prep = pick(session, "plain.pick_delete")
            if prep is not None:
                delete(session, prep)
        elif chosen == "about":
            about(session)
        elif chosen == "quit":
            return


def before_leaving(session: Session) -> None:
    """On a shared computer, offer to take along what would otherwise be forgotten."""
    untaken = getattr(session.store, "untaken", None)
    if untaken is None:
        return
    session.close()
    left = untaken()
    if not left:
        return
    console = session.console
    console.blank()
    console.tell("plain.shared_not_taken", n=len(left))
    if not console.yes(console.read_line()):
        return
    for prep in left:
        if session.open(prep):
            review.export_menu(session)
            session.close()
