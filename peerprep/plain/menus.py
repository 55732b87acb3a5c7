"""The menus of line-by-line mode: home (new, open, delete, about) and one preparation.

Every menu is a numbered list; 0 goes back one level and q stops the program. Each
destructive choice asks first and says what will happen.
"""

from __future__ import annotations

from peerprep.choices import PART_KEYS
from peerprep.errors import StoreError
from peerprep.flow import deleting, summaries, taking_over
from peerprep.flow.leaving import not_taken_along
from peerprep.model import Preparation
from peerprep.plain import editing, review
from peerprep.plain.session import Session


def describe(session: Session, prep: Preparation) -> str:
    """One line about a preparation in a list (flow.summaries.row): its title, meeting and
    date, how far along, when it was last changed, and its first words, so that two
    preparations with no title of their own can be told apart when read aloud."""
    row = summaries.row(session.cat, prep)
    line = session.cat.text(
        "plain.list_item",
        title=row.title,
        kind=row.kind,
        date=row.date,
        filled=row.parts_filled,
        changed=row.changed,
    )
    if row.excerpt:
        line += " " + session.cat.text("plain.list_item_words", words=row.excerpt)
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
    chosen = console.choose(console.t(title_key), options, console.t("plain.back"))
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
    console.tell("plain.delete_what", title=plan.title(cat))
    for item in plan.what_goes():
        console.say(f"- {item.text(cat)}")
    console.tell("plain.delete_confirm")
    if not console.yes(console.read_line()):
        console.tell("plain.not_deleted")
        return False
    try:
        session.editing.delete(plan)
    except StoreError as error:
        console.tell(error.key, **error.values)
        return False
    console.tell("plain.deleted", title=plan.title(cat))
    return True


def about(session: Session) -> None:
    console = session.console
    console.blank()
    for key in ("explain.statement", "explain.parts", "explain.peer", "explain.companion"):
        console.tell(key)
        console.blank()
    console.tell("plain.about_keys")
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


def read_only_menu(session: Session) -> bool:
    """Open in another program: read it, take the sheet along, or work on a copy. False
    when the person goes back."""
    console, cat = session.console, session.cat
    options = [
        ("review", cat.text("plain.menu.review")),
        ("export", cat.text("plain.menu.export")),
        ("copy", cat.text("plain.read_only.copy")),
    ]
    heading = cat.text("plain.read_only.heading", title=session.title())
    chosen = console.choose(heading, options, cat.text("plain.menu.home"))
    if not chosen:
        session.close()
        return False
    if chosen == "review":
        show_review(session)
    elif chosen == "export":
        review.export_menu(session)
    elif chosen == "copy":
        session.open_copy()
        console.tell("plain.read_only.copied", title=session.title())
    return True


def show_review(session: Session) -> None:
    """Read the sheet back; then saving it (large print is one key away) or going back."""
    console = session.console
    console.blank()
    for line in review.statement_lines(session.cat, session.current):
        console.say(line)
    review.export_menu(session, title_key="plain.export.after_review")


def copy_for_new(session: Session) -> None:
    """Copy for a new meeting: say what came along, and that the meeting is to be filled in."""
    source = session.current.id
    if session.start_from(source):
        session.console.tell("plain.copied", title=session.title())


def new(session: Session) -> None:
    if not session.new():
        return
    editing.walk(session, with_meeting=True)
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
            console.tell("takeover.plain_question")
            if console.yes(console.read_line()) and session.take_over():
                console.tell("takeover.taken", host=holder.host)
    preparation_menu(session)
    return True


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
                open_one(session, prep.id)
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
    if not session.context.shared.on:
        return
    session.close()
    left = not_taken_along(session.store, session.context.taken)
    if not left:
        return
    console = session.console
    console.blank()
    console.tell("plain.shared_not_taken", n=len(left))
    if not console.yes(console.read_line()):
        return
    for prep in left:
        if session.open(prep.id) is not None:
            review.export_menu(session)
            session.close()
