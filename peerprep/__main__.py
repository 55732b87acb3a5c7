"""python -m peerprep"""

import sys

from peerprep.cli import main

if __name__ == "__main__":
    sys.exit(main())
