"""One command scheme, in words a voice says aloud, honoured at every prompt: help says
what can be typed there, back goes back one step, stop stops; in an answer only the word
for end ends it."""

from __future__ import annotations

from pathlib import Path

import pytest
from plain_driving import drive, saved

from peerprep.words import catalogue

DA = catalogue("da")
ALWAYS = DA.text("plain.help.always")


def test_the_scheme_is_announced_once(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    code, out = drive(monkeypatch, ["1", "", "slut", "tilbage", "0", "stop"])
    assert code == 0
    assert out.count(DA.text("plain.commands_about")) == 1
    assert out.count(DA.text("plain.menu_hint")) == 1  # said under the first menu only


@pytest.mark.parametrize(
    ("script", "help_key"),
    [
        (["hjælp"], "plain.help.menu"),  # a menu
        (["1", "hjælp"], "plain.help.yes_no"),  # "the meeting first?"
        (["1", "ja", "", "hjælp"], "plain.help.field"),  # a meeting field
        (["1", "", "hjælp"], "plain.help.part"),  # the first line of a part
        (["1", "", "Hej", "slut", "hjælp"], "plain.help.text"),  # part 2 uses the short hint
    ],
    ids=["menu", "yes-no", "field", "part", "second-part"],
)
def test_help_works_at_every_prompt(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, script: list[str], help_key: str
) -> None:
    code, out = drive(monkeypatch, [*script, "stop"])
    assert code == 0
    assert DA.text(help_key) in out  # said only when asked for
    assert ALWAYS in out


@pytest.mark.parametrize(
    "script",
    [
        ["stop"],  # home
        ["1", "stop"],  # the meeting first?
        ["1", "ja", "stop"],  # the meeting's kind
        ["1", "ja", "", "stop"],  # the date
        ["1", "ja", "", "", "", "stop"],  # the place
        ["1", "", "stop"],  # the first line of part 1
        ["1", "", "", "", "", "", "stop"],  # "questions?"
    ],
    ids=["home", "yes-no", "kind", "date", "place", "part", "questions"],
)
def test_stop_works_at_every_prompt(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, script: list[str]
) -> None:
    code, out = drive(monkeypatch, script)
    assert code == 0
    # the goodbye claims a save only when something was saved (issue 13)
    goodbye = "plain.goodbye" if saved(data_dir) else "plain.goodbye_nothing"
    assert out.rstrip().endswith(DA.text(goodbye))
    assert "Traceback" not in out
    assert not saved(data_dir) or saved(data_dir)[0]["meeting"]["place"] != "stop"


@pytest.mark.parametrize(
    "script",
    [
        ["1", "tilbage"],  # the meeting first? -> the preparation's menu
        ["1", "ja", "", "tilbage", "tilbage"],  # the date -> the kind -> the menu
        ["1", "", "tilbage"],  # the first line of part 1 -> the menu
    ],
    ids=["yes-no", "date", "part"],
)
def test_back_from_the_first_step_leaves_for_the_menu(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, script: list[str]
) -> None:
    code, out = drive(monkeypatch, [*script, "0", "stop"])
    assert code == 0
    assert DA.text("plain.menu.walk") in out  # the preparation's menu
    [prep] = saved(data_dir) or [None]
    # "0" and "stop" did not land in an answer: they went home and stopped
    assert prep is None or prep["statement"]["introduction"] == ""
    goodbye = "plain.goodbye" if prep is not None else "plain.goodbye_nothing"
    assert out.rstrip().endswith(DA.text(goodbye))


def test_back_at_home_says_there_is_nothing_before_it(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    """The first menu has nothing before it: back says so (a newcomer heard only the
    same menu again, and could not tell whether the word was understood)."""
    code, out = drive(monkeypatch, ["tilbage", "stop"])
    assert code == 0
    assert "Du er allerede ved starten. Skriv stop, hvis du vil stoppe." in out
    assert out.count(DA.text("plain.home.title")) == 2  # and the menu, asked again


def _heard_after(out: str, marker: str) -> str:
    return out[out.rindex(marker) :]


def test_back_goes_one_step_back_through_the_walk(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    """The word for back is one step back, as the start says ("Skriv tilbage for at gå et
    trin tilbage"): from part 3 to part 2's question with its words read back, then to
    part 1, to the meeting (the kind), and from there to the menu. A newcomer typed it in
    part 3 and landed in the preparation's menu."""
    script = ["1", "ja", "", "", "", "", "", "", "", "Kim.", "slut", "Ro.", "slut"]
    script += ["tilbage"]  # part 3 -> part 2
    script += ["tilbage"]  # part 2 (its words read back, and what to do with them) -> part 1
    heading = {n: DA.text("plain.part_heading", n=n, title=DA.part(k).title) for n, k in
               ((1, "introduction"), (2, "important"), (3, "help_with"))}  # fmt: skip
    code, out = drive(monkeypatch, [*script, "stop"])
    assert code == 0
    last = _heard_after(out, heading[3])
    assert heading[2] in last and DA.part("important").starter in last
    back_in_2 = _heard_after(last, heading[2])
    assert DA.text("plain.you_wrote") in back_in_2 and "Ro." in back_in_2  # read back
    back_in_1 = _heard_after(back_in_2, heading[1])
    assert "Kim." in back_in_1
    assert DA.text("plain.menu.walk") not in last  # never the menu on the way
    statement = saved(data_dir)[0]["statement"]
    assert (statement["introduction"], statement["important"]) == ("Kim.", "Ro.")  # kept


def test_back_from_part_one_goes_to_the_meeting_and_from_there_to_the_menu(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    meeting = DA.text("plain.meeting_about")
    part_1 = DA.text("plain.part_heading", n=1, title=DA.part("introduction").title)
    script = ["1", "ja", "", "", "", "Afsnit 3", "", "", ""]  # the meeting
    script += ["tilbage"]  # part 1 -> the meeting, from its first step (the kind)
    script += ["tilbage"]  # the kind -> the preparation's menu
    code, out = drive(monkeypatch, [*script, "0", "stop"])
    assert code == 0
    after_part_1 = _heard_after(out, part_1)
    assert meeting in after_part_1
    assert DA.text("plain.menu.walk") in _heard_after(after_part_1, meeting)
    [prep] = saved(data_dir)
    assert prep["meeting"]["place"] == "Afsnit 3"  # kept: nothing typed landed anywhere
    assert prep["statement"]["introduction"] == ""


def test_back_at_the_questions_goes_to_part_four(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    part_4 = DA.text("plain.part_heading", n=4, title=DA.part("so_that").title)
    script = ["1", "", "", "", "", "Så jeg kan.", "slut", "tilbage"]
    code, out = drive(monkeypatch, [*script, "stop"])
    assert code == 0
    after_offer = _heard_after(out, DA.text("plain.questions_offer"))
    assert part_4 in after_offer and "Så jeg kan." in after_offer


def test_enter_keeps_the_kind_right_after_being_told_so(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    code, out = drive(monkeypatch, ["1", "ja", "", "", "", "Afsnit 3", "stop"])
    assert code == 0
    keep = DA.text("plain.menu_enter", label=DA.text("plain.keep_as_is"))
    assert keep in out
    assert DA.text("plain.not_understood", lowest=0, highest=7) not in out
    [prep] = saved(data_dir)
    assert prep["meeting"]["kind"] == "other" and prep["meeting"]["place"] == "Afsnit 3"


def test_remove_takes_a_field_away(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    drive(monkeypatch, ["1", "ja", "", "", "", "Afsnit 3", "stop"])
    # open it, the meeting (2), keep the kind, date, time; remove the place; stop
    code, out = drive(monkeypatch, ["2", "1", "2", "", "", "", "fjern", "stop"])
    assert code == 0
    assert DA.text("plain.field_now", value="Afsnit 3") in out
    assert DA.text("plain.field_removed") in out
    assert saved(data_dir)[0]["meeting"]["place"] == ""


def test_ideas_examples_and_peer_by_word(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    code, out = drive(
        monkeypatch, ["1", "", "idéer", "eksempler", "støtte", "tilbage", "0", "stop"]
    )
    assert code == 0
    part = DA.part("introduction")
    assert part.prompts[0] in out and part.examples[0] in out and part.peer[0] in out
    assert saved(data_dir) == []  # nothing written: the words were commands


def test_old_symbols_are_text_not_commands(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """q, 0, ? and - were commands once; in an answer they are the person's words."""
    code, out = drive(monkeypatch, ["1", "", "q", "0", "?", "-", "stop", "slut", "tilbage", "0"])
    assert code == 0
    # and the start said so: "four words always work" alone was not true (a newcomer)
    start = out[: out.index(DA.part("introduction").starter)]
    assert "Fire ord virker altid, undtagen midt i et svar" in start
    assert saved(data_dir)[0]["statement"]["introduction"] == "q\n0\n?\n-\nstop"


def test_english_words(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    en = catalogue("en")
    code, out = drive(
        monkeypatch, ["1", "", "help", "I draw.", "end", "back", "0", "stop"], "--lang", "en"
    )
    assert code == 0
    assert en.text("plain.help.part") in out
    assert saved(data_dir)[0]["statement"]["introduction"] == "I draw."


def test_back_in_the_meeting_goes_to_the_field_before(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    time_question = DA.text("plain.field.time")
    script = ["1", "ja", "", "", "10.30", "tilbage"]  # the kind, the date, the time; the place
    code, out = drive(monkeypatch, [*script, "", "Afsnit 3", "stop"])  # time kept, a place
    assert code == 0
    back = _heard_after(out, DA.text("plain.field.place"))
    assert out.count(time_question) == 2 and time_question not in back
    asked_again = _heard_after(out, time_question)
    assert DA.text("plain.field_now", value="klokken 10:30") in asked_again  # its value said
    assert saved(data_dir)[0]["meeting"]["place"] == "Afsnit 3"
