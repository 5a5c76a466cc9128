"""Workshop outputs travel: export → import gives back every challenge, strategy and contribution exactly."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_exchange_roundtrip import SHORT, TEXT, TIMESTAMP, assessments
from workbooks import export, same_data

from hbm_assess.core.workshop import OUTPUT_KINDS, Output
from hbm_assess.exchange.importing import import_paths
from hbm_assess.storage import workshop_outputs
from hbm_assess.storage.database import write_transaction
from hbm_assess.storage.store import Store


@st.composite
def outputs(draw, form, action_uuids):
    kind = draw(st.sampled_from(OUTPUT_KINDS))
    institution = draw(SHORT.filter(lambda t: t.strip()) if kind == "contribution" else SHORT)
    return Output(
        kind=kind, text=draw(TEXT.filter(lambda t: t.strip())), institution=institution,
        area=draw(st.sampled_from(["", *(a.id for a in form.areas)])),
        indicators=tuple(draw(st.lists(st.sampled_from(list(form.by_id)), max_size=3, unique=True))),
        actions=tuple(draw(st.lists(st.sampled_from(action_uuids), max_size=2, unique=True))) if action_uuids else (),
        group=draw(st.sampled_from(["", "Legal", "مجموعة ٢", "گرووپی ٣"])), updated_at=draw(TIMESTAMP),
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=st.data(), language=st.sampled_from(["en", "ar", "ckb"]))
def test_outputs_come_back_exactly_and_only_once(mini_form, data, language):
    assessment, found, planned = data.draw(assessments(mini_form))
    written = data.draw(st.lists(outputs(mini_form, [a.uuid for a in planned]), min_size=1, max_size=5))
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source, target = Store.open(folder / "a.sqlite"), Store.open(folder / "b.sqlite")
        try:
            source_id = source.create_assessment(assessment, mini_form, found, planned)
            with write_transaction(source.db):
                workshop_outputs.insert_outputs(source, source_id, written)
            path = export(source, source_id, folder / "out.xlsx", language)
            result = import_paths(target, [path]).results[0]
            assert (result.outcome, result.changes) == ("imported", []), result.message
            same_data(source, source_id, target, result.assessment_id)
            assert workshop_outputs.outputs(target, result.assessment_id) == written
            again = import_paths(target, [path]).results[0]
            assert again.outcome == "unchanged"
            assert len(workshop_outputs.outputs(target, result.assessment_id)) == len(written)
        finally:
            source.close()
            target.close()


def test_an_output_changed_in_the_hidden_sheet_is_refused(tmp_path, store, mini_assessment):
    from openpyxl import load_workbook

    workshop_outputs.add_output(store, mini_assessment, Output("challenge", "No SOP for mass arrivals", area="OPS"))
    path = export(store, mini_assessment, tmp_path / "out.xlsx")
    book = load_workbook(path)
    sheet = book["_hbm"]
    for row in sheet.iter_rows():
        if row[0].value == "data":
            row[1].value = row[1].value.replace("No SOP for mass arrivals", "All is well")
    book.save(path)
    other = Store.open(tmp_path / "other.sqlite")
    try:
        [result] = import_paths(other, [path]).results
        assert result.outcome == "rejected" and "changed by hand" in result.message
        assert other.list_assessments() == []
    finally:
        other.close()


def test_the_export_shows_unsettled_levels_and_the_outputs_in_the_reader_s_language(tmp_path, store, mini_assessment):
    from python_calamine import CalamineWorkbook

    from hbm_assess.core.assessment import Answer
    from hbm_assess.storage import workshop

    for group, level in (("Legal", 1), ("Operations", 5)):
        store.save_answer(mini_assessment, Answer("REG-01", level=level, group=group))
    workshop_outputs.add_output(store, mini_assessment, Output("challenge", "No SOP for mass arrivals", area="OPS",
                                                               indicators=("OPS-01",)))
    workshop_outputs.add_output(store, mini_assessment, Output("contribution", "Registration teams",
                                                               institution="MoMD"))
    path = export(store, mini_assessment, tmp_path / "en.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    consensus = book.get_sheet_by_name("Consensus").to_python()
    assert consensus[1][:4] == ["REG-01 " + store.form("mini", "1.0").by_id["REG-01"].label.get("en"),
                                "Legal 1 / Operations 5", 4, "unsettled: Legal 1 / Operations 5"]
    rows = book.get_sheet_by_name("Workshop outputs").to_python()
    assert [(r[1], r[2], r[3]) for r in rows[1:]] == [("Challenge", "No SOP for mass arrivals", ""),
                                                     ("Institution's contribution", "Registration teams", "MoMD")]
    assert rows[2][0] == "Whole assessment"
    case = workshop.merge_plan(store, mini_assessment).cases[0]
    from hbm_assess.core.workshop import agreed_answer

    workshop.settle(store, mini_assessment, agreed_answer(case, 2, None, "Law drafted, not applied"))
    book = CalamineWorkbook.from_path(str(export(store, mini_assessment, tmp_path / "ar.xlsx", "ar")))
    consensus = book.get_sheet_by_name("التوافق").to_python()
    assert consensus[1][1:4] == ["Legal 1 / Operations 5", 4, "متفق عليه"]
    assert consensus[1][5].startswith("Law drafted, not applied")
    assert book.get_sheet_by_name("مخرجات الورشة").to_python()[1][1] == "تحدٍّ"
