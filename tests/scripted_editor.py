"""Line editing at a terminal (plain.line_editing.LineEditor) as plain mode's console sees
it, with the lines a person types given in advance: each read hands on the next one, or
raises it when it is an exception (Covered, Hangup, EOFError for Ctrl+D)."""

from __future__ import annotations

from collections.abc import Iterator


class ScriptedEditor:
    """`calls` keeps each read's (prompt, preset, folders); `typed` is the line being
    typed and not yet ended with Enter."""

    def __init__(self, *reads: str | BaseException) -> None:
        self.reads: Iterator[str | BaseException] = iter(reads)
        self.calls: list[tuple[str, str, bool]] = []
        self.typed = ""

    def read(self, prompt: str, preset: str = "", folders: bool = False) -> str:
        self.calls.append((prompt, preset, folders))
        got = next(self.reads)
        if isinstance(got, BaseException):
            raise got
        return got

    @property
    def presets(self) -> list[str]:
        return [preset for _prompt, preset, _folders in self.calls]

    def typed_so_far(self) -> str:
        return self.typed

    def settled(self) -> None:
        pass

    def forget(self) -> None:
        pass
