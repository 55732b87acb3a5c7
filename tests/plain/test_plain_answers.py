"""An answer of several lines ends only when the person says so, so a pasted answer stays
one answer; lists of preparations that can be told apart; the questions many people ask;
after the meeting; a friendlier line when nothing was written."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from plain_driving import drive, saved

from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.words import catalogue

DA = catalogue("da")

TWO_PARAGRAPHS = [
    "Jeg hedder Kim og bor i Vejle.",
    "Jeg kan lide at cykle.",
    "",
    "Om vinteren går jeg til svømning.",
    "",
]


def test_a_pasted_answer_of_two_paragraphs_stays_one_answer(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    # new, no meeting; part 1 is the pasted text, blank lines and all, then "slut"
    back = ["tilbage"] * 3  # part 3 -> part 2 -> part 1 -> the preparation's menu
    script = ["1", "", *TWO_PARAGRAPHS, "slut", "Min søster.", "slut", *back, "0", "stop"]
    code, _out = drive(monkeypatch, script)
    assert code == 0
    [prep] = saved(data_dir)
    assert prep["statement"]["introduction"] == (
        "Jeg hedder Kim og bor i Vejle.\nJeg kan lide at cykle.\n\n"
        "Om vinteren går jeg til svømning."
    )
    assert prep["statement"]["important"] == "Min søster."


def test_the_end_of_input_keeps_a_whole_pasted_answer(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    code, _out = drive(monkeypatch, ["1", "", *TWO_PARAGRAPHS])
    assert code == 0
    assert saved(data_dir)[0]["statement"]["introduction"].endswith("svømning.")


def test_an_existing_answer_is_kept_on_enter(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    drive(monkeypatch, ["1", "", "Første.", "slut", "tilbage", "tilbage", "0", "stop"])
    # open, part 1: Enter keeps it (said under the choices)
    code, out = drive(monkeypatch, ["2", "1", "3", "", "0", "stop"])
    assert code == 0
    assert DA.text("plain.menu_enter", label=DA.text("plain.existing.keep")) in out
    assert DA.text("plain.kept") in out
    assert saved(data_dir)[0]["statement"]["introduction"] == "Første."


# --- lists that can be told apart ---------------------------------------------------------


def _untitled(store: Store, words: str, minutes_ago: int) -> Preparation:
    prep = Preparation.new("da")
    prep.set_part("introduction", words)
    prep.updated_at = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=minutes_ago)
    store.save(prep)
    return prep


def test_three_untitled_preparations_can_be_told_apart(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, store: Store
) -> None:
    for words, ago in (("Jeg hedder Kim.", 0), ("Jeg hedder Bo.", 70), ("Jeg er far.", 140)):
        _untitled(store, words, ago)
    code, out = drive(monkeypatch, ["2", "0", "stop"])
    assert code == 0
    entries = [line for line in out.splitlines() if line[:3] in ("1. ", "2. ", "3. ")]
    entries = [e for e in entries if "Forberedelse begyndt" in e]
    assert len(entries) == 3 and len(set(entries)) == 3
    for entry in entries:
        assert "Ændret " in entry and "klokken" in entry and "Den begynder: Jeg " in entry
        # "klokken 18:21", and on the hour "klokken 1" (words.dates.say_time)
        assert re.search(r"Ændret (i dag|i går|\w+dag den .+?) klokken \d{1,2}(:\d{2})?\. ", entry)
    changed = {e.split("Ændret ")[1].split(". Den")[0] for e in entries}
    assert len(changed) == 3  # when each was changed, 18:21 and never 18.21


def test_an_entry_with_an_own_title_names_its_meeting_in_words(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, store: Store
) -> None:
    prep = Preparation.new("da")
    prep.title = "Min plan"
    prep.meeting.kind = "discharge"
    prep.meeting.date = dt.date.today() + dt.timedelta(days=400)
    store.save(prep)
    code, out = drive(monkeypatch, ["2", "0", "stop"])
    assert code == 0
    day = prep.meeting.date
    assert f"1. Min plan. Udskrivningsmøde, {DA.list('dates.weekdays')[day.weekday()]} den" in out
    assert f"{day.year}. {DA.text('plain.filled.none')} Ændret i dag klokken" in out


def test_nothing_written_is_said_kindly(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """Skipping everything: no "Godt gået. Du har skrevet 0 af de fire dele"."""
    code, out = drive(monkeypatch, ["1", "", "", "", "", "", "", "stop"])
    assert code == 0
    assert DA.text("plain.walk_done.none") in out
    assert "0 af" not in out and "Godt gået" not in out


# --- questions ------------------------------------------------------------------------------


def test_the_questions_many_people_ask(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    common = DA.list("tui.questions.common")  # the same list as the full screen's
    # new, no meeting, part 1, back; questions (7), choose from the list (2): the second,
    # then the second again (already there), back, back, home, stop
    back = ["tilbage"] * 2  # part 2 -> part 1 -> the preparation's menu
    script = ["1", "", "Kim.", "slut", *back, "7", "2", "2", "2", "0", "0", "0", "stop"]
    code, out = drive(monkeypatch, script)
    assert code == 0
    assert saved(data_dir)[0]["questions"] == [common[1]]
    assert DA.text("plain.suggested_added", question=common[1]) in out
    assert DA.text("plain.suggested_taken", text=common[1]) in out  # marked in words
    assert DA.text("plain.suggested_already") in out


def test_a_pasted_list_of_questions(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    script = ["1", "", "", "", "", "", "ja", "Hvem ringer jeg til?", "", "Hvad så nu?", "slut"]
    code, _out = drive(monkeypatch, [*script, "0", "stop"])
    assert code == 0
    assert saved(data_dir)[0]["questions"] == ["Hvem ringer jeg til?", "Hvad så nu?"]


def test_after_the_meeting(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    script = ["1", "", "Kim.", "slut", "tilbage", "tilbage", "11", "Ny tid.", "", "Mere.", "slut"]
    script += ["Ring til Bo.", "slut", "0", "stop"]
    code, out = drive(monkeypatch, script)
    assert code == 0
    assert saved(data_dir)[0]["after_meeting"] == {
        "agreed": "Ny tid.\n\nMere.",
        "next_steps": "Ring til Bo.",
    }
    assert DA.text("plain.after.about") in out
