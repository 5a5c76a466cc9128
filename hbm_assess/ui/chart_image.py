"""Charts drawn off the GUI thread: matplotlib's Agg canvas in a worker, the finished image in a light widget.

matplotlib's Figure API with the Agg canvas works in any thread as long as each figure is
touched by one thread at a time (never pyplot). Each request builds its own Figure in the
worker, draws it and hands over the pixels; the GUI thread only paints a QImage, so opening
the portfolio or Results no longer freezes the window for the layout and text of a chart
(#20). One thread draws every chart: matplotlib caches its fonts per thread, so they load
once. A newer request for a widget supersedes an older one, and a widget that is deleted
drops its request.
"""

from __future__ import annotations

import gc
import itertools
import threading
import time
import traceback
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

DPI = 100  # matplotlib's own: a figure's inches are the widget's pixels / 100, as on its Qt canvas
RESIZE_PAUSE_MS = 150  # a window dragged larger redraws its charts once, when the dragging pauses

Draw = Callable[[object], None]           # draws on a matplotlib Figure
After = Callable[[object, float], object]  # (figure after drawing, height in pixels) -> what hit-testing needs


@dataclass(frozen=True)
class Rendered:
    """A chart drawn in the worker: its pixels (RGBA), the figure they came from and what ``after`` worked out.

    Plain Python: no Qt object is made in the worker; the GUI thread makes the image (``image()``).
    """

    pixels: bytes
    width: int
    height: int
    ratio: float
    figure: object
    extra: object

    def image(self) -> QImage:
        image = QImage(self.pixels, self.width, self.height, self.width * 4, QImage.Format.Format_RGBA8888).copy()
        image.setDevicePixelRatio(self.ratio)
        return image


def render(draw: Draw, width: int, height: int, ratio: float = 1.0, after: After | None = None) -> Rendered:
    """Draw a ``width`` × ``height`` (logical pixels) chart at device pixel ratio ``ratio``; any thread."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(max(width, 1) / DPI, max(height, 1) / DPI), dpi=DPI * ratio, layout="constrained")
    draw(figure)
    # The canvas a chart measured its texts on, if it did (charts.heatmap lays itself out): its renderer keeps them.
    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    canvas.draw()
    buffer = canvas.buffer_rgba()
    rows, columns = buffer.shape[0], buffer.shape[1]
    extra = after(figure, rows) if after is not None else None
    return Rendered(bytes(buffer), columns, rows, ratio, figure, extra)


class _CollectorPause:
    """Python's cyclic garbage collector kept out of the chart thread while it draws.

    A collection runs in whichever thread happens to allocate; started in the chart thread it
    freed the wrappers of a closed view's Qt widgets there, off the GUI thread, and the test
    suite crashed (segmentation fault, "Garbage-collecting" in the chart thread inside
    charts.heatmap). The collector is paused from the start of each drawing until its
    hand-over on the GUI thread, where the next collection may then run.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._drawing = 0
        self._paused = False

    def enter(self) -> None:
        """In the chart thread, before a drawing."""
        with self._lock:
            self._drawing += 1
            if gc.isenabled():
                gc.disable()
                self._paused = True

    def leave(self) -> None:
        """On the GUI thread, at a drawing's hand-over."""
        with self._lock:
            self._drawing -= 1
            if self._drawing == 0 and self._paused:
                self._paused = False
                gc.enable()


