"""Ask for a passphrase: to open locked preparations, to choose one, or to remove it.

"new" says first that there is no recovery, and asks twice. The other kinds take a
`check` (run in a thread: the key derivation takes a moment) that raises CryptoError
when the passphrase is wrong; the dialog then says so plainly and stays open, and
nothing has changed. The passphrase is answered to the caller and kept nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Static

from peerprep import crypto
from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import DialogBox, PeerDialog, when_shown
from peerprep.tui.widgets.fields import Field

Kind = Literal["unlock", "new", "remove"]


class PassphraseDialog(PeerDialog[str | None]):
    first_focus = "#first"
    DEFAULT_CSS = """
    PassphraseDialog #result.-problem {
        color: $text-error;
        text-style: bold;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [bind("back", "cancel", id="crypto_cancel")]

    def __init__(self, kind: Kind, check: Callable[[str], object] | None = None) -> None:
        super().__init__()
        self.kind = kind
        self.check = check

    def compose(self) -> ComposeResult:
        with DialogBox(wide=True):
            yield Static(Content.styled(self.t(f"crypto.dialog.{self.kind}_title"), "bold"),
                         classes="dialog-title")  # fmt: skip
            if self.kind == "new":
                yield Static(Content(self.t("crypto.warning")), classes="dialog-warning")
            first = Field("", id="first", password=True)
            first.border_title = self.t(f"crypto.dialog.{self.kind}_field")
            yield first
            if self.kind == "new":
                second = Field("", id="second", password=True)
                second.border_title = self.t("crypto.dialog.repeat_field")
                yield second
            yield Static(Content(""), id="result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t("crypto.dialog.cancel"), id="cancel")
                yield Button(self.t(f"crypto.dialog.{self.kind}_ok"), id="ok", variant="primary")

    def _say(self, text: str, problem: bool = True) -> None:
        result = self.query_one("#result", Static)
        result.update(Content(text))
        result.set_class(problem, "-problem")

    @on(Input.Submitted, "#first")
    def _first_done(self) -> None:
        if self.kind == "new":
            self.query_one("#second").focus()
        else:
            self._ok()

    @on(Input.Submitted, "#second")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        passphrase = self.query_one("#first", Input).value
        if self.kind == "new":
            repeated = self.query_one("#second", Input).value
            try:
                crypto.check_new_passphrase(passphrase, repeated)
            except crypto.CryptoError as error:
                self._say(self.t(error.key, **error.values))
                return
            self.dismiss(passphrase)
            return
        if not passphrase:
            self._say(self.t("crypto.dialog.empty"))
            return
        if self.check is None:
            self.dismiss(passphrase)
            return
        self._say(self.t("crypto.dialog.working"), problem=False)
        self.query_one("#ok", Button).disabled = True
        self._check(passphrase)

    @work(thread=True, exclusive=True, group="passphrase")
    def _check(self, passphrase: str) -> None:
        assert self.check is not None
        try:
            self.check(passphrase)
        except crypto.CryptoError as error:
            self.app.call_from_thread(self._wrong, error.key, error.values)
        else:
            self.app.call_from_thread(self._right, passphrase)

    @when_shown
    def _right(self, passphrase: str) -> None:
        self.dismiss(passphrase)

    @when_shown
    def _wrong(self, key: str, values: dict[str, object]) -> None:
        self._say(self.t(key, **values))
        self.query_one("#ok", Button).disabled = False
        field = self.query_one("#first", Input)
        field.value = ""
        field.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
