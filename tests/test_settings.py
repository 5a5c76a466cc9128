"""Remembered settings: what is written soon is read at once, reaches the disk when the loop turns, is never lost."""

import pytest
from PySide6.QtCore import QSettings

from hbm_assess.ui import settings


def on_disk(path, key):
    return QSettings(str(path), QSettings.Format.IniFormat).value(key)


def test_written_soon_is_read_at_once_and_on_disk_once_the_event_loop_turns(qtbot, settings_file):
    settings.write_soon({"session/open_assessment": 7, "session/indicator": "REG-01"})
    settings.write_soon({"session/indicator": "REG-02"})  # a second change in the same turn: one disk write
    assert (settings.read("session/open_assessment"), settings.read("session/indicator")) == (7, "REG-02")
    assert on_disk(settings_file, "session/indicator") is None  # the turn that wrote it did not wait for the disk
    qtbot.waitUntil(lambda: on_disk(settings_file, "session/indicator") == "REG-02", timeout=2000)
    assert int(on_disk(settings_file, "session/open_assessment")) == 7


def test_an_immediate_write_takes_what_waits_with_it_and_wins_over_it(qtbot, settings_file):
    settings.write_soon({"session/open_assessment": 7, "session/indicator": "REG-01"})
    settings.write_all({"session/open_assessment": 0})  # closed within the same turn
    assert on_disk(settings_file, "session/indicator") == "REG-01"
    assert int(on_disk(settings_file, "session/open_assessment")) == 0
    qtbot.wait(50)  # the timer finds nothing left to write, and writes nothing over it
    assert int(on_disk(settings_file, "session/open_assessment")) == 0


def test_switching_files_writes_what_waits_to_the_file_it_was_meant_for(qtbot, tmp_path, settings_file):
    settings.write_soon({"last_assessment": 3})
    other = tmp_path / "other.ini"
    settings.use_file(other)
    assert int(on_disk(settings_file, "last_assessment")) == 3
    assert settings.read("last_assessment") == 0 and on_disk(other, "last_assessment") is None


def test_an_unknown_key_is_refused_before_anything_waits(settings_file):


    with pytest.raises(KeyError):
        settings.write_soon({"session/indicator": "REG-01", "no/such/key": 1})
    assert settings.read("session/indicator") == ""
