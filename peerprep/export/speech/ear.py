"""Text made for the ear: what a speech engine is given instead of what the screen shows.

A screen can lean on the eye (a date as 01.12.2025, a key as Ctrl+S, a bullet, an arrow,
an ellipsis); a voice reads those as "zero one point twelve", "c t r l plus s", "bullet".
Here such text becomes words in the catalogue's language, and text in another script
(an Arabic sentence in a Danish answer) is cut out into a `Chunk` of its own, so that it
is read by a voice of its language rather than spelled letter by letter.

Pure: no I/O, no engine. The key names live in assets/lang/*/speech.json; dates and times
are said by words.dates, in the same words as both faces say them (dates.json).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from peerprep.words import Catalogue
from peerprep.words.dates import say_date, say_time

__all__ = [
    "SCRIPT_LANGUAGES",
    "Chunk",
    "for_the_ear",
    "language_of",
    "merge",
    "own_words",
    "program_words",
    "spoken_date",
    "spoken_time",
]

# The scripts a person may write a paragraph in besides the Latin letters of the program's
# languages, and the language whose voice reads them: (prefix of the Unicode character
# name, language code). The codes are ISO 639 codes as eSpeak NG, macOS and Windows name
# their voices (Unicode Standard, chapter 9-13 for the scripts). Where one script serves
# several languages the commonest in Denmark is chosen; `_REFINE` tells some apart.
SCRIPT_LANGUAGES: tuple[tuple[str, str], ...] = (
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("ETHIOPIC", "am"),
    ("ARMENIAN", "hy"),
    ("GEORGIAN", "ka"),
    ("DEVANAGARI", "hi"),
    ("BENGALI", "bn"),
    ("TAMIL", "ta"),
    ("THAI", "th"),
    ("HANGUL", "ko"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("CJK UNIFIED", "zh"),
)
# Letters only one language of a script uses: Urdu and Persian among the Arabic script
# (Persian writes yeh and kaf as ی and ک where Arabic writes ي and ك), Ukrainian among the
# Cyrillic. Checked in this order (Urdu has the Persian letters too).
_REFINE: dict[str, tuple[tuple[str, str], ...]] = {
    "ar": (("ٹڈڑںےۓھ", "ur"), ("پچژگیک", "fa")),
    "ru": (("їєґі", "uk"),),
}
_JAPANESE_KANA = "ja"

# The characters a voice would name aloud, which say nothing to a listener: bullets,
# arrows of buttons, ticks, ellipses, markup a person may type (*, #, _, `, ~, |).
_SILENT = re.compile(r"[*#_`~|•·◦‣▪▶◀►◄▸◂✓✔✗✘…]+")
_ARROWS = {"↑": "up", "↓": "down", "←": "left", "→": "right"}
_MODIFIERS = {"ctrl": "ctrl", "control": "ctrl", "shift": "shift", "alt": "alt"}
# "Ctrl+S", "Shift+Tab", "Ctrl+↑": a modifier, a plus and a key.
_COMBO = re.compile(r"\b(Ctrl|Control|Shift|Alt)\s*\+\s*", re.IGNORECASE)
_CARET = re.compile(r"\^([A-Za-z])\b")  # "^S", the terminal's way of writing Ctrl+S
_ESCAPE = re.compile(r"\bEsc\b")
_PAGE = re.compile(r"\b(PgUp|PgDn|PageUp|PageDown|Page Up|Page Down)\b")
_LIST_MARK = re.compile(r"^\s*[-–—*•·]\s+")  # a line that starts a list item
_END = re.compile(r"[.!?:;,]\s*$")
_SPACES = re.compile(r"[ \t\u00a0]+")

# Dates a person may type: 1.12.2025, 1/12/25 (day first, as in Denmark and Britain) and
# 2025-12-01. A match that is no real date is left as it is.
_DAY_FIRST = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class Chunk:
    """A piece of text for the ear and the language whose voice should read it.

    `language` is an ISO 639 code: a catalogue language ("da", "en") or one of
    SCRIPT_LANGUAGES' codes ("ar", "fa", ...). `text` ends with a sentence mark, so that a
    voice pauses after it.
    """

    text: str
    language: str


def spoken_date(
    cat: Catalogue, value: dt.date, *, weekday: bool = True, today: dt.date | None = None
) -> str:
    """A date in words: "tirsdag den 1. december" / "Tuesday the 1st of December".

    The year is said when it is not this year (`today`, default the computer's date), or
    always when `weekday` is False (a date the person typed keeps what they wrote). The
    words are the ones both faces say (words.dates.say_date).
    """
    return say_date(cat, value, today=today, weekday=weekday)


def spoken_time(cat: Catalogue, value: dt.time) -> str:
    """A time in words a voice says well: "klokken 10", "klokken 10:30" / "10 o'clock"
    (words.dates.say_time)."""
    return say_time(cat, value)


def _typed_date(cat: Catalogue, match: re.Match[str], day: int, month: int, year: int) -> str:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return match.group(0)
    return spoken_date(cat, value, weekday=False)


def _dates_and_times(cat: Catalogue, text: str) -> str:
    def day_first(match: re.Match[str]) -> str:
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year += 2000
        return _typed_date(cat, match, day, month, year)

    def iso(match: re.Match[str]) -> str:
        year, month, day = (int(g) for g in match.groups())
        return _typed_date(cat, match, day, month, year)

    # "d. 12.03.2025" -> "den 12. marts 2025": the words before a date that the spoken
    # date says itself (speech.date_words) go.
    before = "|".join(re.escape(w) for w in cat.list("speech.date_words"))
    lead = rf"(?:(?<!\w)(?:{before})\s*)?"
    text = re.sub(lead + _ISO.pattern, iso, text, flags=re.IGNORECASE)
    text = re.sub(lead + _DAY_FIRST.pattern, day_first, text, flags=re.IGNORECASE)
    # "kl. 10.30" is read "k l ten point thirty"; "klokken 10:30" is read as a time. The
    # first of speech.clock_words is how the time is said; the others are its short forms.
    said, *words = cat.list("speech.clock_words")
    pattern = "|".join(re.escape(w) for w in sorted([said, *words], key=len, reverse=True))
    clock = re.compile(rf"(?<!\w)({pattern})\s*(\d{{1,2}})(?:[.:](\d{{2}}))?\b", re.IGNORECASE)

    def time(match: re.Match[str]) -> str:
        word, hour, minute = match.group(1), int(match.group(2)), match.group(3)
        if hour > 24 or (minute is not None and int(minute) > 59):
            return match.group(0)
        if minute is not None:
            return f"{said} {hour}:{minute}"
        # "at 3" may be no time at all; only a short form ("kl 10") says it is one.
        return f"{said} {hour}" if word.lower() != said.lower() else match.group(0)

    return clock.sub(time, text)


def _key_names(cat: Catalogue, text: str) -> str:
    def combo(match: re.Match[str]) -> str:
        return cat.text(f"speech.keys.{_MODIFIERS[match.group(1).lower()]}") + " "

    text = _COMBO.sub(combo, text)
    text = _CARET.sub(lambda m: f"{cat.text('speech.keys.ctrl')} {m.group(1).upper()}", text)
    text = _ESCAPE.sub(cat.text("speech.keys.escape"), text)
    text = _PAGE.sub(
        lambda m: cat.text(
            "speech.keys.page_up" if "u" in m.group(1).lower() else "speech.keys.page_down"
        ),
        text,
    )
    for arrow, name in _ARROWS.items():
        text = text.replace(arrow, f" {cat.text(f'speech.keys.{name}')} ")
    return text


def _unspoken(char: str) -> bool:
    """Symbols a voice would name ("smiling face", "black star"): emoji and pictographs."""
    return unicodedata.category(char) in ("So", "Sk", "Co", "Cn") and char not in "°"


def for_the_ear(cat: Catalogue, text: str) -> str:
    """One line or paragraph of text made for the ear, in the language of `cat`: dates,
    times and key names in words, no symbols, each line ending in a pause."""
    text = _dates_and_times(cat, text)
    text = _key_names(cat, text)
    lines: list[str] = []
    for raw in text.replace("\r", "\n").split("\n"):
        line = _LIST_MARK.sub("", raw)
        line = _SILENT.sub(" ", line)
        line = "".join(" " if _unspoken(char) else char for char in line)
        line = _SPACES.sub(" ", line).strip(" -–—")
        if not any(char.isalnum() for char in line):
            continue
        # A line break is a pause to the eye; a voice needs a mark to pause.
        lines.append(line if _END.search(line) else f"{line}.")
    return " ".join(lines)


@cache
def _script_of(char: str) -> str | None:
    """The language whose voice reads this letter; None for Latin letters and for what is
    no letter (digits, spaces, punctuation), which go with the letters around them."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    for prefix, language in SCRIPT_LANGUAGES:
        if name.startswith(prefix):
            return language
    return None


def language_of(text: str, main: str) -> str:
    """The language whose voice should read `text`: the script most of its letters are
    written in (Arabic letters: "ar"), else `main` (Latin letters cannot tell Danish from
    English; the program's language decides)."""
    counts: dict[str, int] = {}
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            language = _script_of(char)
            if language:
                counts[language] = counts.get(language, 0) + 1
    if not counts:
        return main
    language, count = max(counts.items(), key=lambda item: item[1])
    if count * 2 < letters:
        return main
    if language == "zh" and "ja" in counts:
        return _JAPANESE_KANA  # Japanese mixes Chinese characters with kana
    for letters_of, refined in _REFINE.get(language, ()):
        if any(char in letters_of for char in text):
            return refined
    return language


def _runs(text: str, main: str) -> list[tuple[str, str]]:
    """`text` cut where the script changes: [(piece, language)]; digits, spaces and
    punctuation stay with the piece they follow."""
    runs: list[tuple[list[str], str]] = []
    for char in text:
        script = _script_of(char)
        if char.isalpha():
            language = script or main
            if not runs or runs[-1][1] != language:
                runs.append(([], language))
        elif not runs:
            runs.append(([], main))
        runs[-1][0].append(char)
    return [("".join(chars), language) for chars, language in runs]


def _chunks(cat: Catalogue, text: str, main: str) -> list[Chunk]:
    out: list[Chunk] = []
    for piece, script in _runs(text, main):
        language = main if script == main else language_of(piece, main)
        spoken = for_the_ear(cat, piece) if language == main else _plain(piece)
        if spoken:
            out.append(Chunk(spoken, language))
    return merge(out)


def _plain(text: str) -> str:
    """Text in another script: only symbols and line breaks are taken out."""
    text = _SILENT.sub(" ", text)
    text = "".join(" " if _unspoken(char) else char for char in text)
    text = _SPACES.sub(" ", text.replace("\n", " ")).strip()
    if not any(char.isalnum() for char in text):
        return ""
    return text if _END.search(text) or text[-1] in "؟۔。！？" else f"{text}."


def program_words(cat: Catalogue, *texts: str) -> list[Chunk]:
    """The program's own texts (a starter, a help text, a label), for the ear, in the
    language of `cat`."""
    return merge([chunk for text in texts for chunk in _chunks(cat, text, cat.language)])


def own_words(cat: Catalogue, text: str, language: str | None = None) -> list[Chunk]:
    """The person's own words, for the ear: each run of another script (an Arabic
    sentence) is a chunk of its own language; the rest is read in `language` (default the
    language of `cat`), with `cat`'s words for dates and keys."""
    main = language or cat.language
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return merge([chunk for p in paragraphs for chunk in _chunks(cat, p, main)])


def merge(chunks: list[Chunk]) -> list[Chunk]:
    """Neighbouring chunks of one language joined into one (fewer pauses to start a voice)."""
    out: list[Chunk] = []
    for chunk in chunks:
        if out and out[-1].language == chunk.language:
            out[-1] = Chunk(f"{out[-1].text} {chunk.text}", chunk.language)
        else:
            out.append(chunk)
    return out
