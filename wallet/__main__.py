"""``python -m wallet``: the same as the ``wallet`` command."""

import sys

from wallet.cli import main

if __name__ == "__main__":
    sys.exit(main())
