"""Renders the main screens to PNG files offscreen, so people can look at what the app shows."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from hbm_assess.operations import add_demo_assessments, shipped_forms
from hbm_assess.storage.database import copy_database
from hbm_assess.storage.store import Store

SIZE = (1280, 820)


def _typed() -> dict:
    """What the screenshots type into the app, in each language (data/demo.yaml ``screenshots``)."""
    from hbm_assess.core.demo import demo_texts

    return demo_texts()["screenshots"]


def _demo_store(folder: Path) -> Store:
    store = Store.open(folder / "screenshots.sqlite")
    add_demo_assessments(store, count=12, seed=2014)
    return store


def _workshop(store: Store, language: str) -> int:
    """A national workshop with three groups who disagree on some indicators and wrote their outputs,
    typed in ``language`` as its facilitator would."""
    from hbm_assess.core.assessment import Answer, Assessment, Site
    from hbm_assess.core.workshop import Group, Output
    from hbm_assess.storage import workshop, workshop_outputs

    typed = _typed()
    form = next(f for f in shipped_forms() if f.mode == "rapid")
    ids = [ind.id for ind in form.indicators()]
    assessment_id = store.create_assessment(
        Assessment(form.id, form.version, Site(typed["meeting"].get(language), "IQ"), mode="rapid",
                   scope="national"), form)
    names = [name.get(language) for name in typed["groups"]]
    groups = [Group(names[0], indicators=tuple(ids[:6])), Group(names[1], indicators=tuple(ids[3:11])),
              Group(names[2], indicators=tuple(ids[9:]))]
    workshop.save_groups(store, assessment_id, groups)
    for number, group in enumerate(groups):
        evidence = typed["evidence"][number].get(language)
        answers = [Answer(i, level=1 + (n + 2 * number) % 5, evidence_text=evidence)
                   for n, i in enumerate(group.indicators)]
        workshop.replace_group_answers(store, assessment_id, group.name, answers, 1, f"demo-{number}")
    for item in typed["outputs"]:
        area = form.areas[item["area"]] if "area" in item else None
        workshop_outputs.add_output(store, assessment_id, Output(
            item["kind"], item["text"].get(language), area.id if area else "",
            indicators=tuple(item.get("indicators", ())),
            institution=item.get("institution", ""), group=names[item["group"]] if "group" in item else ""))
    return assessment_id


def render(out_dir: Path, db_path: Path | None, language: str = "en") -> list[Path]:
    """Write one PNG per main screen into ``out_dir`` and return their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from hbm_assess.ui import settings
    from hbm_assess.ui.app import application, apply_language

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hbm-screens-") as scratch:
        settings.use_file(Path(scratch) / "settings.ini")  # never disturb the user's own settings
        app = application()
        apply_language(app, language)
        store = None
        if db_path is not None:
            copy = Path(scratch) / "shown.sqlite"
            copy_database(db_path, copy)  # the user's database is read, never written
            store = Store.open(copy)
        if store is None or not store.list_assessments():
            if store is not None:
                store.close()
            store = _demo_store(Path(scratch))
        try:
            return _capture_all(app, store, out_dir, language)
        finally:
            store.close()


def _wait(app, ready: Callable[[], bool] | None, timeout_s: float = 60.0) -> None:
    """Handle events until ``ready()`` (a view's figures computed and its charts asked for)."""
    import time

    end = time.perf_counter() + timeout_s
    while ready is not None and not ready() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def _capture_all(app, store: Store, out_dir: Path, language: str) -> list[Path]:
    from hbm_assess.ui.chart_image import finish_drawing
    from hbm_assess.ui.main_window import MainWindow
    from hbm_assess.ui.new_assessment import NewAssessmentDialog

    written: list[Path] = []

    def shoot(name: str, widget, prepare: Callable[[], None] | None = None,
              ready: Callable[[], bool] | None = None) -> None:
        if prepare:
            prepare()
        for _ in range(3):
            app.processEvents()
        _wait(app, ready)
        finish_drawing()  # charts are drawn in the chart thread: the picture waits for them
        path = out_dir / f"{name}-{language}.png"
        widget.grab().save(str(path))
        written.append(path)

    window = MainWindow(store)
    window.resize(*SIZE)
    window.show()
    shoot("home", window)

    dialog = NewAssessmentDialog(shipped_forms(), window)
    dialog.show()

    def fill_dialog():
        dialog.site_choice.setCurrentIndex(1)
        dialog.assessors.setText(_typed()["assessors"].get(language))

    shoot("new-assessment", dialog, fill_dialog)

    def national():
        dialog.scope.setCurrentIndex(dialog.scope.findData("national"))
        dialog.site_name.setText(_typed()["meeting"].get(language))

    shoot("new-national", dialog, national)
    dialog.close()

    rows = store.list_assessments()
    detailed = next((r for r in rows if r.form_id == "hbm-detailed" and r.status == "draft"), rows[0])
    answered = next(iter(store.answers(detailed.id)), "")
    window.open_assessment(detailed.id, answered)
    shoot("indicator", window)
    shoot("review", window, window.assessment_view.show_review)
    view = window.assessment_view
    final = next((r for r in rows if r.form_id == detailed.form_id and r.status == "final"
                  and store.actions(r.id)), None)
    if final is not None:
        window.open_assessment(final.id)
        view = window.assessment_view
    shoot("results", window, lambda: view.tabs.setCurrentWidget(view.results), lambda: not view.results.drawing())
    from hbm_assess.ui.method import MethodDialog

    method = MethodDialog(view.session.assessment.target_policy, view.session.assessment.scope, 2, window)
    method.show()
    shoot("method", method)
    method.close()
    shoot("plan", window, lambda: view.tabs.setCurrentWidget(view.plan))
    workshop_id = _workshop(store, language)
    window.open_assessment(workshop_id)
    window.show_settle()
    shoot("workshop", window)
    window.show_outputs()
    shoot("workshop-outputs", window)
    window.show_projector()
    window.projector.resize(*SIZE)
    shoot("projector", window.projector)
    shoot("projector-next-area", window.projector, lambda: window.projector.step_area(1))
    window.projector.close()
    window.show_portfolio()
    window.portfolio.wait_for_loading()
    portfolio = window.portfolio
    shoot("portfolio", window, portfolio.wait_for_loading,
          lambda: portfolio.data is not None and portfolio.heatmap._shown is portfolio.data)
    shoot("portfolio-national", window,
          lambda: window.portfolio.tabs.setCurrentWidget(window.portfolio.national_page))
    window.show_home()
    window.close()
    return written
