"""The privacy screen: a calm, neutral cover that shows nothing of the person's words.

Shown on a shared computer after a few idle minutes. It is a full screen (not a dialog),
so nothing underneath is drawn at all. Any key or click brings the work back; that key
does nothing else.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from peerprep.words import Catalogue


class PrivacyScreen(Screen[None]):
    DEFAULT_CSS = """
    PrivacyScreen {
        background: $background;
        align: center middle;
    }
    PrivacyScreen #privacy-box {
        width: auto;
        max-width: 60;
        height: auto;
        padding: 1 4;
        border: round $primary-muted;
        text-align: center;
    }
    """

    def __init__(self, cat: Catalogue, minutes_left: int) -> None:
        super().__init__()
        self._cat = cat
        self.minutes_left = minutes_left  # until the session is erased

    def compose(self) -> ComposeResult:
        # Only the program's own words: no title, no folder, nothing the person typed.
        t = self._cat.text
        text = "\n\n".join((
            t("shared.privacy.title"),
            t("shared.privacy.hidden"),
            t("shared.privacy.erase", n=self.minutes_left),
            t("shared.privacy.back"),
        ))  # fmt: skip
        with Middle(), Center():
            yield Static(Content(text), id="privacy-box")

    def on_mount(self) -> None:
        self.app.clear_notifications()  # a toast could name a title or a folder

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(None)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.dismiss(None)
