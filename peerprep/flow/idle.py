"""Idle time on a shared computer: when to cover the screen, and when to erase the session.

Plain arithmetic over an injectable clock (tests move time by hand, never sleep), shared
by both faces; each face tells it when a person did something (`touch`) and asks what is
due (`due`) about once a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Due = Literal["active", "cover", "erase"]


@dataclass
class IdleClock:
    """How long since the last sign of a person, and what that calls for."""

    cover_after: float  # seconds
    erase_after: float  # seconds
    clock: Callable[[], float] = time.monotonic
    last: float = field(init=False)

    def __post_init__(self) -> None:
        self.last = self.clock()

    def touch(self) -> None:
        self.last = self.clock()

    @property
    def idle(self) -> float:
        return max(0.0, self.clock() - self.last)

    def due(self) -> Due:
        idle = self.idle
        if idle >= self.erase_after:
            return "erase"
        if idle >= self.cover_after:
            return "cover"
        return "active"
