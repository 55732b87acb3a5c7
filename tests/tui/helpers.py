"""Helpers for the full-screen program's tests: read what was saved, wait for saves."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.tui.app import PeerprepApp

SIZE = (80, 24)
SAVE_DELAY = 0.05  # the real program waits about a second; tests need not


def saved_files(data_dir: Path) -> list[dict[str, Any]]:
    """Every preparation on disk, as the JSON a person's file holds."""
    folder = data_dir / "preparations"
    if not folder.is_dir():
        return []
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]


def only_file(data_dir: Path) -> dict[str, Any]:
    files = saved_files(data_dir)
    assert len(files) == 1, files
    return files[0]


def filled(store: Store, **parts: str) -> Preparation:
    """A preparation on disk with some parts written."""
    prep = Preparation.new("da")
    for key, text in parts.items():
        prep.set_part(key, text)
    store.save(prep)
    return prep


async def settle(app: PeerprepApp, pilot: Any) -> None:
    """Let pending saves finish: past the debounce, and the save thread done."""
    await pilot.pause(SAVE_DELAY * 3)
    await app.workers.wait_for_complete()
    await pilot.pause()


def screen_words(app: PeerprepApp) -> str:
    """The words on the screen in front (and the notes shown over it), as plain text."""
    from textual.widgets import Button, Input, Static, TextArea

    words = []
    for widget in app.screen.query("*"):
        if not widget.display or not widget.is_on_screen:
            continue
        if isinstance(widget, (Static, Button)):
            words.append(str(widget.render()))
        elif isinstance(widget, TextArea):
            words.append(widget.text)
        elif isinstance(widget, Input):
            words.append(widget.value)
        for edge in ("border_title", "border_subtitle"):
            if getattr(widget, edge, None):
                words.append(str(getattr(widget, edge)))
    words.extend(n.message for n in app._notifications)
    return "\n".join(words)


def row_text(prompt: object) -> str:
    """An option list's row as it reads on screen (a row may be a small table)."""
    from rich.console import Console

    console = Console(width=70, record=True, file=io.StringIO())
    console.print(prompt)
    return console.export_text().strip("\n")


def screen_text(app: PeerprepApp) -> str:
    """What the terminal shows now, as text: every screen and dialog as drawn."""
    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      force_terminal=True, color_system="truecolor", legacy_windows=False,
                      safe_box=False)  # fmt: skip
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


_FRAMES = re.compile(r"[\u2500-\u257f\u2580-\u259f]")


def words_on_screen(app: PeerprepApp) -> str:
    """The screen's text as one line of words: frames and bars left out, spaces collapsed,
    so a sentence wrapped over two lines inside a box is found whole."""
    return " ".join(_FRAMES.sub(" ", screen_text(app)).split())


def static_text(static: object) -> str:
    """The words a Static shows (plain text, Content or a rich renderable such as a table)."""
    from textual.content import Content

    content = getattr(static, "content", static)
    if isinstance(content, (str, Content)):
        return str(content)
    return row_text(content)
