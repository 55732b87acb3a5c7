"""Write the README's screen sample from the real program, so that it never goes stale.

    python docs/screen_sample.py           # rewrite the sample in README.md
    python docs/screen_sample.py --check   # exit 1 if README.md's sample is out of date

The program runs headless (Textual's test driver) at 80x24 in Danish, with a made-up
preparation in a temporary folder, and the screen of part 1 is taken as text: the same
screen a person sees, with the same keys in the footer. tests/test_readme.py fails when
the sample in README.md is not what this makes.
"""

from __future__ import annotations

import asyncio
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START = "<!-- screen sample: made by docs/screen_sample.py, do not edit by hand -->"
END = "<!-- end of screen sample -->"
SIZE = (80, 24)
WORDS = (
    "Jeg hedder Søren. Jeg er 42 år og går gerne ture ved åen med min hund. "
    "Jeg er god til at lytte."
)


async def _screen(folder: Path) -> str:
    from rich.console import Console

    from peerprep import settings as settings_file
    from peerprep.model import Preparation
    from peerprep.store import Store
    from peerprep.tui.app import PeerprepApp, Start

    settings_file.save(folder / "config", settings_file.Settings(welcomed=True, cursor_blink=False))
    store = Store(folder / "data")
    prep = Preparation.new("da")
    prep.set_part("introduction", WORDS)
    store.save(prep)
    app = PeerprepApp(
        store=store,
        language="da",
        data_dir=folder / "data",
        config_dir=folder / "config",
        start=Start("open", prep.id),
    )
    async with app.run_test(size=SIZE) as pilot:
        app.go_to("introduction")
        for _ in range(4):
            await pilot.pause()
        console = Console(width=SIZE[0], height=SIZE[1], file=io.StringIO(), record=True,
                          force_terminal=True, color_system=None, legacy_windows=False)  # fmt: skip
        update = app.screen._compositor.render_update(full=True, screen_stack=[])
        console.print(update)
        text = console.export_text()
    lines = [line.rstrip() for line in text.splitlines()][: SIZE[1]]
    return "\n".join(lines)


def sample() -> str:
    """The screen of part 1 at 80x24, as text."""
    with tempfile.TemporaryDirectory() as folder:
        return asyncio.run(_screen(Path(folder)))


def block(screen: str) -> str:
    return f"{START}\n```\n{screen}\n```\n{END}"


def current(readme: str) -> str:
    """The sample block now in the README (markers included); '' when there is none."""
    if START not in readme or END not in readme:
        return ""
    rest = readme.split(START, 1)[1]
    return START + rest.split(END, 1)[0] + END


def main(argv: list[str]) -> int:
    readme = README.read_text(encoding="utf-8")
    fresh = block(sample())
    old = current(readme)
    if "--check" in argv:
        return 0 if old == fresh else 1
    if not old:
        print("README.md has no screen sample markers", file=sys.stderr)
        return 1
    README.write_text(readme.replace(old, fresh), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
