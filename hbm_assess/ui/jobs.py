"""Slow work (imports, exports, reports) off the GUI thread, with progress and Cancel.

The work itself is a plain function taking ``progress(done, total, what)`` and
``cancelled()``; only the GUI thread touches widgets: progress crosses over as
a queued signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from hbm_assess.ui import text

SHOW_AFTER_MS = 500  # quick jobs finish without a dialog flashing up


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable, cancel_event: threading.Event):
        super().__init__()
        self.work = work
        self.cancel_event = cancel_event

    def run(self) -> None:
        try:
            result = self.work(self._progress, self.cancel_event.is_set)
        except Exception as error:  # reported to the person, never lost in a thread
            self.failed.emit(text.said(error) or error.__class__.__name__)
            return
        self.finished.emit(result)

    def _progress(self, done: int, total: int, what: object = "") -> None:
        self.progressed.emit(done, total, str(what))


class ProgressDialog(QProgressDialog):
    """A progress dialog that leaves the keyboard where the person was typing.

    It appears half a second into a job, while an assessor may still be answering: had it taken
    the keyboard, the next level keys would go nowhere and Space or Enter would press Cancel.
    The window they were typing in gets the keyboard back; Cancel is one click away.
    """

    def __init__(self, *args):
        super().__init__(*args)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # where the window system honours it

    def showEvent(self, event) -> None:
        typing_in = QApplication.focusWidget()
        super().showEvent(event)
        if typing_in is not None and typing_in.window() is not self:
            QTimer.singleShot(0, lambda: _give_keyboard_back(typing_in))


def _give_keyboard_back(widget: QWidget) -> None:
    try:
        if widget.isVisible():
            widget.window().activateWindow()
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
    except RuntimeError:  # the widget was deleted meanwhile
        pass


class Job(QObject):
    """One piece of slow work in its own thread, with a progress dialog that can cancel it."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable, title: str, parent: QWidget):
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.thread = QThread(self)
        self.worker = _Worker(work, self.cancel_event)
        self.worker.moveToThread(self.thread)
        self.dialog = ProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._on_progressed)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        """Stop after the current step; what was done before stays done."""
        self.cancel_event.set()
        self.dialog.setLabelText(self.tr("Stopping after the current file…"))

    def _on_progressed(self, done: int, total: int, what: str) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        if what and not self.cancel_event.is_set():
            self.dialog.setLabelText(what)

    def _end(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()

    def _on_finished(self, result: object) -> None:
        self._end()
        self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
