"""python -m peerprep, and the `peerprep` console script.

`peerprep --version` is answered here, before the command line module is imported: the
answer needs nothing but the version, and Python's argparse and dataclasses (which the
full command line needs) would cost twice as long as the interpreter takes to start.
"""

from __future__ import annotations

import sys


def main() -> int:
    argv = sys.argv[1:]
    if argv == ["--version"]:
        from peerprep import __version__

        print(f"peerprep {__version__}")
        return 0
    from peerprep.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
