"""The interpreter's start-up: the cyclic garbage collector paused while the program loads.

Loading pydantic, Textual and the catalogues makes tens of thousands of objects and no
garbage, and collecting among them took 10-45 ms of every start (benchmarks/run.py). A face
that then waits for a person calls `settle_memory`; a light command ends before it matters.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


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
