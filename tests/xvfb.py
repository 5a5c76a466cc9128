"""A real X server (Xvfb) for tests that need real windows and real key events, not Qt's offscreen platform."""

from __future__ import annotations

import contextlib
import os
import subprocess

from tools import need_command


@contextlib.contextmanager
def x_display(tmp_path, width: int = 1366, height: int = 768):
    """Start Xvfb on a free display; yield the environment a child process needs to use it (xcb, own dirs)."""
    xvfb = need_command("Xvfb", "xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()  # Xvfb writes the display number once it accepts clients
        if not number:
            raise RuntimeError("Xvfb did not start")
        home = tmp_path / "home"
        for folder in ("config", "data", "cache", "runtime"):
            (home / folder).mkdir(parents=True, exist_ok=True)
        (home / "runtime").chmod(0o700)
        env = {
            **os.environ,
            "DISPLAY": f":{number}",
            "QT_QPA_PLATFORM": "xcb",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_RUNTIME_DIR": str(home / "runtime"),
        }
        env.pop("WAYLAND_DISPLAY", None)
        yield env
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
