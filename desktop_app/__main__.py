"""``python -m desktop_app``: the same entry point as ``township-desk``."""

import sys

from desktop_app.cli import main

sys.exit(main())
