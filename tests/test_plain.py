"""Line-by-line mode, driven completely from piped input: a script of answers in, the
saved preparation checked on disk (and in memory for --shared)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerprep import cli
from peerprep.model import Preparation
from peerprep.plain.console import clean_line
from peerprep.words import catalogue
from peerprep.words.naming import spoken_title


def drive(
    monkeypatch: pytest.MonkeyPatch,
    answers: list[str] | bytes,
    *argv: str,
    encoding: str = "utf-8",
) -> tuple[int, str]:
    """Run `peerprep --plain ...` through the real command line with `answers` as stdin."""
    data = answers if isinstance(answers, bytes) else "".join(a + "\n" for a in answers).encode()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict")
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    code = cli.main(["--plain", *argv])
    stdout.flush()
    return code, stdout.buffer.getvalue().decode(encoding)


def saved(data_dir: Path) -> list[dict]:
    folder = data_dir / "preparations"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


# A whole preparation in Danish: home -> new -> meeting -> four parts -> questions -> menu.
DANISH_SCRIPT = [
    "1",  # home: begin a new preparation
    "ja",  # write about the meeting first
    "2",  # kind: udskrivningsmøde
    "24.3.2026",
    "kl. 9.30",
    "Afsnit Ø2, Århus",
    "min læge, min kontaktperson; min mor",
    "Åse",
    "Mødet om at komme hjem",
    # part 1: asks for help questions first, then two lines; "slut" ends the answer
    "idéer",
    "Jeg hedder Søren og bor i Ærøskøbing.",
    "Jeg elsker at stå på skateboard.",
    "slut",
    # part 2: examples first
    "eksempler",
    "At komme i skole igen.",
    "slut",
    # part 3: the peer's questions first
    "støtte",
    "Min angst, når der er mange mennesker.",
    "slut",
    # part 4
    "At tage min eksamen.",
    "slut",
    "ja",  # questions
    "Hvornår kan jeg komme hjem?",
    "Hvem kan jeg ringe til?",
    "slut",
    "8",  # read it all
    "0",  # not now: no file
    "stop",
]


def test_a_whole_preparation_in_danish(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    code, out = drive(monkeypatch, DANISH_SCRIPT, "--lang", "da")
    assert code == 0
    [prep] = saved(data_dir)
    assert prep["language"] == "da"
    assert prep["title"] == "Mødet om at komme hjem"
    assert prep["meeting"] == {
        "kind": "discharge",
        "date": "2026-03-24",
        "time": "09:30:00",
        "place": "Afsnit Ø2, Århus",
        "attendees": ["min læge", "min kontaktperson", "min mor"],
        "companion": "Åse",
    }
    assert prep["statement"] == {
        "introduction": "Jeg hedder Søren og bor i Ærøskøbing.\nJeg elsker at stå på skateboard.",
        "important": "At komme i skole igen.",
        "help_with": "Min angst, når der er mange mennesker.",
        "so_that": "At tage min eksamen.",
    }
    assert prep["questions"] == ["Hvornår kan jeg komme hjem?", "Hvem kan jeg ringe til?"]
    cat = catalogue("da")
    # each part shows its starter and what it is for; ?, e and p showed their lists
    for key in ("introduction", "important", "help_with", "so_that"):
        assert cat.part(key).starter in out
        assert cat.part(key).about[0] in out
    assert cat.part("introduction").prompts[0] in out
    assert cat.part("important").examples[0] in out
    assert cat.part("help_with").peer[0] in out
    # the review read the statement back, in order
    review = out[out.index(cat.text("plain.review_heading", title=prep["title"])) :]
    assert review.index("Søren") < review.index("skole") < review.index("angst")
    assert cat.text("plain.saved") in out
    assert "\x1b" not in out  # no colours, no cursor movement


ENGLISH_SCRIPT = [
    "1",
    "",  # skip the meeting
    "I am Sam. I like to draw.",
    "end",
    "",  # skip part 2
    "Sleeping better.",
    "end",
    "So that I can work.",
    "end",
    "",  # no questions
    "stop",
]


def test_a_preparation_in_english(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    code, out = drive(monkeypatch, ENGLISH_SCRIPT, "--lang", "en")
    assert code == 0
    [prep] = saved(data_dir)
    assert prep["language"] == "en"
    assert prep["statement"]["introduction"] == "I am Sam. I like to draw."
    assert prep["statement"]["important"] == ""
    assert prep["statement"]["help_with"] == "Sleeping better."
    cat = catalogue("en")
    assert cat.part("help_with").starter in out
    assert cat.text("plain.skipped") in out
    assert cat.text("plain.walk_done.some", n=3) in out
    assert cat.text("plain.goodbye") in out


def _one_saved(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> dict:
    drive(monkeypatch, ["1", "", "Første tekst.", "slut", "tilbage", "tilbage", "0", "stop"])
    [prep] = saved(data_dir)
    return prep


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("", "Første tekst."),  # Enter keeps it
        ("1", "Første tekst."),
        ("2", "Ny tekst."),  # written again
        ("3", "Første tekst.\nNy tekst."),  # added to
    ],
)
def test_an_existing_answer_is_kept_replaced_or_added_to(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, choice: str, expected: str
) -> None:
    _one_saved(monkeypatch, data_dir)
    # home -> open (2) -> the first one -> part 1 is option 3 in the preparation menu
    script = ["2", "1", "3", choice]
    if choice in ("2", "3"):
        script += ["Ny tekst.", "slut"]
    code, out = drive(monkeypatch, [*script, "0", "stop"])
    assert code == 0
    [prep] = saved(data_dir)
    assert prep["statement"]["introduction"] == expected
    assert "Første tekst." in out  # the old answer was read back before the choice


def test_end_of_input_in_the_middle_of_an_answer_saves_it(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    code, out = drive(monkeypatch, ["1", "", "Jeg skrev dette,", "og så sluttede det"])
    assert code == 0
    [prep] = saved(data_dir)
    assert prep["statement"]["introduction"] == "Jeg skrev dette,\nog så sluttede det"
    assert catalogue("da").text("plain.goodbye") in out
    assert "Traceback" not in out


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=len(DANISH_SCRIPT)))
def test_input_may_end_anywhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cut: int) -> None:
    data_dir = tmp_path / f"cut-{cut}"
    monkeypatch.setenv("PEERPREP_DATA_DIR", str(data_dir))
    code, out = drive(monkeypatch, DANISH_SCRIPT[:cut])
    assert code == 0
    assert "Traceback" not in out
    for prep in saved(data_dir):
        # every line typed into a part before the end is in the saved file
        typed_parts = [a for a in DANISH_SCRIPT[9:cut] if a.endswith(".")]
        body = json.dumps(prep, ensure_ascii=False)
        assert all(line in body for line in typed_parts)
    assert not list((data_dir / "locks").glob("*.lock")) if (data_dir / "locks").exists() else True


def test_ctrl_c_saves_and_leaves_calmly(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    class Interrupted(io.BytesIO):
        def readline(self, *args: object) -> bytes:
            line = super().readline()
            if not line:
                raise KeyboardInterrupt
            return line

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Interrupted(b"1\n\nMine ord\n")))
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main(["--plain"]) == 0
    assert saved(data_dir)[0]["statement"]["introduction"] == "Mine ord"


def test_questions_can_be_added_and_removed(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    _one_saved(monkeypatch, data_dir)
    script = ["2", "1", "7", "1", "Spørgsmål et?", "Spørgsmål to?", "slut", "3", "1", "0", "0"]
    script += ["stop"]
    code, out = drive(monkeypatch, script)
    assert code == 0
    assert saved(data_dir)[0]["questions"] == ["Spørgsmål to?"]
    assert catalogue("da").text("plain.question_removed", question="Spørgsmål et?") in out


def test_after_the_meeting_and_a_copy_for_the_next(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    _one_saved(monkeypatch, data_dir)
    script = ["2", "1", "11", "Vi aftalte en ny tid.", "slut", "Ring til Bo.", "slut", "12", "0"]
    script += ["stop"]
    code, _out = drive(monkeypatch, script)
    assert code == 0
    preps = saved(data_dir)
    assert len(preps) == 2
    old = next(p for p in preps if p["after_meeting"]["agreed"])
    new = next(p for p in preps if not p["after_meeting"]["agreed"])
    assert old["after_meeting"] == {"agreed": "Vi aftalte en ny tid.", "next_steps": "Ring til Bo."}
    assert new["statement"]["introduction"] == "Første tekst."


def test_a_wrong_date_is_asked_again(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    script = ["1", "ja", "", "snart", "31.2.2026", "1.2.26", "", "", "", "", "", "tilbage", "0"]
    script += ["stop"]
    code, out = drive(monkeypatch, script)
    assert code == 0
    cat = catalogue("da")
    assert cat.text("dates.date_unreadable", text="snart") in out
    assert cat.text("dates.date_impossible", text="31.2.2026") in out
    assert saved(data_dir)[0]["meeting"]["date"] == "2026-02-01"
    assert "søndag den 1. februar" in out  # said back in words, as the full screen says it


def test_list_and_delete_say_what_happens(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    _one_saved(monkeypatch, data_dir)
    cat = catalogue("da")
    # first say no: nothing is deleted
    code, out = drive(monkeypatch, ["4", "1", "", "stop"])
    assert code == 0
    assert cat.text("plain.delete_confirm") in out
    assert cat.text("plain.not_deleted") in out
    assert len(saved(data_dir)) == 1
    # the list shows how far along it is
    prep = saved(data_dir)[0]
    title = spoken_title(cat, Preparation.model_validate(prep))
    assert title.startswith("Forberedelse begyndt den ")
    assert f"1. {title}. Du har skrevet 1 af 4 dele. Ændret i dag klokken " in out
    # then yes
    code, out = drive(monkeypatch, ["4", "1", "ja", "stop"])
    assert code == 0
    assert saved(data_dir) == []
    assert cat.text("plain.deleted", title=title) in out


def test_delete_from_inside_a_preparation(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    _one_saved(monkeypatch, data_dir)
    code, _out = drive(monkeypatch, ["2", "1", "13", "ja", "stop"])
    assert code == 0
    assert saved(data_dir) == []
    assert not list((data_dir / "locks").glob("*"))


def test_open_by_id_and_new_straight_away(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prep_id = _one_saved(monkeypatch, data_dir)["id"]
    code, out = drive(monkeypatch, ["8", "0", "stop"], "open", prep_id)
    assert code == 0
    assert "Første tekst." in out
    capsys.readouterr()
    code, out = drive(monkeypatch, ["stop"], "open", "no-such-id")
    assert code == 1
    # said in one line before line-by-line mode starts, as the full screen does
    assert catalogue("da").text("errors.unknown_id", id="no-such-id") in capsys.readouterr().err
    code, _out = drive(monkeypatch, ["", "Hej.", "slut", "tilbage"], "new")
    assert code == 0
    assert len(saved(data_dir)) == 2


def test_a_preparation_open_elsewhere_is_not_opened(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    import socket
    import time

    prep_id = _one_saved(monkeypatch, data_dir)["id"]
    # another live process on this machine holds the lock
    holder = {"pid": os.getppid(), "host": socket.gethostname(), "created_at": time.time()}
    (data_dir / "locks").mkdir(exist_ok=True)
    (data_dir / "locks" / f"{prep_id}.lock").write_text(json.dumps(holder), encoding="utf-8")
    code, out = drive(monkeypatch, ["2", "1", "stop"])
    assert code == 0
    assert catalogue("da").text("errors.locked", host=holder["host"], pid=holder["pid"]) in out
    assert saved(data_dir)[0]["statement"]["introduction"] == "Første tekst."


def test_a_failed_save_prints_the_text_so_nothing_is_lost(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    from peerprep.store import Store, StoreError

    def full_disk(self: Store, prep: object) -> Path:
        raise StoreError("errors.disk_full", path=str(self.root))

    monkeypatch.setattr(Store, "save", full_disk)
    code, out = drive(monkeypatch, ["1", "", "Ord der ikke må gå tabt.", "slut"])
    assert code == 0
    cat = catalogue("da")
    assert cat.text("errors.disk_full", path=str(data_dir)) in out
    assert cat.text("plain.rescue") in out
    assert out.rindex("Ord der ikke må gå tabt.") > out.index(cat.text("plain.rescue"))
    assert cat.text("plain.goodbye_not_saved") in out


def test_shared_mode_keeps_nothing_on_disk(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    code, out = drive(monkeypatch, ENGLISH_SCRIPT, "--shared", "--lang", "en")
    assert code == 0
    assert not data_dir.exists()
    cat = catalogue("en")
    assert cat.text("shared.welcome") in out
    assert cat.text("plain.goodbye_memory") in out


def test_shared_mode_offers_to_take_the_sheet_along_on_stop(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    script = ["1", "", "Mine ord.", "slut", "tilbage", "tilbage", "0", "stop", "3"]
    code, out = drive(monkeypatch, script, "--shared")
    assert code == 0
    assert catalogue("da").text("shared.leave.title") in out
    assert catalogue("da").text("shared.leave.why") in out
    assert not data_dir.exists()


# --- text in and out ----------------------------------------------------------------------


def test_danish_letters_survive_an_ascii_terminal(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    code, out = drive(monkeypatch, ["1", "", "Blåbærgrød på Ærø.", "slut"], encoding="ascii")
    assert code == 0
    assert "Saadan vil jeg introducere mig selv" in out  # Sådan, spelled the Danish way
    assert saved(data_dir)[0]["statement"]["introduction"] == "Blåbærgrød på Ærø."


def test_input_in_a_latin_1_terminal_is_understood(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    script = b"1\n\n" + "Søren på Ærø\nslut\n".encode("latin-1")
    code, _out = drive(monkeypatch, script)
    assert code == 0
    assert saved(data_dir)[0]["statement"]["introduction"] == "Søren på Ærø"


def test_clean_line_drops_arrow_keys_and_controls() -> None:
    assert clean_line(b"Hej\x1b[D\x1b[Cdu\x07\r\n") == "Hejdu"
    assert clean_line("\ufeffÅse\tOle\n".encode()) == "Åse Ole"


def test_real_process_from_a_pipe_without_textual(tmp_path: Path) -> None:
    """The installed entry point, a real pipe, an odd output encoding: and no Textual."""
    code = (
        "import sys; from peerprep.cli import main; rc = main(['--plain']); "
        "print('TEXTUAL' if 'textual' in sys.modules else 'NO-TEXTUAL'); sys.exit(rc)"
    )
    env = {
        **os.environ,
        "PEERPREP_DATA_DIR": str(tmp_path / "data"),
        "PEERPREP_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHONIOENCODING": "latin-1",
        "LANG": "da_DK.UTF-8",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        input="1\n\nJeg hedder Åse.\nslut\n".encode(),
        capture_output=True,
        env=env,
        timeout=60,
    )
    out = result.stdout.decode("latin-1")
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert out.strip().endswith("NO-TEXTUAL")
    assert "Sådan vil jeg introducere mig selv" in out
    [prep] = saved(tmp_path / "data")
    assert prep["statement"]["introduction"] == "Jeg hedder Åse."


# --- export -------------------------------------------------------------------------------


@pytest.fixture
def export_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "exports"
    monkeypatch.setenv("PEERPREP_EXPORT_DIR", str(folder))
    return folder


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_export_a_pdf_from_the_menu(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, export_dir: Path
) -> None:
    script = [*DANISH_SCRIPT[:-3], "9", "1", "", "0", "stop"]
    code, out = drive(monkeypatch, script)
    assert code == 0
    [pdf] = list(export_dir.glob("*.pdf"))
    assert catalogue("da").text("export.done", path=str(pdf)) in out
    text = _pdf_text(pdf)
    for words in ("Søren", "Ærøskøbing", "skole igen", "angst", "eksamen", "ringe til"):
        assert words in text


def test_export_large_print_and_html_to_a_folder_of_ones_choice(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, export_dir: Path, tmp_path: Path
) -> None:
    stick = tmp_path / "USB stick"
    stick.mkdir()
    _one_saved(monkeypatch, data_dir)
    script = ["2", "1", "9", "2", str(tmp_path / "nowhere"), str(stick), "9", "3", "", "0"]
    code, out = drive(monkeypatch, [*script, "stop"])
    assert code == 0
    assert catalogue("da").text("plain.place.no_folder", path=str(tmp_path / "nowhere")) in out
    [large] = list(stick.glob("*.pdf"))
    assert "Første tekst." in _pdf_text(large)
    [html] = list(export_dir.glob("*.html"))
    assert "Første tekst." in html.read_text(encoding="utf-8")
    # exporting twice never overwrites: the second file gets a new name
    drive(monkeypatch, ["2", "1", "9", "3", "", "0", "stop"])
    assert len(list(export_dir.glob("*.html"))) == 2


def test_shared_mode_export_to_a_stick_counts_as_taken_along(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, export_dir: Path, tmp_path: Path
) -> None:
    from peerprep import drives

    stick = tmp_path / "KIM-USB"
    stick.mkdir()
    monkeypatch.setattr(drives, "removable_places", lambda limit=6: [stick])
    # new, skip the meeting, one part, back to the menu; the sheet (9) as text (4) on the
    # stick (Enter: the first place offered), back, stop: nothing more to ask
    script = ["1", "", "Mine ord.", "slut", "tilbage", "tilbage", "9", "4", "", "0", "stop"]
    code, out = drive(monkeypatch, script, "--shared")
    assert code == 0
    [txt] = list(stick.glob("*.txt"))
    assert "Mine ord." in txt.read_text(encoding="utf-8")
    assert catalogue("da").text("shared.leave.title") not in out
    assert not data_dir.exists() and not export_dir.exists()


def test_large_print_is_one_key_from_the_review(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, export_dir: Path
) -> None:
    _one_saved(monkeypatch, data_dir)
    code, out = drive(monkeypatch, ["2", "1", "8", "2", "", "0", "stop"])
    assert code == 0
    assert catalogue("da").text("plain.export.after_review") in out
    [large] = list(export_dir.glob("*.pdf"))
    assert "Første tekst." in _pdf_text(large)


@pytest.mark.parametrize("language", ["da", "en"])
def test_about_explains_the_words_and_where_things_are(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, language: str
) -> None:
    code, out = drive(monkeypatch, ["3", "stop"], "--lang", language)
    assert code == 0
    cat = catalogue(language)
    for key in ("explain.statement", "explain.peer", "explain.companion"):
        assert cat.text(key) in out
    assert cat.text("where.data", path=str(data_dir)) in out
