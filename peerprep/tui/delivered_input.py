"""Every key and paste the terminal already sent is taken in before the program leaves.

Textual handles input in steps, each with a queue of its own: a thread reads the terminal
and hands events to the app, the app hands each key and paste to the focused field, and
the field puts it into its text. Ctrl+Q is a key of the app, so it is acted on while the
keys typed just before it may still wait in the field's queue; a closed terminal (SIGHUP)
or SIGTERM may even come before the thread has read the last keys. Leaving at once would
lose them: 90 of a 257-key burst, a whole 3,000-character paste.

`take_in_input()` waits until nothing is left on the way: no bytes unread in the terminal
(FIONREAD), and a callback put behind everything in the app's, the screen's and the
focused field's queue has come through, twice in a row with no new key or paste between.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

# Seconds between two looks; two quiet looks in a row end the wait. The pause lets a
# terminal's last bytes reach the program (the kernel passes a pty's input on in a moment).
INPUT_LOOK_SECONDS = 0.02
# Seconds to wait at the most, however much keeps coming (a closed console window on
# Windows gives a program about five seconds in all).
INPUT_WAIT_LIMIT = 3.0


def unread_terminal_bytes() -> int:
    """Bytes the terminal sent that no one has read yet (0 where that cannot be known)."""
    if sys.platform == "win32":
        return 0
    import fcntl
    import struct
    import termios

    stream = sys.__stdin__
    if stream is None:
        return 0
    try:
        raw = fcntl.ioctl(stream.fileno(), termios.FIONREAD, b"\0\0\0\0")
    except (OSError, ValueError):
        return 0
    return int(struct.unpack("i", raw)[0])


class DeliveredInput:
    """Mixin of the app: counts the keys and pastes that come in, and waits for them."""

    _input_events = 0

    def count_input(self, event: events.Event) -> None:
        """Call from the app's on_event: one more key or paste on its way."""
        if isinstance(event, (events.Key, events.Paste)):
            self._input_events += 1

    def keys_held(self) -> int:
        """Keys and pastes that came in and wait to be handed on (tui.key_order)."""
        return 0

    async def take_in_input(self: App[object], limit: float = INPUT_WAIT_LIMIT) -> None:
        """Return once every key and paste already sent to the program is in its field
        (or after `limit` seconds)."""
        deadline = time.monotonic() + limit
        quiet = 0
        headless = self.is_headless
        while time.monotonic() < deadline:
            seen = self._input_events  # type: ignore[attr-defined]
            await behind(self, deadline)
            for node in (self.screen, self.focused):
                if node is not None:
                    await behind(node, deadline)
            waiting = self.keys_held()  # type: ignore[attr-defined]
            waiting += 0 if headless else unread_terminal_bytes()
            if waiting == 0 and seen == self._input_events:  # type: ignore[attr-defined]
                quiet += 1
                if quiet >= 2:
                    return
            else:
                quiet = 0
            await asyncio.sleep(INPUT_LOOK_SECONDS)


async def behind(node: MessagePump, deadline: float) -> None:
    """Wait until `node` has handled every message that was in its queue when called."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()

    def arrived() -> None:
        if not done.done():
            done.set_result(None)

    if not node.call_later(arrived):
        return  # the node is closing: nothing more will be handled there
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(done, max(0.0, deadline - time.monotonic()))