class _Renderer(QObject):
    """The one worker thread that draws charts, and the hand-over of its results to the GUI thread."""

    rendered = Signal(int)  # a request id: its Rendered (or None: superseded, failed) waits in _results

    def __init__(self):
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts")
        self._ids = itertools.count(1)
        self._current: dict[int, int] = {}  # widget key -> its newest request id (read by the worker)
        self._waiting: dict[int, weakref.ref] = {}  # request id -> widget (GUI thread only)
        # Results handed over through a dict, the signal carrying only a number: no Python object
        # crosses threads inside a Qt event (one queued with a Python object crashed the collector).
        self._results: dict[int, Rendered | None] = {}
        self._last: Future | None = None
        self._collector = _CollectorPause()
        self.rendered.connect(self._on_rendered, Qt.ConnectionType.QueuedConnection)

    def submit(self, widget: ChartImage, draw: Draw, after: After | None, size: QSize, ratio: float) -> int:
        request = next(self._ids)
        key = id(widget)
        self._current[key] = request
        self._waiting[request] = weakref.ref(widget)
        width, height = size.width(), size.height()

        def work() -> None:
            result = None
            self._collector.enter()  # left in _on_rendered, on the GUI thread
            if self._current.get(key) == request:  # not superseded while it waited
                try:
                    result = render(draw, width, height, ratio, after)
                except Exception:  # a chart that cannot be drawn leaves the last image; the window goes on
                    traceback.print_exc()  # said where a developer looks, as on the GUI thread before
                    result = None
            self._results[request] = result
            self.rendered.emit(request)

        self._last = self._pool.submit(work)
        return request

    def forget(self, key: int) -> None:
        """Drop a widget's request: it is being deleted, nothing is painted into it."""
        self._current.pop(key, None)

    def run(self, work: Callable[[], object]) -> Future:
        """Run ``work`` in the chart thread (the warm-up), after what is queued."""
        return self._pool.submit(work)

    def wait(self) -> None:
        """Block until every request submitted so far is drawn (not yet handed over: events do that)."""
        if self._last is not None:
            self._last.result()

    def _on_rendered(self, request: int) -> None:
        self._collector.leave()
        result = self._results.pop(request, None)
        ref = self._waiting.pop(request, None)
        widget = ref() if ref is not None else None
        if widget is not None and isValid(widget):
            widget._on_rendered(request, result)


_renderer: _Renderer | None = None
_lock = threading.Lock()


def renderer() -> _Renderer:
    """The chart thread (made on first use; its hand-over object belongs to the GUI thread)."""
    global _renderer
    with _lock:
        if _renderer is None:
            _renderer = _Renderer()
            app = QCoreApplication.instance()
            if app is not None and _renderer.thread() is not app.thread():
                _renderer.moveToThread(app.thread())
        return _renderer


def _forget(key: int) -> None:
    if _renderer is not None:
        _renderer.forget(key)


_images: weakref.WeakSet[ChartImage] = weakref.WeakSet()


