"""Preparations to measure with: a normal one, a long one, and a folder of a hundred.

Texts are Danish-looking sentences (with æ, ø, å) made from a fixed seed, so every run
measures the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from peerprep.choices import PART_KEYS
from peerprep.model import PART_MAX, Preparation

SOURCE = (
    "jeg vil gerne have hjælp til at sove om natten og komme i skole igen så jeg kan tage "
    "min eksamen det er vigtigt for mig at se mine venner og gå ture med hunden når angsten "
    "fylder meget bliver det svært at møde op men med støtte går det bedre hver uge"
)
WORDS = SOURCE.split()

NORMAL = {
    "introduction": "Jeg hedder Sam. Jeg er 24 år og elsker at stå på skateboard. "
    "Jeg er god til at lytte, og jeg hjælper gerne andre.",
    "important": "Det er vigtigt for mig at komme tilbage i skole og at se mine venner.",
    "help_with": "Min sociale angst, især når der er mange mennesker omkring mig.",
    "so_that": "Så jeg kan gå i skole igen og tage min eksamen til sommer.",
}


def long_text(length: int, seed: int = 0) -> str:
    """Sentences of ordinary words, exactly `length` characters long."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < length:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        sentence = sentence[0].upper() + sentence[1:] + ". "
        out.append(sentence)
        size += len(sentence)
    text = "".join(out)[: length - 1].rstrip(" .")
    return (text + "." + "!" * length)[:length]  # exactly `length`, ending in punctuation


def _with_meeting(prep: Preparation) -> Preparation:
    prep.title = "Udskrivningsmøde på afsnit Ø2"
    prep.meeting.kind = "discharge"
    prep.meeting.date = dt.date(2026, 3, 24)
    prep.meeting.time = dt.time(9, 30)
    prep.meeting.place = "Afsnit Ø2, Aarhus"
    prep.meeting.attendees = ["min læge", "min kontaktperson", "min mor"]
    prep.meeting.companion = "Åse"
    return prep


def normal_preparation() -> Preparation:
    prep = _with_meeting(Preparation.new("da"))
    for key, text in NORMAL.items():
        prep.set_part(key, text)
    prep.questions = [
        "Hvornår kan jeg komme hjem?",
        "Hvem kan jeg ringe til, hvis det bliver svært?",
    ]
    return prep


def long_preparation(part_length: int = PART_MAX) -> Preparation:
    """Every part as long as a part may be, and ten questions: the worst case."""
    prep = _with_meeting(Preparation.new("da"))
    for index, key in enumerate(PART_KEYS):
        prep.set_part(key, long_text(part_length, seed=index))
    prep.questions = [long_text(120, seed=100 + i) for i in range(10)]
    return prep


def fill_folder(root: Path, count: int) -> list[str]:
    """`count` preparations of normal size in the data folder at `root`. Returns their ids."""
    from peerprep.store import Store

    store = Store(root)
    ids = []
    for number in range(count):
        prep = normal_preparation()
        prep.id = f"20250101-{number:06d}-{number:06x}"
        prep.title = f"Møde nummer {number + 1}"
        store.save(prep)
        ids.append(prep.id)
    return ids


def fill_folder_quickly(root: Path, count: int) -> None:
    """`count` preparations of normal size, each a minute older than the one before, in the
    data folder at `root`: the bytes the store writes, without its fsync per file (so that
    10,000 take seconds, not minutes). Only for measuring long lists."""
    import datetime as dt

    folder = root / "preparations"
    folder.mkdir(parents=True, exist_ok=True)
    base = normal_preparation()
    for number in range(count):
        prep = base.model_copy(deep=True)
        prep.id = f"20250101-{number:06d}-{number:06x}"
        prep.title = f"Møde nummer {number + 1}"
        prep.updated_at = base.updated_at - dt.timedelta(minutes=number)
        (folder / f"{prep.id}.json").write_text(prep.to_json(), encoding="utf-8")
