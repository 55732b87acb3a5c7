"""python -m tools.bundle --platform NAME: build an offline install bundle (from the
repository's root folder; needs pip, packaging and, to build with no network, hatchling)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .platforms import PLATFORMS, PYTHONS, find

DESCRIPTION = """\
Build a folder and a zip that install peerprep with no network: peerprep's wheel, the
wheel of every dependency for one platform and each supported Python, one hash-pinned
list per Python, and an install script (PowerShell on Windows, sh elsewhere).
Downloading the wheels uses pip's configured index, or only --find-links with --no-index.
"""


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.bundle", description=DESCRIPTION)
    parser.add_argument(
        "--platform", required=True, metavar="NAME",
        help=f"one of {', '.join(PLATFORMS)}, or 'host' for this machine's",
    )  # fmt: skip
    parser.add_argument(
        "--python", action="append", metavar="X.Y", dest="pythons",
        help=f"a Python version to carry wheels for (repeat it; default: {' '.join(PYTHONS)}, "
        "on Windows on ARM from 3.11)",
    )  # fmt: skip
    parser.add_argument(
        "--out", type=Path, default=Path("dist"), help="folder for the bundle (default: dist)"
    )
    parser.add_argument(
        "--wheel", type=Path, help="use this peerprep wheel instead of building one"
    )
    parser.add_argument(
        "--find-links", type=Path, action="append", default=[], metavar="DIR",
        help="also look for wheels in DIR (repeat it)",
    )  # fmt: skip
    parser.add_argument(
        "--no-index", action="store_true", help="use no package index, only --find-links"
    )
    parser.add_argument(
        "--python-installer", type=Path, metavar="FILE",
        help="carry python.org's installer (.exe for Windows, .pkg for macOS); the install "
        "script runs it when the computer has no suitable Python",
    )  # fmt: skip
    parser.add_argument("--no-zip", action="store_true", help="make the folder only")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    try:
        platform = find(args.platform)
    except LookupError as error:
        print(f"bundle: {error}", file=sys.stderr)
        return 2
    from .build import BundleError, Source, build

    pythons = tuple(dict.fromkeys(args.pythons or platform.pythons))
    unserved = [p for p in pythons if p not in platform.pythons]
    if unserved:
        print(
            f"bundle: {platform.name} is served for Python {' '.join(platform.pythons)}, "
            f"not {' '.join(unserved)}",
            file=sys.stderr,
        )
        return 2
    source = Source(tuple(args.find_links), args.no_index)
    started = time.monotonic()
    try:
        bundle = build(
            platform, pythons, args.out, source=source, wheel=args.wheel,
            python_installer=args.python_installer, archive=not args.no_zip,
            say=lambda line: print(f"== {line}", flush=True),
        )  # fmt: skip
    except BundleError as error:
        print(f"bundle: {error}", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in bundle.folder.rglob("*") if p.is_file())
    print(f"peerprep {bundle.version} for {platform.title}, Python {' '.join(pythons)}")
    print(f"folder: {bundle.folder} ({size / 1e6:.1f} MB, {len(bundle.wheels)} wheels)")
    if bundle.archive is not None:
        print(f"zip:    {bundle.archive} ({bundle.archive.stat().st_size / 1e6:.1f} MB)")
    for requirement in bundle.left_out:
        name = requirement.split(";")[0].strip()
        print(f"left out: {name} (its marker excludes {platform.name}; see pyproject.toml)")
    print(f"took {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