class ChartImage(QWidget):
    """A chart as an image: drawn in the chart thread, painted here at the screen's pixel ratio.

    ``show_chart(draw)`` asks for a drawing at the widget's size; a resize asks again after a
    pause. ``figure`` and ``extra`` are those of the image on screen (the worker no longer
    touches that figure). Mouse moves and clicks are passed on as ``hovered``/``clicked``.
    """

    drawn = Signal()
    hovered = Signal(QPointF)
    clicked = Signal(QPointF)
    left = Signal()

    def __init__(self, hint: QSize = QSize(550, 420), parent=None):  # noqa: B008 - an immutable value
        super().__init__(parent)
        self.hint = hint
        self.image: QImage | None = None
        self.figure = None
        self.extra = None
        self.marked: QRectF | None = None  # a rectangle framed over the image (the selected heatmap cell)
        self._draw: Draw | None = None
        self._after: After | None = None
        self._request: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._submit)
        self._stale = False  # a drawing was dropped when hidden: asked for again when shown
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        _images.add(self)

    def sizeHint(self) -> QSize:
        return self.hint

    def show_chart(self, draw: Draw, after: After | None = None) -> None:
        """Draw with ``draw(figure)`` in the chart thread, replacing whatever was asked before."""
        self._draw, self._after = draw, after
        self._timer.start(0)  # after the layout this turn of events settles: one drawing at the final size

    def busy(self) -> bool:
        """True while a drawing is asked for or under way."""
        return self._timer.isActive() or self._request is not None

    def _submit(self) -> None:
        if self._draw is None:
            return
        if not self.isVisible():
            self._timer.stop()
            return  # drawn when shown, at the size it is shown at
        # Layouts waiting to be applied first (a scroll bar appearing narrows a chart by its width):
        # the size asked for is the one the chart keeps, and it is drawn once, not twice.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if not self.isVisible():
            return
        self._request = renderer().submit(self, self._draw, self._after, self.size(), self.devicePixelRatioF())

    def _on_rendered(self, request: int, result: Rendered | None) -> None:
        if request != self._request:
            return  # a newer drawing is on its way, or the chart was hidden meanwhile
        self._request, self._stale = None, False
        if result is None:
            return
        self.image, self.figure, self.extra = result.image(), result.figure, result.extra
        self.update()
        if self._out_of_size() and not self._timer.isActive():
            self._timer.start(RESIZE_PAUSE_MS)
        self.drawn.emit()

    def _out_of_size(self) -> bool:
        if self.image is None:
            return True
        ratio = self.devicePixelRatioF()
        return (round(self.width() * ratio), round(self.height() * ratio)) != (self.image.width(),
                                                                              self.image.height())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._draw is not None and self._request is None and (self._stale or self._out_of_size()):
            self._timer.start(0)

    def hideEvent(self, event) -> None:
        # Its view closed or another tab shown: the drawing asked for is dropped (skipped if not yet
        # started, its result ignored if it has), and asked for again if the chart is shown again.
        # (Not on `destroyed`: a slot run while a widget's wrapper is being collected is unsafe.)
        if self._request is not None or self._timer.isActive():
            self._stale = True
            self._timer.stop()
            _forget(id(self))
            self._request = None
        super().hideEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._draw is not None and self.image is not None and self._out_of_size():
            self._timer.start(RESIZE_PAUSE_MS)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(self.rect()), self.image)  # 1:1 at the right size; scaled while resizing
        if self.marked is not None:
            painter.setPen(QPen(QColor("black"), 2.5))
            painter.drawRect(self.marked)
        painter.end()

    def wheelEvent(self, event) -> None:
        event.ignore()  # the charts do not zoom: the wheel scrolls the page they are on

    def mouseMoveEvent(self, event) -> None:
        self.hovered.emit(event.position())
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(event.position())
        super().mousePressEvent(event)

    def leaveEvent(self, event) -> None:
        self.left.emit()
        super().leaveEvent(event)


def drawing() -> bool:
    """True while any chart on screen waits for its image."""
    return any(isValid(image) and image.busy() for image in list(_images))


def finish_drawing(timeout_s: float = 60.0) -> None:
    """Let every asked-for chart be drawn and shown (screenshots, tests, benchmarks)."""
    app = QCoreApplication.instance()
    end = time.perf_counter() + timeout_s
    while time.perf_counter() < end:
        app.processEvents()
        if not drawing():
            return
        if _renderer is not None:
            _renderer.wait()
        time.sleep(0.002)


def warm_up(language: str, form=None) -> None:
    """Draw each kind of chart once, small, in the chart thread (call it there).

    matplotlib looks up a font for every family, size and weight a chart uses (a quarter of a
    second the first time) and opens the font files once per thread: done here, at start, in
    the background, the first portfolio or Results does not pay for it.
    """
    from hbm_assess import charts

    drawings = [lambda figure: charts.heatmap(figure, ["·"], ["·"], [[3.0]], [[1]], language, title="·")]
    if form is not None:
        drawings += [lambda figure: charts.radar(figure, form, {}, language),
                     lambda figure: charts.gap_chart(figure, form, {}, language),
                     lambda figure: charts.phase_chart(figure, form, {}, language)]
    for draw in drawings:
        render(draw, 300, 240)
