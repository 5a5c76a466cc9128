"""Entry point for ``python -m hbm_assess``."""

import sys

from hbm_assess.cli import main

sys.exit(main())
