"""The measuring end of the benchmarks: runs inside the program being measured.

    python benchmarks/probe.py startup  peerprep|bare  headless|pty  [peerprep args...]
    python benchmarks/probe.py typing   peerprep|bare  [peerprep args...]
    python benchmarks/probe.py save     REPEATS
    python benchmarks/probe.py render   normal|long  REPEATS

It hooks Textual's `Ready` event (sent when the first frame is on the screen and the
program takes keys) and writes what it measured as JSON to the file named by BENCH_OUT.
peerprep is started through its real command line (`peerprep.cli.main`), exactly as the
console script does; only the hook is added, and it is added to the bare app too.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = Path(os.environ.get("BENCH_OUT", "bench-out.json"))


def emit(**values: Any) -> None:
    """Add `values` to the result file (written whole each time, so a reader never sees half)."""
    data = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    data.update(values)
    temp = OUT.with_suffix(".tmp")
    temp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temp, OUT)


def maxrss_kb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def on_ready(callback: Callable[[Any], None]) -> None:
    """Call `callback(app)` once, when the app has shown its first frame and takes keys."""
    from textual import events
    from textual.app import App

    original = App.on_event

    async def on_event(self: App[Any], event: events.Event) -> None:
        await original(self, event)
        if isinstance(event, events.Ready) and not getattr(self, "_bench_ready", False):
            self._bench_ready = True  # type: ignore[attr-defined]
            callback(self)

    App.on_event = on_event  # type: ignore[method-assign]


def run_headless_instead() -> None:
    """Make App.run use Textual's test harness (run_test, no terminal) until Ready."""
    from textual.app import App

    def run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        async def go() -> None:
            self._bench_event = asyncio.Event()  # type: ignore[attr-defined]
            async with self.run_test(size=(80, 24)):
                await self._bench_event.wait()  # type: ignore[attr-defined]

        asyncio.run(go())
        return 0

    App.run = run  # type: ignore[method-assign]


def start(target: str, argv: list[str], text: str = "") -> int:
    if target == "peerprep":
        from peerprep.cli import main

        return main(argv)
    sys.path.insert(0, str(HERE))
    from bare import BareApp

    return int(BareApp(text).run() or 0)


# --- start-up and memory -------------------------------------------------------------------


def startup(target: str, mode: str, argv: list[str]) -> int:
    hold = float(os.environ.get("BENCH_HOLD", "0"))

    def ready(app: Any) -> None:
        emit(ready_wall=time.time(), ready_cpu=time.process_time(), maxrss_kb=maxrss_kb(),
             screen=type(app.screen).__name__)  # fmt: skip
        event = getattr(app, "_bench_event", None)
        if event is not None:
            event.set()
        elif hold:
            app.set_timer(hold, lambda: (emit(maxrss_kb=maxrss_kb()), app.exit()))
        else:
            app.exit()

    on_ready(ready)
    if mode == "headless":
        run_headless_instead()
    return start(target, argv)


# --- typing ----------------------------------------------------------------------------------


def typing(target: str, argv: list[str]) -> int:
    """Count keys; measure CPU from the WARMUP-th key to the last one being on the screen."""
    from textual import events
    from textual.app import App
    from textual.widgets import TextArea

    warmup = int(os.environ.get("BENCH_WARMUP", "20"))
    keys = int(os.environ.get("BENCH_KEYS", "200"))
    room = os.environ.get("BENCH_ROOM", "")
    state = {"count": 0, "cpu0": 0.0, "area": None, "tries": 0}

    def finish(app: Any, waited: int = 0) -> None:
        area = state["area"]
        # The last Key event has been dispatched; the text field may still have a key or
        # two in its queue. Wait (briefly) until every key is in the text.
        if len(area.text) < state["target"] and waited < 400:
            app.set_timer(0.005, lambda: finish(app, waited + 1))
            return
        emit(cpu_per_key=(time.process_time() - state["cpu0"]) / keys, keys=keys,
             length=len(area.text), done=True)  # fmt: skip
        app.exit()

    original = App.on_event

    async def on_event(self: App[Any], event: events.Event) -> None:
        await original(self, event)
        if isinstance(event, events.Key) and state["area"] is not None:
            state["count"] += 1
            if state["count"] == warmup:
                state["cpu0"] = time.process_time()
            elif state["count"] == warmup + keys:
                self.call_after_refresh(finish, self)

    App.on_event = on_event  # type: ignore[method-assign]

    def find_area(app: Any) -> None:
        areas = [a for a in app.screen.query(TextArea) if not a.read_only]
        if not areas:
            state["tries"] += 1
            if state["tries"] > 200:
                emit(error="no text field to type into", screen=type(app.screen).__name__)
                app.exit()
            else:
                app.set_timer(0.02, lambda: find_area(app))
            return
        area = areas[0]
        area.focus()
        area.move_cursor(area.document.end)
        state["area"] = area
        state["target"] = len(area.text) + warmup + keys
        emit(ready=True, start_length=len(area.text), screen=type(app.screen).__name__)

    def ready(app: Any) -> None:
        if os.environ.get("BENCH_NO_AUTOSAVE") and hasattr(app, "edited"):
            app.edited = lambda *a, **k: None  # the autosave's part of the key path, removed
        go_to = getattr(app, "go_to", None)
        if room and callable(go_to):
            go_to(room)
        app.call_after_refresh(find_area, app)

    on_ready(ready)
    return start(target, argv, text=os.environ.get("BENCH_TEXT", ""))


# --- in-process: save and render -------------------------------------------------------------


def save(repeats: int) -> int:
    import statistics

    from peerprep.model import PART_KEYS, Preparation
    from peerprep.store import Store

    sys.path.insert(0, str(HERE))
    from data import long_text

    store = Store(Path(os.environ["PEERPREP_DATA_DIR"]))
    prep = Preparation.new("da")
    for index, key in enumerate(PART_KEYS):
        prep.set_part(key, long_text(5_000, seed=index))
    store.save(prep)  # the folder exists, as it does in a session
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        store.save(prep.touched())
        times.append(time.perf_counter() - started)
    emit(median=statistics.median(times), p90=sorted(times)[int(0.9 * (len(times) - 1))],
         size=store.path_of(prep.id).stat().st_size)  # fmt: skip
    return 0


def render(which: str, repeats: int) -> int:
    import statistics

    sys.path.insert(0, str(HERE))
    from data import long_preparation, normal_preparation

    from peerprep.export.layout import build_sheet
    from peerprep.export.service import render as render_sheet
    from peerprep.words import catalogue

    prep = long_preparation() if which == "long" else normal_preparation()
    cat = catalogue(prep.language)
    started = time.perf_counter()
    first = render_sheet(build_sheet(prep, cat), "pdf")
    cold = time.perf_counter() - started
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        render_sheet(build_sheet(prep, cat), "pdf")
        times.append(time.perf_counter() - started)
    emit(cold=cold, median=statistics.median(times), size=len(first))
    return 0


def main(argv: list[str]) -> int:
    what, rest = argv[0], argv[1:]
    if what == "startup":
        return startup(rest[0], rest[1], rest[2:])
    if what == "typing":
        return typing(rest[0], rest[1:])
    if what == "save":
        return save(int(rest[0]))
    if what == "render":
        return render(rest[0], int(rest[1]))
    raise SystemExit(f"unknown probe {what!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
