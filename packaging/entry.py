"""The bundle's entry point: the command line's main, as `hbm-assess` is when installed with pip."""

import sys

from hbm_assess.cli import main

if __name__ == "__main__":
    sys.exit(main())
