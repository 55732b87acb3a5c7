"""No word is ever lost: steady typing is saved within the ceiling, and quitting (Ctrl+Q,
a closed terminal, SIGTERM, a closed console window) first takes in every key and paste
the terminal already sent.

Keys are sent here the way a terminal sends them: all at once, without waiting for the
program to handle each (Pilot.press waits after every key, which would hide the fault).
The real program on a pseudo-terminal is tested in tests/stress/test_quit_keeps_input.py.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from textual import events

from peerprep.flow.autosave import SAVE_AFTER_PAUSE, SAVE_AT_THE_LATEST
from peerprep.settings import Settings
from peerprep.settings import save as save_settings
from peerprep.store import Store
from peerprep.tui.app import PeerprepApp, Start
from peerprep.tui.widgets.fields import Answer

from .helpers import SIZE, saved_files

LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"


def _key(char: str) -> events.Key:
    return events.Key("space" if char == " " else char, char)


def _burst(app: PeerprepApp, text: str) -> None:
    """Keys as a terminal delivers a fast typist's burst: handed over, none handled yet."""
    driver = app._driver
    assert driver is not None
    for char in text:
        driver.send_message(_key(char))


def _handed_to_the_field(app: PeerprepApp, text: str) -> None:
    """Keys the app has handed to the focused field, which has not taken them in yet
    (where a burst is when the terminal closes a moment after it)."""
    field = app.focused
    assert isinstance(field, Answer)
    for char in text:
        field.post_message(_key(char))


def _burst_text(n: int) -> str:
    return "".join(LETTERS[(i * 7) % len(LETTERS)] if i % 6 else " " for i in range(n)).strip()


