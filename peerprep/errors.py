"""Errors a person can meet: each carries a catalogue key and the values that fill it in.

A face (command line, full screen, plain mode) shows one as a single sentence in the
person's language: `catalogue(lang).text(error.key, **error.values)`.
"""

from __future__ import annotations


class PeerprepError(Exception):
    """Base of every error that is shown to the person rather than to a developer."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key, values)
        self.key = key
        self.values = values


class StoreError(PeerprepError):
    """Reading or writing preparations failed in a way the person should hear about."""


class UnreadableError(StoreError):
    """A preparation file is broken; `key` says how (errors.file_*)."""


class SettingsError(PeerprepError):
    """The settings could not be written; `key` says why. (Here rather than in settings.py
    so that catching it does not load pydantic: the light commands only need the name.)"""


class CryptoError(StoreError):
    """Protection could not do what was asked; `key` is a catalogue key under crypto.*."""


class WrongPassphrase(CryptoError):
    """The passphrase does not open this folder."""

    def __init__(self) -> None:
        super().__init__("crypto.wrong_passphrase")


class TamperedError(UnreadableError):
    """An envelope that does not open with the right key: changed, or locked by someone else.

    An UnreadableError, so the store moves the file aside (never deletes it) and says so.
    """

    def __init__(self) -> None:
        super().__init__("crypto.tampered")


class CommandError(PeerprepError):
    """A command cannot do what was asked; said in one line, exit code 1."""
