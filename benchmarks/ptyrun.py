"""Run a program under a pseudo-terminal of 80x24, as a person's terminal would (POSIX only).

Used by the benchmarks (whole-process start-up, typing, memory) and by the crash tests.
The output is read all the time, so the program never blocks on a full terminal.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

COLUMNS, LINES = 80, 24


def terminal_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a plain modern terminal, without the caller's Textual settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update({"TERM": "xterm-256color", "COLORTERM": "truecolor",
                "COLUMNS": str(COLUMNS), "LINES": str(LINES)})  # fmt: skip
    env.update(extra or {})
    return env


def _controlling_terminal() -> None:
    # In the child: a session of its own with the pty as its controlling terminal, so
    # that it gets SIGWINCH and can ask the terminal for its size like any program.
    os.setsid()
    with contextlib.suppress(OSError):
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@dataclass
class PtyProcess:
    """A running program on a pty: feed it keys, drain its output, wait for it."""

    process: subprocess.Popen[bytes]
    master: int
    started: float  # time.time() just before it was started
    output: bytearray = field(default_factory=bytearray)
    returncode: int | None = None
    maxrss_kb: int = 0
    cpu_seconds: float = 0.0

    @property
    def pid(self) -> int:
        return self.process.pid

    def drain(self, seconds: float = 0.0) -> None:
        """Read what the program wrote, for up to `seconds` (at least once)."""
        deadline = time.monotonic() + seconds
        while True:
            left = max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the program is gone and the pty closed
                    return
                if not chunk:
                    return
                self.output.extend(chunk)
                continue
            if time.monotonic() >= deadline:
                return

    def drain_until(self, done: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if done():
                return True
            self.drain(0.01)
            if self.poll() is not None and not done():
                self.drain(0.05)
                return done()
        return done()

    def send(self, data: bytes | str) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        while data:
            written = os.write(self.master, data)
            data = data[written:]

    def poll(self) -> int | None:
        """The exit code if the program ended (reaped with its resource use), else None."""
        if self.returncode is not None:
            return self.returncode
        pid, status, usage = os.wait4(self.pid, os.WNOHANG)
        if pid == 0:
            return None
        self._reaped(status, usage)
        return self.returncode

    def wait(self, timeout: float) -> int:
        """Wait for the end while reading its output; kill it if it takes too long."""
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                self.kill()
                break
            self.drain(0.02)
        self.drain(0.0)
        return self.returncode if self.returncode is not None else -9

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.returncode is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, sig)
        if sig == signal.SIGKILL:
            _, status, usage = os.wait4(self.pid, 0)
            self._reaped(status, usage)

    def close(self) -> None:
        self.kill()
        with contextlib.suppress(OSError):
            os.close(self.master)

    def _reaped(self, status: int, usage: object) -> None:
        self.returncode = os.waitstatus_to_exitcode(status)
        self.process.returncode = self.returncode  # so Popen never waits for it again
        self.maxrss_kb = int(getattr(usage, "ru_maxrss", 0))
        self.cpu_seconds = float(getattr(usage, "ru_utime", 0.0)) + float(
            getattr(usage, "ru_stime", 0.0)
        )


def spawn(
    argv: Sequence[str],
    env: dict[str, str] | None = None,
    cwd: str | None = None,
    size: tuple[int, int] = (COLUMNS, LINES),
) -> PtyProcess:
    """Start `argv` on a new pty of `size` (columns, lines)."""
    master, slave = os.openpty()
    columns, lines = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    started = time.time()
    try:
        process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env if env is not None else terminal_env(),
            cwd=cwd,
            preexec_fn=_controlling_terminal,  # the caller's child has no threads
            close_fds=True,
        )
    finally:
        os.close(slave)
    return PtyProcess(process=process, master=master, started=started)
