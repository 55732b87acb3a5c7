"""The interpreter's start-up: the cyclic garbage collector paused while the program loads,
and pydantic's search for plugins switched off for this program.

Loading pydantic, Textual and the catalogues makes tens of thousands of objects and no
garbage, and collecting among them took 10-45 ms of every start (benchmarks/run.py). A face
that then waits for a person calls `settle_memory`; a light command ends before it matters.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# pydantic's documented switch (docs.pydantic.dev, "Plugins": PYDANTIC_DISABLE_PLUGINS):
# with it, building the first model does not look through every installed package's
# metadata for pydantic plugins. peerprep uses none.
PLUGINS_ENV = "PYDANTIC_DISABLE_PLUGINS"
_plugins_switched_off = False  # True when this program set PLUGINS_ENV (not the person)


def without_pydantic_plugins() -> None:
    """Switch pydantic's plugins off for this program, before pydantic is loaded; a value
    the person set themselves is left as it is. `child_environment` keeps it from the
    programs we start (a printer command, a speech engine)."""
    global _plugins_switched_off
    if PLUGINS_ENV not in os.environ:
        os.environ[PLUGINS_ENV] = "__all__"
        _plugins_switched_off = True


def child_environment() -> dict[str, str]:
    """The environment for a program we start: ours, without what `without_pydantic_plugins`
    added (it is a setting for this program only)."""
    env = dict(os.environ)
    if _plugins_switched_off:
        env.pop(PLUGINS_ENV, None)
    return env


def loading(work: Callable[[], T]) -> T:
    """Run `work` (the whole program) with collection paused until `settle_memory`."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return work()
    finally:
        if collecting:
            gc.enable()


def settle_memory() -> None:
    """The program is loaded and about to wait for a person (full screen, plain mode):
    what is loaded now stays for good, so it is kept out of every later collection (which
    then has less to look through, also while typing), and collecting goes on as usual."""
    gc.freeze()
    gc.enable()
