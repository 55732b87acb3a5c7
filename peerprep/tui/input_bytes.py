"""Keys that are not UTF-8 never end the full screen.

Textual's Linux driver decodes what the terminal sends with a strict UTF-8 decoder, so
one byte that is not UTF-8 (an "ø" typed on a Latin-1 terminal, an old PuTTY) raises in
its input thread, and the program ends with a traceback and exit code 0. This is Textual
issue #6456 (https://github.com/Textualize/textual/issues/6456), open upstream for
Textual 8.2. Until it is fixed there, the driver's decoder replaces such a byte with
U+FFFD instead: the person sees "�" where the letter went, and nothing else happens.
Remove this module when Textual decodes with replacement itself.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable


def _replacing(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    factory = codecs.getincrementaldecoder(encoding)

    def decoder(errors: str = "strict") -> codecs.IncrementalDecoder:
        return factory(errors="replace")

    return decoder


def install() -> None:
    """Make Textual's Linux driver decode input with replacement (see the module's text)."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # Windows: its driver reads text from the console, not bytes
        return
    linux_driver.getincrementaldecoder = _replacing  # type: ignore[attr-defined]
