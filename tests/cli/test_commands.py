"""The command line: every command's happy path and its errors, exit codes, one plain line
in the person's language, never a traceback."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from peerprep import __version__, cli
from peerprep.cli import main
from peerprep.flow.context import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, Context, Start
from peerprep.model import Preparation, json_schema
from peerprep.store import Store
from peerprep.words import catalogue

LANGS = ["da", "en"]


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


def _saved(store: Store, title: str = "", **parts: str) -> Preparation:
    prep = Preparation.new("da")
    prep.title = title
    for key, text in parts.items():
        prep.set_part(key, text)
    store.save(prep)
    return prep


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_plain_line(err: str) -> str:
    lines = err.strip("\n").splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Error" not in err
    return lines[0]


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


# --- version and help ------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["--version"], ["--lang", "en", "--version"]])
def test_version(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = _run(capsys, *argv)
    assert (code, out.strip(), err) == (EXIT_OK, f"peerprep {__version__}", "")


@pytest.mark.parametrize(
    "argv", [["--version"], ["--lang", "en", "--version"], ["--version", "list"], ["bogus"]]
)
def test_the_console_script_door_answers_like_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    """peerprep.__main__:main answers --version alone itself; all else goes to cli.main."""
    from peerprep.__main__ import main as door

    expected = _run(capsys, *argv)
    monkeypatch.setattr(sys, "argv", ["peerprep", *argv])
    code = door()
    out, err = capsys.readouterr()
    assert (code, out, err) == expected


def test_the_garbage_collector_is_as_it_was_after_a_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Off while the program starts (it only loads), and as it was once main returns."""
    import gc

    seen: list[bool] = []
    original = cli.run

    def spy(context: Context, args: object, handler: cli.Handler) -> int:
        seen.append(gc.isenabled())
        return original(context, args, handler)

    assert gc.isenabled()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "run", spy)
        assert _run(capsys, "where")[0] == EXIT_OK
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        main(["where"])
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
    capsys.readouterr()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("da", ["brug: peerprep", "valg:", "vis denne hjælp og stop", "kommandoer:", "MAPPE"]),
        ("en", ["usage: peerprep", "options:", "show this help and stop", "commands:", "FOLDER"]),
    ],
)
def test_help_is_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str], lang: str, words: list[str]
) -> None:
    code, out, err = _run(capsys, "--lang", lang, "--help")
    assert code == EXIT_OK and err == ""
    for word in words:
        assert word in out
    cat = catalogue(lang)
    for key in ("cli.list_help", "cli.wipe_help", "cli.schema_help", "cli.description"):
        assert " ".join(cat.text(key).split()[:3]) in " ".join(out.split())
    if lang == "da":
        assert "show this help message" not in out and "options:" not in out


def test_help_of_a_command_is_translated_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "delete", "--help")
    assert code == EXIT_OK
    assert out.startswith("brug: peerprep delete")
    assert "argumenter:" in out and "ID" in out
    assert catalogue("da").text("cli.yes_help") in out


# Words in capitals in a help text that are the same in both languages: not metavars.
_SAME_IN_BOTH = {"ID", "PDF", "HTML", "WAV", "JSON", "USB"}
_CAPITALS = re.compile(r"(?<![\w-])[A-ZÆØÅ][A-ZÆØÅ_]+(?:\.wav)?(?![\w-])")


def _capitals(capsys: pytest.CaptureFixture[str], lang: str, *argv: str) -> set[str]:
    code, out, _err = _run(capsys, "--lang", lang, *argv, "--help")
    assert code == EXIT_OK
    return set(_CAPITALS.findall(out)) - _SAME_IN_BOTH


