"""The bundle's entry point: the command line's main, as `hbm-assess` is when installed with pip."""

import os
import sys
from pathlib import Path


def _keep_matplotlib_font_list() -> None:
    # PyInstaller's run-time hook (pyi_rth_mplconfig) gives matplotlib a new temporary config folder
    # at every start, so its list of the machine's fonts (about a second to build here, more on a
    # Windows machine with many fonts) would be rebuilt at the first chart of every session. A cache
    # folder of the app's own keeps it; matplotlib rebuilds the list itself when a font file moved.
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "hbm-assess" / "cache"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hbm-assess"
    folder = base / "matplotlib"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # an unwritable home: the temporary folder still works, only slower
    os.environ["MPLCONFIGDIR"] = str(folder)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        _keep_matplotlib_font_list()
    from hbm_assess.cli import main

    sys.exit(main())
