"""The frozen program's entry point: the same ``main`` as the ``incident-console`` script."""

import sys

from console.cli import main

if __name__ == "__main__":
    sys.exit(main())
