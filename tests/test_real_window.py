"""The app in a real X window (Xvfb, xcb) under real key events (xdotool): the assessor's walk-through."""

import os
import signal
import subprocess
import sys
import time

import pytest
from tools import need_command
from xvfb import x_display

from hbm_assess.storage.store import Store

SCREEN = (1366, 768)  # a common laptop screen
LEVEL_KEYS = ["3", "2", "4", "1", "5", "n", "3", "u", "2", "4"]  # ten indicators, as an assessor scores them
WITH_EVIDENCE = {0: "Law 76/2017, article 12", 4: "After-action report, March 2025", 8: "SOP seen at the post"}


class Desktop:
    """xdotool on one X display: find windows, focus them as a window manager would, press real keys."""

    def __init__(self, env):
        self.env = env
        self.xdotool = need_command("xdotool", "xdotool")

    def run(self, *arguments: str, timeout: float = 20) -> str:
        done = subprocess.run([self.xdotool, *arguments], env=self.env, capture_output=True, text=True,
                              timeout=timeout)
        return done.stdout.strip()

    def window(self, title: str) -> str:
        """The newest window whose title contains ``title``, once it is mapped."""
        found = self.run("search", "--sync", "--onlyvisible", "--name", title).split()
        assert found, f"no window named {title!r}"
        return found[-1]

    def focus(self, window: str) -> None:
        # Xvfb has no window manager: give the window the keyboard as one would.
        self.run("windowfocus", "--sync", window)

    def keys(self, *keys: str) -> None:
        self.run("key", "--delay", "30", *keys)

    def type(self, words: str) -> None:
        self.run("type", "--delay", "15", words)

    def geometry(self, window: str) -> tuple[int, int, int, int]:
        values = dict(line.split("=") for line in self.run("getwindowgeometry", "--shell", window).splitlines())
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def start_app(env, db):
    return subprocess.Popen([sys.executable, "-m", "hbm_assess", "--db", str(db), "--lang", "en"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_for(db, check, what: str, timeout: float = 15):
    """Poll the database (read through Store, as another process would) until ``check(answers)`` holds."""
    deadline = time.monotonic() + timeout
    while True:
        store = Store.open(db)
        try:
            rows = store.list_assessments()
            answers = store.answers(rows[0].id) if rows else {}
            ids = [i.id for i in store.form(rows[0].form_id, rows[0].form_version).indicators()] if rows else []
        finally:
            store.close()
        if rows and check(answers):
            return rows[0], ids, answers
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}; answers: {answers}")
        time.sleep(0.1)


@pytest.mark.slow
def test_an_assessment_scored_by_real_keys_survives_a_kill(tmp_path):
    need_command("xdotool", "xdotool")
    db = tmp_path / "assessments.sqlite"
    with x_display(tmp_path, *SCREEN) as env:
        env["HBM_ASSESS_SETTINGS"] = str(tmp_path / "settings.ini")
        desktop = Desktop(env)
        app = start_app(env, db)
        try:
            main = desktop.window("HBM Assess — ")
            x, y, width, height = desktop.geometry(main)
            assert x >= 0 and y >= 0 and x + width <= SCREEN[0] and y + height <= SCREEN[1]

            # Create: Ctrl+N, a new site typed, the date typed in ISO form, an assessor, Enter.
            desktop.focus(main)
            desktop.keys("ctrl+n")
            dialog = desktop.window("New assessment")
            desktop.focus(dialog)
            # From the questionnaire over the scope, the target policy and the site list to the site's name.
            desktop.keys("Tab", "Tab", "Tab", "Tab")
            desktop.type("Real keys post")
            desktop.keys(*["Tab"] * 6, "ctrl+a")  # country, type, P-code, latitude, longitude: the date
            desktop.type("2025-03-15")
            desktop.keys("Tab")
            desktop.type("Layla Hassan")
            desktop.keys("Return")
            row, ids, _ = wait_for(db, lambda answers: True, "the assessment to be created")
            assert (row.site_name, row.date) == ("Real keys post", "2025-03-15")
            order, last = ids[:10], ids[9]

            # Score ten indicators by keys; some with evidence typed after Ctrl+E and left by Ctrl+Enter.
            desktop.focus(desktop.window("Real keys post"))
            for number, key in enumerate(LEVEL_KEYS):
                desktop.keys(key)
                if number in WITH_EVIDENCE:
                    desktop.keys("ctrl+e")
                    desktop.type(WITH_EVIDENCE[number])
                    desktop.keys("ctrl+Return")
                else:
                    desktop.keys("alt+Down")
            _, _, answers = wait_for(db, lambda answers: len(answers) == 10, "ten answers")
            assert set(answers) == set(order)
            scored = [answers[i].level or answers[i].special for i in order]
            assert scored == [int(k) if k.isdigit() else {"n": "na", "u": "unknown"}[k] for k in LEVEL_KEYS]
            assert {answers[order[n]].evidence_text for n in WITH_EVIDENCE} == set(WITH_EVIDENCE.values())
            assert all(not answers[order[n]].evidence_text for n in range(10) if n not in WITH_EVIDENCE)

            # Undo and redo by keys, as the README says: Ctrl+Z, Ctrl+Shift+Z (and Ctrl+Y).
            desktop.keys("ctrl+z")
            wait_for(db, lambda answers: last not in answers, "undo of the last level")
            desktop.keys("ctrl+shift+z")
            wait_for(db, lambda answers: last in answers and answers[last].level == 4, "redo by Ctrl+Shift+Z")
            desktop.keys("ctrl+z")
            wait_for(db, lambda answers: last not in answers, "undo again")
            desktop.keys("ctrl+y")
            wait_for(db, lambda answers: last in answers and answers[last].level == 4, "redo by Ctrl+Y")
        finally:
            app.send_signal(signal.SIGKILL)  # a power cut, as far as the app can tell
            app.wait(timeout=10)

        # Restart: the assessment reopens where it was; the next level key scores the next indicator.
        again = start_app(env, db)
        try:
            notice = desktop.window("Reopened after an unexpected stop")
            desktop.focus(notice)
            desktop.keys("Return")
            desktop.focus(desktop.window("Real keys post"))
            desktop.keys("2")
            _, _, answers = wait_for(db, lambda answers: len(answers) == 11, "an answer after the restart")
            assert answers[ids[10]].level == 2  # the indicator shown when the app was killed
            desktop.keys("ctrl+q")
            assert again.wait(timeout=15) == 0
        finally:
            if again.poll() is None:
                again.kill()
                again.wait()
        assert "Traceback" not in again.stderr.read()

    store = Store.open(db)
    try:
        [row] = store.list_assessments()
        assert len(store.answers(row.id)) == 11
        assert store.assessment(row.id).assessors == ("Layla Hassan",)
    finally:
        store.close()
    assert os.path.exists(tmp_path / "settings.ini")  # its own settings, not the user's