async def _until_gone(app: PeerprepApp, pilot, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while app.return_code is None and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    assert app.return_code == 0, "the program did not leave"


def _part1(data_dir: Path) -> str:
    files = saved_files(data_dir)
    assert len(files) == 1, files
    return files[0]["statement"]["introduction"]


def _no_lock(data_dir: Path) -> None:
    assert not list((data_dir / "locks").glob("*.lock"))


async def test_a_burst_then_ctrl_q_keeps_every_key(make_app, data_dir: Path) -> None:
    app = make_app("new")
    text = _burst_text(260)
    async with app.run_test(size=SIZE) as pilot:
        _burst(app, text)
        app._driver.send_message(events.Key("ctrl+q", None))
        await _until_gone(app, pilot)
    assert _part1(data_dir) == text
    _no_lock(data_dir)


async def test_a_paste_then_ctrl_q_keeps_the_paste(make_app, data_dir: Path) -> None:
    app = make_app("new")
    text = ("Jeg vil gerne være med til at bestemme. " * 80)[:3000]
    async with app.run_test(size=SIZE) as pilot:
        app._driver.send_message(events.Paste(text))
        app._driver.send_message(events.Key("ctrl+q", None))
        await _until_gone(app, pilot)
    assert _part1(data_dir) == text


async def test_a_burst_then_a_closed_terminal_keeps_every_key(make_app, data_dir: Path) -> None:
    app = make_app("new")
    text = _burst_text(290)
    async with app.run_test(size=SIZE) as pilot:
        _handed_to_the_field(app, text)
        app._terminated()  # what SIGHUP and SIGTERM call, at once
        await _until_gone(app, pilot)
    assert _part1(data_dir) == text
    _no_lock(data_dir)


async def test_a_closed_console_window_keeps_every_key(make_app, data_dir: Path) -> None:
    # Windows calls its console handler on a thread of its own and ends the program a
    # few seconds later; console_closed() returns once the words are on disk.
    app = make_app("new")
    text = _burst_text(200)
    async with app.run_test(size=SIZE) as pilot:
        _handed_to_the_field(app, text)
        assert await asyncio.to_thread(app.console_closed)
        assert _part1(data_dir) == text
        _no_lock(data_dir)
        await _until_gone(app, pilot)


async def test_steady_typing_is_saved_with_the_shipped_delays(
    data_dir: Path, config_dir: Path
) -> None:
    """A key every 150 ms for five seconds: the pause never comes, the ceiling does."""
    save_settings(config_dir, Settings(cursor_blink=False, welcomed=True))
    app = PeerprepApp(
        store=Store(data_dir),
        language="da",
        data_dir=data_dir,
        config_dir=config_dir,
        start=Start(command="new"),
    )
    assert (app.session.autosave.pause, app.session.autosave.ceiling) == (
        SAVE_AFTER_PAUSE,
        SAVE_AT_THE_LATEST,
    )
    typed: list[tuple[float, str]] = []  # when each prefix was in the field
    worst = 0.0
    async with app.run_test(size=SIZE) as pilot:
        answer = app.screen.query_one(Answer)
        began = time.monotonic()
        text = ""
        while time.monotonic() - began < 5.0:
            await pilot.press("a" if len(text) % 5 else "space")
            text = answer.text
            typed.append((time.monotonic(), text))
            on_disk = saved_files(data_dir)
            disk = on_disk[0]["statement"]["introduction"] if on_disk else ""
            # how long ago the newest text on disk was typed
            assert text.startswith(disk)
            since = next((at for at, prefix in typed if len(prefix) > len(disk)), None)
            if since is not None:
                worst = max(worst, time.monotonic() - since)
            status = str(app.screen.query_one("#status").render())
            assert "Gemt kl." not in status or disk == text  # "saved" only for what is
            await asyncio.sleep(0.15)
    # the oldest word not on disk was never more than the ceiling and a little old
    assert 0 < worst < SAVE_AT_THE_LATEST + 0.5, worst


# --- limits that speak --------------------------------------------------------------------


async def _click(pilot, selector: str) -> None:
    await pilot.click(selector)
    await pilot.pause()


async def test_a_paste_too_long_for_a_part_is_said_kept_and_asked_about(
    make_app, data_dir: Path
) -> None:
    from peerprep.model import PART_MAX
    from peerprep.tui.dialogs.unsaved import UnsavedWordsDialog

    from .helpers import screen_words

    app = make_app("new")
    text = ("Mit liv er mere end min diagnose. " * 200)[: PART_MAX - 10] + "SIDSTE ORD TIL SLUT"
    async with app.run_test(size=SIZE) as pilot:
        answer = app.screen.query_one(Answer)
        app._driver.send_message(events.Paste(text))
        await pilot.pause()
        assert answer.text == text[:PART_MAX]  # what fits is in
        said = screen_words(app)
        assert f"Fuld: {PART_MAX} tegn" in said  # the count at the field
        assert "9 tegn kom ikke med" in said and "TIL SLUT" in said  # and the rest, shown
        await pilot.press(*"mere")  # typing on at the limit: it joins the rest, on screen
        assert answer.text == text[:PART_MAX]
        assert "13 tegn kom ikke med" in screen_words(app)
        await pilot.press("ctrl+q")  # leaving would lose them: it asks
        await pilot.pause()
        assert isinstance(app.screen, UnsavedWordsDialog)
        assert "13 tegn" in screen_words(app)
        await pilot.press("escape")  # stay
        await pilot.pause()
        # make room, and put in what fits now
        answer.focus()
        await pilot.press("end", *["backspace"] * 20)
        await _click(pilot, "#leftover-put")
        assert answer.text.endswith(" TIL SLUTmere")  # the rest, after what was left
        assert len(answer.text) == PART_MAX - 20 + 13
        assert "kom ikke med" not in screen_words(app)
        await pilot.press("ctrl+q")  # nothing left over: no question
        await _until_gone(app, pilot)
    assert _part1(data_dir).endswith(" TIL SLUTmere")


async def test_a_link_too_long_for_a_one_line_field_is_said_and_kept(
    make_app, data_dir: Path
) -> None:
    from peerprep.model import SHORT_MAX
    from peerprep.tui.dialogs.unsaved import UnsavedWordsDialog
    from peerprep.tui.screens.meeting import MeetingScreen
    from peerprep.tui.widgets.fields import Field

    from .helpers import screen_words

    link = "https://møde.example.dk/rum/" + "abcdefghij" * 29  # 318 characters
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")  # a new preparation opens at the meeting
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        place = app.screen.query_one("#place", Field)
        place.focus()
        app._driver.send_message(events.Paste(link[:100] + "\n" + link[100:]))  # two lines
        await pilot.pause()
        assert place.value == (link[:100] + " " + link[100:])[:SHORT_MAX]  # every line kept
        said = screen_words(app)
        assert f"Fuld: {SHORT_MAX} tegn" in said
        assert "»Sted« kan højst have 300 tegn. 19 tegn kom ikke med" in said
        await pilot.press("end", "x")  # typed at the limit: it joins what is shown
        assert len(place.value) == SHORT_MAX
        assert "»Sted« kan højst have 300 tegn. 20 tegn kom ikke med" in screen_words(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedWordsDialog)
        await pilot.press("escape")
        await pilot.pause()
        await _click(pilot, "#leftover-forget")  # the person lets it go, on purpose
        assert "kom ikke med" not in screen_words(app)
        await pilot.press("ctrl+q")
        await _until_gone(app, pilot)
    assert saved_files(data_dir)[0]["meeting"]["place"] == (link[:100] + " " + link[100:])[:300]


async def test_quitting_with_text_left_over_can_leave_on_purpose(make_app, data_dir: Path) -> None:
    from peerprep.model import QUESTION_MAX
    from peerprep.tui.screens.questions import QuestionsScreen
    from peerprep.tui.widgets.fields import Field

    from .helpers import screen_words

    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        app.go_to("questions")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        app._driver.send_message(events.Paste("Hvorfor? " * 120))  # 1080 characters
        await pilot.pause()
        assert len(app.screen.query_one("#question", Field).value) == QUESTION_MAX
        assert "kom ikke med" in screen_words(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await _click(pilot, "#leave")  # "Close anyway (the text is lost)"
        await _until_gone(app, pilot)
    assert len(saved_files(data_dir)[0]["questions"][0]) <= QUESTION_MAX


async def test_in_memory_nothing_ever_claims_a_save(make_app) -> None:
    """A shared computer keeps the words in memory only: the status and Ctrl+S never say
    "saved", before, during or after a save."""
    from peerprep.store import MemoryStore

    from .helpers import screen_words, settle

    app = make_app("new", store=MemoryStore())
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        for char in "mine ord":
            await pilot.press("space" if char == " " else char)
            seen.append(str(app.screen.query_one("#status").render()))
        await settle(app, pilot)
        seen.append(str(app.screen.query_one("#status").render()))
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = screen_words(app)
        assert "Gemmes ikke her" in said
        assert not any("Gemt" in words or "gemt endnu" in words for words in [*seen, said])
