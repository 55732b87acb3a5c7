"""python -m tools.mutation: run mutmut over the core promises and write the score.

See the package docstring (tools/mutation/__init__.py) for how to run it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
MUTANTS = ROOT / "mutants"

# What each promise is, and the mutants that test it (mutmut's names: module, then the
# function, "xǁClassǁmethod" for a method). The sheet layout is in scope for its cleaning
# and its paragraphs only; the rest of layout.py is drawing, judged by the PDF tests.
SCOPES: dict[str, tuple[str, list[str]]] = {
    "store": ("preparations on disk and in memory", ["peerprep.store.*"]),
    "files": ("atomic, private writing", ["peerprep.files.*"]),
    "locks": ("editing locks", ["peerprep.locks.*"]),
    "editing": (
        "the editing session and its autosave",
        ["peerprep.flow.editing.*", "peerprep.flow.autosave.*"],
    ),
    "shared_mode": ("shared mode", ["peerprep.flow.shared_mode.*"]),
    "machine": ("ward IT's machine file", ["peerprep.machine.*"]),
    "layout_clean": (
        "the sheet's cleaning and paragraphs",
        [
            "peerprep.export.layout.x_clean__mutmut_*",
            "peerprep.export.layout.x_paragraphs__mutmut_*",
        ],
    ),
    "fit": ("how full the sheet is", ["peerprep.export.fit.*"]),
    "plain_input": (
        "plain mode's input",
        ["peerprep.plain.console.*", "peerprep.plain.answers.*", "peerprep.plain.asking.*"],
    ),
}
TARGET = 0.85
# Files of the repository the tests read besides the code and the tests (mutmut copies
# only the code, the tests and what [tool.mutmut] names).
FILES_TESTS_READ = ["docs", "README.md", "LICENSE", "benchmarks", ".ci"]
# A scope's own test files: they judge its mutants in a fresh run (--fresh, --timed-out)
# besides the tests mutmut saw reach the function, so that a test written since mutmut
# last collected its coverage counts too.
OWN_TESTS: dict[str, list[str]] = {
    "files": ["tests/test_files.py", "tests/test_file_reading.py"],
    "locks": ["tests/test_locks.py", "tests/test_time_windows.py", "tests/test_store.py"],
    "store": [  # the store's own, then what reads and keeps through it
        "tests/test_store.py",
        "tests/test_store_promises.py",
        "tests/test_crypto.py",
        "tests/test_listing_cache.py",
        "tests/flow/test_listing_report.py",
        "tests/flow/test_preparation_file.py",
        "tests/flow/test_shared_mode.py",
        "tests/test_file_reading.py",
        "tests/test_locks.py",
    ],
    "machine": ["tests/test_ward_computer.py"],
    "plain_input": [  # the quick ones first: pytest stops at the first failure (-x)
        "tests/plain/test_plain_typing.py",  # the prompts, the words at a first line, the console
        "tests/plain/test_plain_answers.py",
        "tests/plain/test_plain_commands.py",
        "tests/test_plain.py",
        "tests/test_plain_input.py",
        "tests/plain/test_plain_blank.py",
        "tests/plain/test_plain_ward.py",  # a shared computer: the cover, the erase
        "tests/plain/test_plain_read_aloud.py",
        "tests/plain/test_screen_reader_session.py",
        "tests/platforms/test_console_close.py",  # the window closed (a real pty)
        "tests/stress/test_odd_terminals.py",  # pipes, files, odd bytes (real processes)
    ],
    "editing": [
        "tests/flow/test_autosave.py",
        "tests/flow/test_editing.py",
        "tests/flow/test_editing_session.py",
        "tests/flow/test_limits.py",  # what did not fit, and leaving with it
        "tests/flow/test_meeting_when.py",  # a date or time that cannot be read
    ],
    "fit": ["tests/export/test_fit_lines.py", "tests/export/test_export_fit.py"],
}

# mutmut's exit codes (mutmut/stats.py): what counts as noticed.
KILLED = {1, 3, 36, 37, -24, 24, 152, 255, -11, -9}  # failed, timed out, type check, crashed
TIMED_OUT = {36, -24, 24, 152}  # of the killed: ended by the time limit (a hang, or a slow machine)
SURVIVED = {0}
NO_TESTS = {5, 33}
SKIPPED = {34}


@dataclass
class Score:
    name: str
    about: str
    killed: int = 0
    timed_out: list[str] = field(default_factory=list)  # counted in killed
    survived: list[str] = field(default_factory=list)
    no_tests: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)  # suspicious, interrupted
    not_run: list[str] = field(default_factory=list)  # the run was cut short before them

    @property
    def judged(self) -> int:
        return self.killed + len(self.survived) + len(self.no_tests) + len(self.other)

    @property
    def score(self) -> float:
        return self.killed / self.judged if self.judged else 0.0


FRESH = MUTANTS / "fresh.json"


def _results() -> dict[str, int | None]:
    """Every mutant's last result: from mutmut's .meta files (None: never run), or, where
    the mutant was run in a fresh interpreter (--fresh, --timed-out) on the same code of
    its function, that result."""
    found: dict[str, int | None] = {}
    for meta in MUTANTS.rglob("*.py.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        found.update(data.get("exit_code_by_key", {}))
    if FRESH.exists():
        hashes = _function_hashes()
        for mutant, seen in json.loads(FRESH.read_text(encoding="utf-8")).items():
            if mutant in found and seen["hash"] == hashes.get(_function(mutant)):
                found[mutant] = seen["code"]
    return found


def _function(mutant: str) -> str:
    return mutant.rsplit("__mutmut_", 1)[0]


def _function_hashes() -> dict[str, str]:
    stats = MUTANTS / "mutmut-stats.json"
    if not stats.exists():
        return {}
    return dict(json.loads(stats.read_text(encoding="utf-8")).get("function_hashes", {}))


def run_fresh(mutants: list[str], seconds: float, workers: int, *, own_only: bool = False) -> None:
    """Run each mutant's tests in a fresh interpreter, `workers` at a time.

    mutmut (3.8, fork mode) forks each mutant's run from the process that ran the tests
    once already. The sheet's PDF engine (typst, in Rust, with threads of its own) cannot
    run in such a child: a test that makes a PDF there waits for ever (seen with py-spy:
    children asleep on a futex in export/pdf.py's render, even with a new Compiler), so
    any mutant whose tests make a PDF "times out" and counts as killed. Here nothing is
    forked: a run that passes is a survivor, one that fails is killed, and one
    still running after `seconds` hangs for real (a timeout, noticed). The mutants and
    the tests that reach each function are mutmut's (mutants/, mutmut-stats.json); the
    pytest options are [tool.mutmut]'s, with -x.
    """
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    options = config["tool"]["mutmut"].get("pytest_add_cli_args", [])
    stats = json.loads((MUTANTS / "mutmut-stats.json").read_text(encoding="utf-8"))
    tests_of = stats["tests_by_mangled_function_name"]
    hashes = stats.get("function_hashes", {})
    durations = stats.get("duration_by_test", {})
    # the tests as they are now (mutmut copied them when it made the mutants), and the
    # files they read besides the code (the recorded screen-reader session in docs/)
    shutil.copytree(ROOT / "tests", MUTANTS / "tests", dirs_exist_ok=True)
    for name in FILES_TESTS_READ:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, MUTANTS / name, dirs_exist_ok=True)
        elif source.is_file():
            shutil.copy2(source, MUTANTS / name)
    # A test that fails without any mutant would "kill" every mutant it judges: the tests
    # of each scope must pass on the code as it is first (seen: docs/ missing in mutants/
    # failed the screen-reader session's test and counted all of plain mode as killed).
    for scope in sorted({_scope_of(m) or "" for m in mutants}):
        own = OWN_TESTS.get(scope, [])
        if not own:
            continue
        clean = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", *options, *own],
            cwd=MUTANTS, env=dict(os.environ, MUTANT_UNDER_TEST=""), capture_output=True,
            text=True, timeout=seconds,
        )  # fmt: skip
        if clean.returncode != 0:
            raise SystemExit(
                f"the own tests of {scope} fail without a mutant in {MUTANTS}; "
                f"nothing was run:\n{clean.stdout[-3000:]}"
            )
    lock = threading.Lock()
    counter = iter(range(1, len(mutants) + 1))

    def one(mutant: str) -> None:
        # the scope's own tests first, then the others fastest first (as mutmut orders them)
        own = OWN_TESTS.get(_scope_of(mutant) or "", [])
        seen = sorted(tests_of.get(_function(mutant), []), key=lambda t: durations.get(t, 0.0))
        tests = own + [t for t in seen if t.split("::")[0] not in own]
        if own_only and own:  # faster; a mutant only other tests would notice survives
            tests = own
        if tests:  # (pytest without node ids would run the whole suite)
            env = dict(os.environ, MUTANT_UNDER_TEST=mutant)
            command = [sys.executable, "-m", "pytest", "-x", *options, *tests]
            began = time.monotonic()
            try:
                code = subprocess.run(
                    command, cwd=MUTANTS, env=env, capture_output=True, timeout=seconds
                ).returncode
            except subprocess.TimeoutExpired:
                code = 36
            took = time.monotonic() - began
        else:
            code, took = 33, 0.0  # no test reaches it
        verdict = {0: "survived", 1: "killed", 33: "no test", 36: "timed out"}.get(code, "?")
        with lock:
            # read again: another run (another scope, at the same time) may have written
            # since; keeping only this run's copy lost its verdicts
            done = json.loads(FRESH.read_text(encoding="utf-8")) if FRESH.exists() else {}
            done[mutant] = {"code": code, "hash": hashes.get(_function(mutant))}
            FRESH.write_text(json.dumps(done, indent=1) + "\n", encoding="utf-8")
            print(f"{next(counter)}/{len(mutants)} {mutant}: {verdict} ({took:.0f} s)", flush=True)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, mutants))


def _scope_of(mutant: str) -> str | None:
    for name, (_, patterns) in SCOPES.items():
        if any(fnmatch.fnmatch(mutant, pattern) for pattern in patterns):
            return name
    return None


def scores(results: dict[str, int | None]) -> dict[str, Score]:
    table = {name: Score(name, about) for name, (about, _) in SCOPES.items()}
    for mutant, code in sorted(results.items()):
        scope = _scope_of(mutant)
        if scope is None or code in SKIPPED:
            continue
        entry = table[scope]
        if code in KILLED:
            entry.killed += 1
            if code in TIMED_OUT:
                entry.timed_out.append(mutant)
        elif code in SURVIVED:
            entry.survived.append(mutant)
        elif code in NO_TESTS:
            entry.no_tests.append(mutant)
        elif code is None:
            entry.not_run.append(mutant)
        else:
            entry.other.append(mutant)
    return table


def _mutmut(*args: str, log: Path | None = None) -> int:
    command = [sys.executable, "-m", "mutmut", *args]
    print("$", " ".join(command[:6]), "..." if len(command) > 6 else "", flush=True)
    if log is None:
        return subprocess.call(command, cwd=ROOT)
    with log.open("a", encoding="utf-8") as out:
        return subprocess.call(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)


def _diff(mutant: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", mutant],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or done.stderr.strip()


def write_report(table: dict[str, Score], seconds: float | None) -> None:
    total_killed = sum(s.killed for s in table.values())
    total_judged = sum(s.judged for s in table.values())
    stamp = dt.date.today().isoformat()
    data = {
        "date": stamp,
        "mutmut": _version(),
        "python": platform.python_version(),
        "target": TARGET,
        "seconds": round(seconds) if seconds is not None else None,
        "total": {"killed": total_killed, "mutants": total_judged,
                  "score": round(total_killed / total_judged, 4) if total_judged else None},
        "scopes": {
            s.name: {
                "about": s.about,
                "mutants": s.judged,
                "killed": s.killed,
                "timed_out": len(s.timed_out),
                "survived": len(s.survived),
                "no_tests": len(s.no_tests),
                "other": len(s.other),
                "not_run": len(s.not_run),
                "score": round(s.score, 4),
            }
            for s in table.values()
        },
    }  # fmt: skip
    (HERE / "score.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    lines = [
        f"Mutation score of the core promises ({stamp}, mutmut {data['mutmut']}, "
        f"Python {data['python']}); target {TARGET:.0%} killed.",
        "",
        "| scope | what | mutants run | killed | of them by timeout | survived | no test | score "
        "| not run yet |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in table.values():
        score = f"{s.score:.1%}" if s.judged else "–"
        lines.append(
            f"| {s.name} | {s.about} | {s.judged} | {s.killed} | {len(s.timed_out)} | "
            f"{len(s.survived)} | "
            f"{len(s.no_tests)} | {score} | {len(s.not_run)} |"
        )
    if total_judged:
        lines.append(
            f"| all | | {total_judged} | {total_killed} | "
            f"{sum(len(s.timed_out) for s in table.values())} | "
            f"{sum(len(s.survived) for s in table.values())} | "
            f"{sum(len(s.no_tests) for s in table.values())} | {total_killed / total_judged:.1%} | "
            f"{sum(len(s.not_run) for s in table.values())} |"
        )
    (HERE / "score.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))

    survivors = [m for s in table.values() for m in (*s.survived, *s.no_tests, *s.other)]
    out = ["# Mutants no test noticed (generated by python -m tools.mutation)", ""]
    for mutant in survivors:
        out += [f"## {mutant}", "", "```diff", _diff(mutant), "```", ""]
    MUTANTS.mkdir(exist_ok=True)
    (MUTANTS / "survivors.md").write_text("\n".join(out), encoding="utf-8")
    print(f"\n{len(survivors)} survivors, with their diffs: {MUTANTS / 'survivors.md'}")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mutmut")
    except PackageNotFoundError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.mutation", description=__doc__)
    parser.add_argument("--only", nargs="+", choices=sorted(SCOPES), help="these scopes only")
    parser.add_argument("--survivors", action="store_true", help="rerun last run's survivors")
    parser.add_argument(
        "--resume", action="store_true", help="run only the mutants not run yet (a run cut short)"
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="run the mutants not judged yet each in a fresh interpreter instead of mutmut's "
        "forked children (after a mutmut run has made them): a pass is a survivor, a failure "
        "is killed, ten minutes is a real hang",
    )
    parser.add_argument(
        "--timed-out",
        action="store_true",
        help="run each mutant that mutmut ended by its time limit again, in a fresh interpreter",
    )
    parser.add_argument(
        "--own-tests",
        action="store_true",
        help="with --fresh: only the scope's own tests (OWN_TESTS) judge its mutants; much "
        "faster, and stricter (a mutant that only other tests notice counts as a survivor)",
    )
    parser.add_argument("--report", action="store_true", help="no run: report the last results")
    parser.add_argument(
        "--max-children",
        type=int,
        default=max(1, (os.cpu_count() or 2) - 1),
        help="mutants tested at once (default: one less than the cores)",
    )
    args = parser.parse_args(argv)
    if _version() == "?":
        print('mutmut is not installed: pip install -e ".[test,mutation]"', file=sys.stderr)
        return 2
    scopes = args.only or list(SCOPES)
    seconds = None
    if args.timed_out or args.fresh:
        table = scores(_results())
        chosen = [m for name in scopes for m in table[name].timed_out] if args.timed_out else []
        if args.fresh:
            chosen += [m for name in scopes for m in table[name].not_run]
        if args.fresh and args.survivors:
            chosen += [m for name in scopes for m in table[name].survived]
        began = time.monotonic()
        run_fresh(chosen, 600.0, args.max_children, own_only=args.own_tests)
        seconds = time.monotonic() - began
    elif not args.report:
        if args.survivors or args.resume:
            results = _results()
            table = scores(results)
            patterns = []
            if args.survivors:
                patterns += [
                    m for name in scopes for m in (*table[name].survived, *table[name].no_tests)
                ]
            if args.resume:
                patterns += [
                    m for m, code in results.items() if code is None and _scope_of(m) in scopes
                ]
            if not patterns:
                print("nothing to run again")
        else:
            patterns = [p for name in scopes for p in SCOPES[name][1]]
        if patterns:
            MUTANTS.mkdir(exist_ok=True)
            log = MUTANTS / "run.log"
            print(f"running mutmut; its output goes to {log}", flush=True)
            began = time.monotonic()
            code = _mutmut("run", "--max-children", str(args.max_children), *patterns, log=log)
            seconds = time.monotonic() - began
            if code != 0:
                print(f"mutmut ended with exit code {code}; see {log}", file=sys.stderr)
                return code
    write_report(scores(_results()), seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
