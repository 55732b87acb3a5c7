"""What the program did not foresee: one sentence for the person, the details in a private log.

An error nobody planned for (a bug) ends a command or a face with one line in the person's
language and exit code 1, never with a traceback: a traceback on a shared screen can hold
the person's words (an exception's message, a face's local variables), and it means
nothing to the person. A developer still needs to know where it happened, so the details
go to a log file in the data folder, private (0600) like the preparations:

- only where it happened (the exception's type, and file, line and function of each
  frame), never an exception's message or a variable's value, which can hold the person's
  words (and a protected folder must not gain a plain-text copy of them);
- never on a shared computer, where nothing of the session may stay behind;
- at most MAX_LOG_BYTES: when it is full, it starts again with the newest entry.

"Delete all my data" removes it too (store.disk.Store.wipe).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import traceback
from pathlib import Path

from peerprep import files
from peerprep.flow.said import Said
from peerprep.folders import ERROR_LOG_FILE

MAX_LOG_BYTES = 256 * 1024


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / ERROR_LOG_FILE


def entry(error: BaseException) -> str:
    """The log's words for one error: when, which version, its type and where it went,
    and the same for the errors it came from; no messages, no values."""
    from peerprep import __version__

    lines = [f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M:%S%z} peerprep {__version__}"]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(f"  {type(current).__module__}.{type(current).__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"    {frame.filename}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
    return "\n".join(lines) + "\n"


def write_log(error: BaseException, data_dir: Path | None) -> Path | None:
    """Add the error to the private log in `data_dir`; None when there is no data folder
    to write in (a shared computer passes None) or it cannot be written.

    Never raises: a log that cannot be written must not hide the sentence for the person.
    """
    if data_dir is None:
        return None
    path = log_path(data_dir)
    text = entry(error).encode("utf-8", errors="replace")
    # not through a link; a pipe in its place cannot hang the program
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | files.O_NOFOLLOW | files.O_NONBLOCK
    try:
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_size + len(text) > MAX_LOG_BYTES:
                path.unlink()
        if not Path(data_dir).is_dir():
            return None  # the program made no data folder: do not make one for this
        fd = os.open(path, flags, 0o600)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            os.write(fd, text)
        finally:
            os.close(fd)
    except OSError:
        return None
    return path


def say_unforeseen(error: BaseException, data_dir: Path | None) -> Said:
    """Log the error (see write_log) and return the one sentence for the person."""
    path = write_log(error, data_dir)
    if path is None:
        return Said("errors.unexpected")
    return Said("errors.unexpected_logged", {"path": str(path)})
