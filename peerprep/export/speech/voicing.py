"""Which voice reads each chunk: the plan a reader speaks and a sound file is made from.

The program's languages (Danish, English) are read by the voice the person chose when it
speaks that language, else by the engine's voice of the language (see choose_voice).
Text in another script (an Arabic paragraph) is read by a voice of its language; when the
computer has none, a sentence in the program's language says what is there instead of
spelling it out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from peerprep.choices import LANGUAGES
from peerprep.export.speech.ear import Chunk
from peerprep.export.speech.engine import Engine, SpeechOptions, Voice, choose_voice
from peerprep.words import DEFAULT_LANGUAGE, catalogue

__all__ = ["Line", "Notice", "Plan", "plan"]


@dataclass(frozen=True)
class Notice:
    """Something to tell the person once (not an error): catalogue `key` and its values.
    speech.no_voice: no voice for the program's language, the engine's default reads it;
    speech.no_voice_other: a piece in another language was not read."""

    key: str
    values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Line:
    """Text one voice reads without a break. `voice` None: the engine's default voice."""

    text: str
    voice: Voice | None


@dataclass(frozen=True)
class Plan:
    lines: tuple[Line, ...]
    notices: tuple[Notice, ...]


def _main_language(chunks: list[Chunk]) -> str:
    counts = Counter(c.language for c in chunks if c.language in LANGUAGES)
    return counts.most_common(1)[0][0] if counts else DEFAULT_LANGUAGE


def _language_name(language: str, in_language: str) -> str:
    cat = catalogue(in_language)
    key = f"speech.languages.{language}"
    return cat.text(key) if cat.has(key) else language


def plan(engine: Engine, chunks: Iterable[Chunk], options: SpeechOptions) -> Plan:
    """The voice for each chunk, neighbours with one voice joined. Asks the engine for its
    voices (slow on Windows the first time: call it off the UI thread).
    Raises SpeechError when the engine cannot list its voices."""
    chunks = list(chunks)
    voices = engine.voices()
    main = _main_language(chunks)
    cat = catalogue(main)
    main_voice = choose_voice(voices, main, options.voice)
    notices: list[Notice] = []

    def notice(key: str, language: str) -> None:
        found = Notice(key, {"language": _language_name(language, main)})
        if found not in notices:
            notices.append(found)

    lines: list[Line] = []
    for chunk in chunks:
        if chunk.language == main:
            voice, text = main_voice, chunk.text
            if voice is None:
                notice("speech.no_voice", main)
        else:
            ours = chunk.language in LANGUAGES
            voice = choose_voice(voices, chunk.language, options.voice if ours else None)
            text = chunk.text
            if voice is None and ours:
                notice("speech.no_voice", chunk.language)
            elif voice is None:
                name = _language_name(chunk.language, main)
                voice, text = main_voice, cat.text("speech.not_read", language=name)
                notice("speech.no_voice_other", chunk.language)
        if lines and lines[-1].voice == voice:
            lines[-1] = Line(f"{lines[-1].text} {text}", voice)
        else:
            lines.append(Line(text, voice))
    return Plan(tuple(lines), tuple(notices))
