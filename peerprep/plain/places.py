"""Choosing a folder line by line: the places flow.places suggests, as a numbered
list, or any folder typed in (Tab completes a folder's name at a real terminal).

On a shared computer with no USB stick in there is no list: the note says why, and the
person types the folder. On a personal computer whose usual folder a cloud service
copies, the note says so and the other place is in the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import peerprep.plain.commands as commands
from peerprep.flow.places import ExportPlace
from peerprep.plain.console import Quit
from peerprep.plain.session import Session


@dataclass(frozen=True)
class Chosen:
    """A folder the person chose; `usual` when it is the usual export folder (made by the
    export when it is not there yet)."""

    folder: Path
    usual: bool = False


def choose_folder(session: Session, place: ExportPlace) -> Chosen | None:
    """Ask where to save. None when the person goes back (the word for back).

    Raises Quit for the word for stop."""
    console, cat = session.console, session.cat
    options: list[tuple[Path, str]] = []
    if place.folder is not None:
        label = "plain.place.stick" if place.removable else "plain.place.usual"
        options.append((place.folder, cat.text(label, path=str(place.folder))))
    from peerprep.drives import on_removable_drive

    for other in place.others:
        label = "plain.place.stick" if on_removable_drive(other) else "plain.place.other"
        options.append((other, cat.text(label, path=str(other))))
    console.blank()
    console.tell("plain.place.title")
    for number, (_folder, label) in enumerate(options, start=1):
        console.say(f"{number}. {label}")
    for note in place.notes:
        console.say(note.text(cat))
    console.tell("plain.place.hint" if options else "plain.place.type")
    while True:
        typed = console.read_line(folders=True)
        answer = typed.strip().strip('"').strip("'")
        said = commands.given(cat, typed, *commands.ALWAYS)
        if said == "help":
            console.tell("plain.help.folder")
            console.tell("plain.help.always")
            continue
        if said == "back":
            return None
        if said == "stop":
            raise Quit
        if not answer:
            if options:
                folder = options[0][0]
                return Chosen(folder, usual=folder == place.folder and not place.removable)
            console.tell("plain.place.need")
            continue
        if answer.isdigit() and options:
            if 1 <= int(answer) <= len(options):
                folder = options[int(answer) - 1][0]
                return Chosen(folder, usual=folder == place.folder and not place.removable)
            console.tell("plain.not_understood", lowest=1, highest=len(options))
            continue
        folder = Path(answer).expanduser()
        if folder.is_dir():
            return Chosen(folder)
        console.tell("plain.place.no_folder", path=str(folder))
