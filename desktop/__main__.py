"""`python -m desktop` does what the `afspraak` command does."""

import sys

from desktop.cli import main

sys.exit(main())