@pytest.mark.parametrize("command", ["", "import", "export", "read"])
def test_no_english_is_left_in_the_danish_help(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """The names of what to type (argparse's metavars: --theme FARVER, -o STED, FIL) are in
    the person's language too; a newcomer read "--theme THEME" in the Danish help. (These
    are the commands that have any; "ID" is the same word in both languages.)"""
    argv = [command] if command else []
    danish, english = _capitals(capsys, "da", *argv), _capitals(capsys, "en", *argv)
    assert danish, "no names of what to type in the Danish help"
    assert not danish & english, f"English in the Danish help: {sorted(danish & english)}"


def test_argparse_is_itself_again_afterwards() -> None:
    import argparse

    main(["--version"])
    main(["--lang", "da", "where"])
    assert argparse._("options") == "options"  # type: ignore[attr-defined]


# --- usage errors: exit 2, one line ------------------------------------------------------

USAGE_ERRORS = [
    ["bogus"],
    ["show"],
    ["delete"],
    ["list", "--jso"],
    ["--lang", "sv", "list"],
    ["--data-dir"],
    ["where", "extra"],
    ["--la", "en", "list"],  # no abbreviations
    ["export", "--blank", "--latest"],  # two ways of saying which: one at a time
    ["export", "20240101-120000-abcdef", "--blank"],
    ["read", "--latest", "20240101-120000-abcdef"],
]
# argparse's own English words, in none of its messages a Danish person reads.
ARGPARSE_ENGLISH = {
    *("argument", "arguments", "allowed", "required", "expected", "invalid", "choice"),
    *("unrecognized", "ambiguous", "ignored", "explicit", "following"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("argv", USAGE_ERRORS, ids=[" ".join(a) for a in USAGE_ERRORS])
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    argv: list[str],
) -> None:
    monkeypatch.setenv("PEERPREP_LANG", lang)
    code, out, err = _run(capsys, *argv)
    assert code == EXIT_USAGE and out == ""
    line = _one_plain_line(err)
    assert line.startswith(catalogue(lang).text("errors.usage", detail="|").split("|")[0])
    assert "peerprep --help" in line


@pytest.mark.parametrize("argv", USAGE_ERRORS, ids=[" ".join(a) for a in USAGE_ERRORS])
def test_no_english_is_left_in_a_danish_usage_error(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """A newcomer read "(--latest: not allowed with argument --blank)" in Danish."""
    danish = argv if argv[0] == "--lang" else ["--lang", "da", *argv]
    _code, _out, err = _run(capsys, *danish)
    words = set(re.findall(r"[a-z]+", err.lower()))
    assert not words & ARGPARSE_ENGLISH, err


def test_usage_error_details_are_translated(capsys: pytest.CaptureFixture[str]) -> None:
    _code, _out, err = _run(capsys, "--lang", "da", "show")
    assert "der mangler: ID" in err
    _code, _out, err = _run(capsys, "--lang", "da", "bogus")
    assert "'bogus' findes ikke" in err and "KOMMANDO" in err
    _code, _out, err = _run(capsys, "--lang", "en", "list", "--nope")
    assert "not known: --nope" in err
    _code, _out, err = _run(capsys, "--lang", "da", "export", "--blank", "--latest")
    assert "--latest: kan ikke stå sammen med --blank" in err


# --- list ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_list_when_empty(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, err = _run(capsys, "--lang", lang, "list")
    assert (code, err) == (EXIT_OK, "")
    assert out.strip() == catalogue(lang).text("cli.list_empty")


def test_list_shows_one_line_per_preparation(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    first = _saved(store, "Første\nmøde", introduction="Jeg hedder Ali.")
    second = Preparation.new("da")
    second.set_field("meeting.kind", "jobcenter")
    second.set_field("meeting.date", "2025-03-10")
    for key in ("introduction", "important", "help_with", "so_that"):
        second.set_part(key, "Noget.")
    store.save(second.touched(first.updated_at.replace(year=first.updated_at.year + 1)))

    code, out, err = _run(capsys, "list")

    assert (code, err) == (EXIT_OK, "")
    header, *rows = out.strip().splitlines()
    assert header == catalogue("da").text("cli.list_header")
    assert len(rows) == 2
    assert rows[0].startswith(second.id)
    assert catalogue("da").kind("jobcenter").name in rows[0]
    assert "10.03.2025" in rows[0] and "4 af 4" in rows[0]
    assert rows[1].startswith(first.id) and "Første møde" in rows[1] and "1 af 4" in rows[1]
    # the first words tell preparations apart that have no name of their own
    assert rows[1].endswith(" | Jeg hedder Ali.") and rows[0].endswith(" | Noget.")


def test_list_json(capsys: pytest.CaptureFixture[str], store: Store) -> None:
    prep = _saved(store, "Mit møde", important="At sove.")
    code, out, _err = _run(capsys, "--lang", "en", "list", "--json")
    assert code == EXIT_OK
    [row] = json.loads(out)
    assert row["id"] == prep.id and row["title"] == "Mit møde"
    assert row["parts_filled"] == 1 and row["meeting_kind"] == "other"
    assert row["meeting_date"] is None
    assert row["updated_at"] == prep.updated_at.isoformat()
    assert row["first_words"] == "At sove."


@pytest.mark.parametrize("lang", LANGS)
def test_list_reports_each_quarantined_file_in_one_line(
    capsys: pytest.CaptureFixture[str], store: Store, lang: str
) -> None:
    _saved(store, "God")
    (store.preparations_dir / "x1.json").write_bytes(b"")
    (store.preparations_dir / "x2.json").write_bytes(b'{"schema_version": 9}')
    code, out, err = _run(capsys, "--lang", lang, "list")
    assert code == EXIT_OK
    assert "God" in out
    notes = err.strip().splitlines()
    assert len(notes) == 2
    cat = catalogue(lang)
    prefix = cat.text("rows.quarantined", name="|", reason="", path="").split("|")[0]
    assert all(note.startswith(prefix) for note in notes)
    assert "x1.json" in notes[0] and cat.text("errors.file_empty") in notes[0]
    assert "x2.json" in notes[1] and "9" in notes[1]
    assert all(str(store.quarantine_dir) in note for note in notes)


# --- show ----------------------------------------------------------------------------------


def test_show_prints_the_statement(capsys: pytest.CaptureFixture[str], store: Store) -> None:
    prep = _saved(store, "Udskrivning", help_with="At finde en bolig.")
    code, out, err = _run(capsys, "show", prep.id)
    assert (code, err) == (EXIT_OK, "")
    assert "Udskrivning" in out and "At finde en bolig." in out
    assert catalogue("da").part("help_with").starter.rstrip(" …") in out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("command", ["show", "delete", "open"])
def test_an_unknown_id_fails_with_one_line(
    capsys: pytest.CaptureFixture[str], lang: str, command: str
) -> None:
    extra = ["--yes"] if command == "delete" else []
    code, _out, err = _run(capsys, "--lang", lang, command, "no-such-id", *extra)
    assert code == EXIT_FAILURE
    assert _one_plain_line(err) == catalogue(lang).text("errors.unknown_id", id="no-such-id")


def test_show_of_a_broken_file_says_it_was_put_aside(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    store.preparations_dir.mkdir(parents=True)
    (store.preparations_dir / "x3.json").write_bytes(b"{")
    code, _out, err = _run(capsys, "show", "x3")
    assert code == EXIT_FAILURE
    line = _one_plain_line(err)
    assert "x3.json" in line and str(store.quarantine_dir) in line


# --- delete --------------------------------------------------------------------------------


def test_delete_with_yes(capsys: pytest.CaptureFixture[str], store: Store) -> None:
    prep = _saved(store, "Væk")
    code, out, _err = _run(capsys, "delete", prep.id, "--yes")
    assert code == EXIT_OK
    assert out.strip() == catalogue("da").text("cli.deleted", title="Væk")
    assert not store.exists(prep.id)


@pytest.mark.parametrize(("lang", "answer"), [("da", "ja"), ("en", "yes"), ("da", " JA \n")])
def test_delete_asks_in_the_persons_language(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    store: Store,
    lang: str,
    answer: str,
) -> None:
    prep = _saved(store, "Spørg først")
    _stdin(monkeypatch, answer + "\n")
    code, out, _err = _run(capsys, "--lang", lang, "delete", prep.id)
    assert code == EXIT_OK
    question = catalogue(lang).text("cli.delete_confirm", title="Spørg først", id=prep.id)
    assert out.startswith(question)
    assert not store.exists(prep.id)


@pytest.mark.parametrize("answer", ["nej\n", "\n", "n\n"])
def test_delete_answered_no_keeps_it(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    store: Store,
    answer: str,
) -> None:
    prep = _saved(store)
    _stdin(monkeypatch, answer)
    code, out, _err = _run(capsys, "delete", prep.id)
    assert code == EXIT_FAILURE
    assert catalogue("da").text("errors.cancelled") in out
    assert store.exists(prep.id)


def test_delete_with_nobody_to_answer_refuses(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    prep = _saved(store)
    _stdin(monkeypatch, "")
    code, _out, err = _run(capsys, "--lang", "en", "delete", prep.id)
    assert code == EXIT_FAILURE
    assert _one_plain_line(err) == catalogue("en").text("errors.needs_yes")
    assert store.exists(prep.id)


def test_delete_while_open_elsewhere_is_refused(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    from peerprep.locks import hostname

    prep = _saved(store)
    store.locks_dir.mkdir(parents=True)
    info = {"pid": 1, "host": hostname(), "created_at": prep.created_at.timestamp() + 1e6}
    (store.locks_dir / f"{prep.id}.lock").write_text(json.dumps(info), encoding="utf-8")
    code, _out, err = _run(capsys, "delete", prep.id, "--yes")
    assert code == EXIT_FAILURE
    line = _one_plain_line(err)
    assert line == catalogue("da").text("errors.locked_delete", pid=1, host=hostname())
    assert store.exists(prep.id)
    # Without --yes it is said before the question, not after the answer.
    code, out, err = _run(capsys, "delete", prep.id)
    assert code == EXIT_FAILURE and out == ""
    assert _one_plain_line(err) == line


# --- wipe ----------------------------------------------------------------------------------


def test_wipe_with_yes_removes_data_and_settings(
    capsys: pytest.CaptureFixture[str], store: Store, config_dir: Path
) -> None:
    from peerprep import settings

    _saved(store, "A")
    settings.save(config_dir, settings.Settings(peer_mode=True))
    code, out, _err = _run(capsys, "wipe", "--yes")
    assert code == EXIT_OK
    assert out.strip() == catalogue("da").text("cli.wiped")
    assert not store.root.exists() and not config_dir.exists()
    code, out, _err = _run(capsys, "wipe", "--yes")
    assert (code, out.strip()) == (EXIT_OK, catalogue("da").text("cli.wipe_nothing"))


@pytest.mark.parametrize(("answer", "code", "kept"), [("ja\n", EXIT_OK, False), ("\n", 1, True)])
def test_wipe_asks_first(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    store: Store,
    answer: str,
    code: int,
    kept: bool,
) -> None:
    prep = _saved(store)
    _stdin(monkeypatch, answer)
    got, out, _err = _run(capsys, "wipe")
    assert got == code
    assert out.startswith(catalogue("da").text("cli.wipe_confirm", path=str(store.root)))
    assert store.exists(prep.id) is kept


# --- where and schema ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_where_names_the_folders(
    capsys: pytest.CaptureFixture[str], data_dir: Path, config_dir: Path, lang: str
) -> None:
    code, out, err = _run(capsys, "--lang", lang, "where")
    assert (code, err) == (EXIT_OK, "")
    cat = catalogue(lang)
    assert cat.text("where.data", path=str(data_dir)) in out
    assert cat.text("where.config", path=str(config_dir)) in out


def test_where_follows_data_dir_and_counts_quarantine(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "stick"
    (elsewhere / "quarantine").mkdir(parents=True)
    (elsewhere / "quarantine" / "x.20240101-000000.json").write_bytes(b"")
    code, out, _err = _run(capsys, "--data-dir", str(elsewhere), "where")
    assert code == EXIT_OK
    cat = catalogue("da")
    assert cat.text("where.data", path=str(elsewhere)) in out
    assert cat.text("where.quarantine", count=1, path=str(elsewhere / "quarantine")) in out
    assert "1 fil er lagt" in out  # one file, said in the singular


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "schema")
    assert code == EXIT_OK
    assert json.loads(out) == json_schema()


# --- the full-screen program ---------------------------------------------------------------


@pytest.fixture
def fake_tui(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Context, Start]]:
    started: list[tuple[Context, Start]] = []
    module = types.ModuleType("peerprep.tui")

    def launch(context: Context, start: Start) -> int:
        started.append((context, start))
        return EXIT_OK

    module.launch = launch  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "peerprep.tui", module)
    # As on a terminal that can draw it (the real check runs on a pty in
    # tests/stress/test_odd_terminals.py).
    from peerprep.flow import terminal_check

    monkeypatch.setattr(terminal_check, "problem", lambda: None)
    return started


def test_new_open_and_no_command_start_the_full_screen_program(
    capsys: pytest.CaptureFixture[str], store: Store, fake_tui: list[tuple[Context, Start]]
) -> None:
    prep = _saved(store)
    assert _run(capsys, "--lang", "en")[0] == EXIT_OK
    assert _run(capsys, "new")[0] == EXIT_OK
    assert _run(capsys, "open", prep.id)[0] == EXIT_OK
    assert [start.command for _, start in fake_tui] == [None, "new", "open"]
    assert fake_tui[0][0].language == "en" and fake_tui[1][0].language == "da"
    assert fake_tui[0][0].language_chosen and not fake_tui[1][0].language_chosen
    assert fake_tui[2][1].prep_id == prep.id


def test_without_the_full_screen_program_new_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerprep.flow import terminal_check

    monkeypatch.setattr(terminal_check, "problem", lambda: None)  # a terminal
    monkeypatch.setitem(sys.modules, "peerprep.tui", None)  # import fails
    code, _out, err = _run(capsys, "new")
    assert code == EXIT_FAILURE
    assert _one_plain_line(err) == catalogue("da").text("errors.not_yet")


# --- language ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "env", "lang", "expected"),
    [
        (["--lang", "en"], "da", "da_DK.UTF-8", "en"),
        ([], "en", "da_DK.UTF-8", "en"),
        ([], None, "en_GB.UTF-8", "en"),
        ([], None, "da_DK.UTF-8", "da"),
        ([], None, "C.UTF-8", "da"),
        ([], "sv", "fr_FR.UTF-8", "da"),
    ],
)
def test_language_choice(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    env: str | None,
    lang: str,
    expected: str,
) -> None:
    if env is None:
        monkeypatch.delenv("PEERPREP_LANG", raising=False)
    else:
        monkeypatch.setenv("PEERPREP_LANG", env)
    monkeypatch.setenv("LANG", lang)
    _code, out, _err = _run(capsys, *argv, "list")
    assert out.strip() == catalogue(expected).text("cli.list_empty")


# --- the unexpected ------------------------------------------------------------------------


def _broken_handler(context: Context, args: object) -> int:
    # A bug whose message holds the person's words, as an exception's message may.
    raise ZeroDivisionError("Mine hemmelige ord\nsecond line")


def test_a_bug_becomes_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.delenv("PEERPREP_DEBUG")
    monkeypatch.setattr(cli, "_handler", lambda command: _broken_handler)
    data_dir.mkdir(parents=True)
    code, _out, err = _run(capsys, "--lang", "en", "where")
    assert code == EXIT_FAILURE
    line = err.strip()
    assert "\n" not in line and "Traceback" not in line and "hemmelige" not in line
    log = data_dir / "peerprep-errors.log"
    assert line == catalogue("en").text("errors.unexpected_logged", path=str(log))
    # Where it happened, for a developer; not the words, and private like the preparations.
    details = log.read_text("utf-8")
    assert "ZeroDivisionError" in details and "_broken_handler" in details
    assert "hemmelige" not in details
    if os.name == "posix":
        assert log.stat().st_mode & 0o777 == 0o600


def test_a_bug_on_a_shared_computer_leaves_no_log(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.delenv("PEERPREP_DEBUG")
    monkeypatch.setattr(cli, "_handler", lambda command: _broken_handler)
    data_dir.mkdir(parents=True)
    code, _out, err = _run(capsys, "--lang", "en", "--shared", "where")
    assert code == EXIT_FAILURE
    assert err.strip() == catalogue("en").text("errors.unexpected")
    assert list(data_dir.iterdir()) == []


def test_with_debug_a_bug_shows_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_handler", lambda command: _broken_handler)
    with pytest.raises(ZeroDivisionError):
        main(["where"])


def test_ctrl_c_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(context: Context, args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_handler", lambda command: interrupted)
    code, _out, err = _run(capsys, "where")
    assert code == EXIT_FAILURE
    assert err.strip() == catalogue("da").text("errors.interrupted")


# --- as a real program ---------------------------------------------------------------------


def _program(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "peerprep", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {}), "PEERPREP_DEBUG": ""},
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--version"], 0),
        (["--lang", "en", "list"], 0),
        (["show", "nope"], 1),
        (["bogus"], 2),
        (["--lang", "en", "delete"], 2),
    ],
)
def test_exit_codes_of_the_real_program(argv: list[str], code: int) -> None:
    result = _program(*argv)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    if code:
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_closed_pipe_is_quiet(store: Store) -> None:
    for number in range(40):
        _saved(store, f"Forberedelse {number}")
    # Buffered output, as a pipe normally has: the write then comes at the final flush.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    process = subprocess.Popen(
        [sys.executable, "-m", "peerprep", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**env, "PEERPREP_DEBUG": ""},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `peerprep list | head -0`
    err = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    process.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err
