"""`hbm-assess --smoke`: does this installation work? Each part the app needs, checked once, without a window.

For support staff on a laptop that misbehaves, and for the bundle's build and tests: a frozen
app that lacks a data file, a hidden import or a Qt plugin fails here, by name, before a user
meets it. Everything is written in a temporary folder; the user's database and settings are
never opened. The checks call the same operations as the app and the command line.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hbm_assess.core.text import LANGUAGES

SITE = "Ibrahim Khalil"


class SmokeFailure(Exception):
    """A check found something wrong; the message says what."""


@dataclass
class Context:
    """What the checks hand on to each other: the folder, the forms, the databases, the assessment."""

    folder: Path
    forms: list = field(default_factory=list)
    store: object = None
    second: object = None
    assessment_id: int = 0
    answers: dict = field(default_factory=dict)

    def close(self) -> None:
        for store in (self.store, self.second):
            if store is not None:
                store.close()


def check_forms(ctx: Context) -> str:
    from hbm_assess import operations
    from hbm_assess.core.vocabulary import vocabulary

    ctx.forms = operations.shipped_forms()
    if not ctx.forms:
        raise SmokeFailure("no questionnaire found in the forms folder")
    for form in ctx.forms:
        lacking = [lang for lang in LANGUAGES if lang not in form.languages]
        if lacking:
            raise SmokeFailure(f"{form.id} {form.version} lacks {' '.join(lacking)}")
    vocab = vocabulary()
    for lang in LANGUAGES[1:]:
        if vocab.level_name(1, lang) == vocab.level_name(1, "en"):
            raise SmokeFailure(f"the level names in data/vocabulary.yaml are not translated to {lang}")
    return f"{len(ctx.forms)} questionnaires, {' '.join(LANGUAGES)}"


def check_translations(ctx: Context) -> str:
    from hbm_assess.ui import translations
    from hbm_assess.ui.app import application
    from hbm_assess.ui.report import Words

    app = application()
    sample = "Page %1 of %2"  # a text of the report, translated in every language
    try:
        for lang in LANGUAGES[1:]:
            missing = translations.install(app, lang)
            if missing:
                raise SmokeFailure(f"{lang}: cannot load {', '.join(missing)}")
            if Words(lang)(sample) == sample:
                raise SmokeFailure(f"{lang}: {translations.compiled_file(lang).name} does not translate {sample!r}")
    finally:
        translations.install(app, "en")  # leaves the process as it found it
    return f"{' '.join(LANGUAGES[1:])} (the app's and Qt's qtbase)"


def check_fonts(ctx: Context) -> str:
    from matplotlib import font_manager

    from hbm_assess.charts.fonts import ARABIC
    from hbm_assess.charts.fonts import register as register_for_charts
    from hbm_assess.ui import fonts

    ids = fonts.register()
    if not ids or min(ids) < 0:
        raise SmokeFailure(f"Qt could not load the fonts in {fonts.fonts_dir()}")
    register_for_charts()
    try:
        font_manager.findfont(font_manager.FontProperties(family=ARABIC), fallback_to_default=False)
    except ValueError:
        raise SmokeFailure(f"matplotlib does not find {ARABIC}") from None
    return f"{len(ids)} Arabic-script fonts for Qt and the charts"


def check_database(ctx: Context) -> str:
    from hbm_assess.core.assessment import Answer, Assessment, Site
    from hbm_assess.storage.store import Store

    form = ctx.forms[0]
    indicators = list(form.indicators())
    # Levels 1–5 in turn with a target one above: every chart and sheet has something to show.
    ctx.answers = {ind.id: Answer(ind.id, level=1 + n % 5, target=min(5, 2 + n % 5))
                   for n, ind in enumerate(indicators)}
    ctx.store = Store.open(ctx.folder / "smoke.sqlite")
    assessment = Assessment(form.id, form.version, Site(SITE, "IQ", "land"), mode=form.mode)
    first, *rest = indicators
    ctx.assessment_id = ctx.store.create_assessment(assessment, form, [ctx.answers[i.id] for i in rest])
    ctx.answers[first.id] = Answer(first.id, level=3, target=4, evidence_type="observation",
                                   evidence_text="Seen on the arrival lanes")
    ctx.store.save_answer(ctx.assessment_id, ctx.answers[first.id])
    back = ctx.store.answers(ctx.assessment_id)
    if back.get(first.id) is None or back[first.id].level != 3:
        raise SmokeFailure(f"the answer to {first.id} was saved but not read back")
    return f"temporary, {len(back)} answers saved and read back"


def check_chart(ctx: Context) -> str:
    # The Qt canvas of the Progress tab and the workshop (it needs more of Qt than the Agg canvas the report
    # and the Results and heatmap images use), never shown.
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    from hbm_assess.charts import radar

    form = ctx.store.form(ctx.forms[0].id, ctx.forms[0].version)
    figure = Figure(figsize=(6, 5), dpi=100, layout="constrained")
    radar(figure, form, ctx.store.answers(ctx.assessment_id), "ar")
    path = ctx.folder / "radar-ar.png"
    FigureCanvasQTAgg(figure).print_png(str(path))
    with open(path, "rb") as png:
        if png.read(8) != b"\x89PNG\r\n\x1a\n":
            raise SmokeFailure(f"{path.name} is not a PNG image")
    return f"radar in Arabic, PNG {path.stat().st_size // 1024} KB"


def check_workbook(ctx: Context) -> str:
    from hbm_assess.exchange.export import export_assessment
    from hbm_assess.exchange.importing import import_paths
    from hbm_assess.storage.store import Store

    path = export_assessment(ctx.store, ctx.assessment_id, ctx.folder / "smoke.xlsx", "ar")
    ctx.second = Store.open(ctx.folder / "second.sqlite")
    report = import_paths(ctx.second, [path])
    outcomes = [result.outcome for result in report.results]
    if outcomes != ["imported"]:
        reasons = "; ".join(f"{r.outcome}: {r.message}" for r in report.results) or "no file was read"
        raise SmokeFailure(f"re-importing {path.name} into a second database: {reasons}")
    imported = ctx.second.answers(report.results[0].assessment_id)
    differ = [i for i, answer in ctx.answers.items() if imported.get(i) is None or imported[i].level != answer.level]
    if differ:
        raise SmokeFailure(f"{len(differ)} answers differ after the round trip, first {differ[0]}")
    return f"written in Arabic ({path.stat().st_size // 1024} KB), imported into a second database, " \
           f"{len(imported)} answers equal"


def check_report(ctx: Context) -> str:
    from hbm_assess.ui.report import write_report

    path = write_report(ctx.store, ctx.assessment_id, ctx.folder / "smoke-ckb.pdf", "ckb")
    with open(path, "rb") as pdf:
        if pdf.read(5) != b"%PDF-":
            raise SmokeFailure(f"{path.name} is not a PDF")
    return f"Kurdish PDF, {path.stat().st_size // 1024} KB"


def check_protection(ctx: Context) -> str:
    """A workbook with a password into an encrypted database: msoffcrypto-tool and SQLCipher are installed."""
    from hbm_assess.exchange.export import export_assessment
    from hbm_assess.exchange.importing import import_paths
    from hbm_assess.storage import encryption
    from hbm_assess.storage.store import Store

    password = "smoke test words"
    path = export_assessment(ctx.store, ctx.assessment_id, ctx.folder / "protected.xlsx", password=password)
    with open(path, "rb") as workbook:
        if b"PK" == workbook.read(2):
            raise SmokeFailure(f"{path.name} was written without its password")
    database = ctx.folder / "encrypted.sqlite"
    encryption.remember(database, password)
    try:
        store = Store.open(database)
        try:
            results = import_paths(store, [path], password=password).results
            if [r.outcome for r in results] != ["imported"]:
                raise SmokeFailure("importing the protected workbook: "
                                   + "; ".join(f"{r.outcome}: {r.message}" for r in results))
            cipher = store.db.execute("PRAGMA cipher_version").fetchone()
        finally:
            store.close()
    finally:
        encryption.forget(database)
    with open(database, "rb") as file:
        if file.read(16) == b"SQLite format 3\x00":
            raise SmokeFailure("the encrypted database was written in clear")
    return f"workbook with a password imported into an encrypted database (SQLCipher {cipher[0] if cipher else '?'})"


CHECKS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("forms", check_forms),
    ("translations", check_translations),
    ("fonts", check_fonts),
    ("database", check_database),
    ("chart", check_chart),
    ("workbook", check_workbook),
    ("report", check_report),
    ("protection", check_protection),
)


def run(out=None) -> int:
    """Run every check, one line each; 0 when all pass, 1 at the first that fails (the rest need it)."""
    out = out or sys.stdout
    # No window, on any platform: a laptop's support person runs this from a console.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="hbm-smoke-") as folder:
        ctx = Context(Path(folder))
        try:
            for number, (name, check) in enumerate(CHECKS):
                try:
                    detail = check(ctx)
                except Exception as error:  # any failure is the check's result, said in one line
                    reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
                    if not isinstance(error, SmokeFailure):
                        reason = f"{type(error).__name__}: {reason}" if reason else type(error).__name__
                    print(f"FAIL {name}: {reason}", file=out, flush=True)
                    rest = [n for n, _ in CHECKS[number + 1:]]
                    if rest:
                        print(f"     not run: {', '.join(rest)}", file=out, flush=True)
                    print(f"hbm-assess --smoke: the {name} check failed", file=sys.stderr, flush=True)
                    return 1
                print(f"ok  {name}: {detail}", file=out, flush=True)
        finally:
            ctx.close()
    return 0
