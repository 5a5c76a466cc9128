"""A questionnaire inside a workbook is evidence, not code: it never changes what the app ships or labels."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from hostile_workbooks import machine_rows, rehash_book, set_machine_value
from workbooks import export

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.core.questionnaire import installed_forms
from hbm_assess.exchange.importing import import_paths
from hbm_assess.storage import portfolio
from hbm_assess.storage.exchange_records import form_origin
from hbm_assess.storage.portfolio import PortfolioFilter
from hbm_assess.storage.store import Store

DETAILED = installed_forms()[("hbm-detailed", "1.0")]


def one(store, path):
    [result] = import_paths(store, [path]).results
    return result


@pytest.fixture
def detailed_file(tmp_path) -> Path:
    """A real export of Al-Walid, assessed with the questionnaire the app ships."""
    source = Store.open(tmp_path / "post.sqlite")
    assessment = Assessment(DETAILED.id, DETAILED.version, Site("Al-Walid", "IQ"), date="2026-11-20",
                            mode=DETAILED.mode)
    post_id = source.create_assessment(assessment, DETAILED, [Answer("REG-01", level=2)])
    path = export(source, post_id, tmp_path / "al-walid.xlsx")
    source.close()
    return path


def with_form(path: Path, target: Path, change, **cells) -> Path:
    """The file with its embedded questionnaire changed and every hash recomputed by the documented rule."""
    book = openpyxl.load_workbook(path)
    rows = [row for row in book["_hbm"].iter_rows(min_col=1, max_col=2) if row[0].value == "form"]
    form = json.loads("".join(str(r[1].value or "") for r in rows))
    change(form)
    text = json.dumps(form, ensure_ascii=False)
    chunks = [text[i:i + 8000] for i in range(0, len(text), 8000)]
    for n, row in enumerate(rows):
        row[1].value = chunks[n] if n < len(chunks) else None
    for chunk in chunks[len(rows):]:
        book["_hbm"].append(["form", chunk])
    for key, value in cells.items():
        set_machine_value(book, key, value)
    rehash_book(book, lineage=[])
    book.save(target)
    return target


def _poison(form: dict) -> None:
    form["areas"][0]["indicators"][0]["label"]["en"] = "Send your data to http://example.invalid"
    extra = dict(form["areas"][0]["indicators"][0], id="REG-99")
    form["areas"][0]["indicators"].append(extra)


def test_a_changed_copy_of_a_shipped_questionnaire_is_refused(detailed_file, tmp_path):
    """Finding 4. Before: it was installed, and every later assessment showed the injected text and a 45th indicator."""
    hq = Store.open(tmp_path / "hq.sqlite")
    result = one(hq, with_form(detailed_file, tmp_path / "poisoned.xlsx", _poison))
    assert result.outcome == "rejected"
    assert "this file carries a changed copy of hbm-detailed 1.0" in result.message
    assert hq.stored_forms() == []
    assert one(hq, detailed_file).outcome == "imported"
    assert hq.form("hbm-detailed", "1.0").indicator_count == DETAILED.indicator_count
    assert form_origin(hq, "hbm-detailed", "1.0") == "", "the shipped questionnaire, not one from a file"
    hq.close()


def test_an_unknown_version_serves_only_its_own_assessments_and_never_labels_others(detailed_file, tmp_path):
    """Finding 4. Before: a forged 99.0 renamed areas and indicators in the HQ portfolio across all sites."""
    def forged(form: dict) -> None:
        form["version"] = "99.0"
        form["areas"][0]["title"]["en"] = "Forged area"
        form["areas"][0]["indicators"][0]["label"]["en"] = "Forged indicator"
        form["areas"][0]["indicators"][1]["replaces"] = "REG-01"  # would make REG-01 answers count as REG-02

    hq = Store.open(tmp_path / "hq.sqlite")
    assert one(hq, detailed_file).outcome == "imported"
    book = openpyxl.load_workbook(detailed_file)
    other_uuid = "0b4e28ba-2fa1-41d2-883f-0016d3cca427"
    result = one(hq, with_form(detailed_file, tmp_path / "v99.xlsx", forged, form_version="99.0", uuid=other_uuid))
    assert result.outcome == "imported", result.message
    assert form_origin(hq, "hbm-detailed", "99.0") == "file:v99.xlsx"
    assert [r[1] for r in machine_rows(book) if r[0] == "form_version"] == ["1.0"]

    choices = portfolio.choices(hq)
    assert "Forged area" not in [str(area.label) for area in choices.areas]
    selection = portfolio.select(hq, PortfolioFilter())
    assert str(selection.labels[("hbm-detailed", "REG-01")]) == str(DETAILED.indicator("REG-01").label)
    assert selection.lineups["hbm-detailed"].renamed == (), "a file's version renames nothing"
    hq.close()


@pytest.mark.parametrize("version", ["1.²", "99.0; DROP", "1..0", "٢.0"])
def test_a_version_that_is_not_digits_and_dots_is_refused(detailed_file, tmp_path, version):
    """Finding 4. Before: version 1.² was installed and export-portfolio then crashed for the whole database."""
    def renamed(form: dict) -> None:
        form["version"] = version

    hq = Store.open(tmp_path / "hq.sqlite")
    result = one(hq, with_form(detailed_file, tmp_path / "odd.xlsx", renamed, form_version=version))
    assert result.outcome == "rejected" and "is not digits and dots" in result.message, result.message
    assert hq.stored_forms() == []
    hq.close()


def _before_phase_and_scope(form: dict) -> None:
    """The questionnaire as workbooks exported before the forms declared primary phases and scopes carry it."""
    for area in form["areas"]:
        for indicator in area["indicators"]:
            del indicator["phase"], indicator["scope"]


def test_a_workbook_exported_before_phase_and_scope_still_imports_and_the_app_copy_decides(detailed_file, tmp_path):
    """Before the hash left method metadata out, the annotated 1.0 refused every earlier export as 'changed by hand'."""
    older = with_form(detailed_file, tmp_path / "older.xlsx", _before_phase_and_scope)
    hq = Store.open(tmp_path / "hq.sqlite")
    result = one(hq, older)
    assert result.outcome == "imported", result.message
    form = hq.form("hbm-detailed", "1.0")
    assert form.indicator("REG-01").scope == "national"
    assert form.indicator("OPS-08").phase == "emergency"
    assert one(hq, detailed_file).outcome == "unchanged", "the same revision, whichever copy of 1.0 it carries"
    hq.close()


def test_a_database_holding_1_0_from_before_phase_and_scope_reads_them_from_the_shipped_copy(tmp_path):
    store = Store.open(tmp_path / "old.sqlite")
    body = DETAILED.to_dict()
    _before_phase_and_scope(body)
    store.db.execute("INSERT INTO forms (id, version, title, body, indicator_count, installed_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)", ("hbm-detailed", "1.0", json.dumps(body["title"]), json.dumps(body),
                                                   DETAILED.indicator_count, "2025-01-01T00:00:00Z"))
    store.db.conn.commit()
    form = store.form("hbm-detailed", "1.0")
    assert form.indicator("INF-09").phase == "post-crisis", "the first tag would say pre-crisis"
    assert form.indicator("COO-01").national
    store.close()


def test_a_stored_copy_that_means_something_else_is_kept_as_stored(tmp_path):
    store = Store.open(tmp_path / "odd.sqlite")
    body = DETAILED.to_dict()
    body["areas"][0]["indicators"][0]["label"]["en"] = "A question reworded"
    store.db.execute("INSERT INTO forms (id, version, title, body, indicator_count, installed_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)", ("hbm-detailed", "1.0", json.dumps(body["title"]), json.dumps(body),
                                                   DETAILED.indicator_count, "2025-01-01T00:00:00Z"))
    store.db.conn.commit()
    assert store.form("hbm-detailed", "1.0").indicator("REG-01").label.get("en") == "A question reworded"
    store.close()
