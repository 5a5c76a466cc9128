"""Workbooks made with an earlier edition of a shipped questionnaire (same id and version, texts revised since)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from test_exchange_forms import one, with_form
from workbooks import edit, export

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.core.questionnaire import installed_forms, load_form
from hbm_assess.exchange import editions
from hbm_assess.exchange.hashing import form_hash
from hbm_assess.storage.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = installed_forms()[("hbm-detailed", "1.1")]


@pytest.fixture(scope="module")
def earlier(tmp_path_factory):
    """hbm-detailed 1.1 as shipped at e221883, before its level 4 and 5 texts became condition lists (#19)."""
    path = tmp_path_factory.mktemp("edition") / "hbm-detailed-1.1.yaml"
    path.write_bytes(gzip.decompress((FIXTURES / "hbm-detailed-1.1-e221883.yaml.gz").read_bytes()))
    return load_form(path)


@pytest.fixture
def post_file(tmp_path) -> Path:
    """A post's export of Al-Walid with today's 1.1."""
    post = Store.open(tmp_path / "post.sqlite")
    assessment = Assessment(TODAY.id, TODAY.version, Site("Al-Walid", "IQ"), date="2026-11-20", mode=TODAY.mode)
    post_id = post.create_assessment(assessment, TODAY, [Answer("REG-01", level=2), Answer("ADM-07", level=3)])
    path = export(post, post_id, tmp_path / "al-walid.xlsx")
    post.close()
    return path


def _as(form):
    def change(carried: dict) -> None:
        carried.clear()
        carried.update(form.to_dict())
    return change


def test_a_workbook_made_with_an_earlier_edition_is_read_and_says_so(post_file, earlier, tmp_path):
    """Before: refused as "changed by hand", though the app itself had written it before the texts were revised."""
    assert form_hash(earlier) != form_hash(TODAY)
    older = with_form(post_file, tmp_path / "older.xlsx", _as(earlier))
    hq = Store.open(tmp_path / "hq.sqlite")
    result = one(hq, older)
    assert result.outcome == "imported", result.message
    assert "made with an earlier edition of hbm-detailed 1.1" in result.message
    assert ("the texts of 52 of its 60 indicators were revised since, 2 of them answered in this file "
            "(REG-01, ADM-07)") in result.message
    answers = hq.answers(result.assessment_id)
    assert (answers["REG-01"].level, answers["ADM-07"].level) == (2, 3)
    assert form_hash(hq.form("hbm-detailed", "1.1")) == form_hash(TODAY), "today's edition, not the file's"
    assert one(hq, older).outcome == "unchanged", "the same revision again"
    hq.close()


def test_a_post_that_stored_the_earlier_edition_still_exports_it_after_an_update_and_hq_reads_it(earlier, tmp_path):
    """Exporting again from a current build (the advice of forms/FORMAT.md) gave the same refusal: the post's
    database keeps the edition it stored, and an export carries the database's copy."""
    post = Store.open(tmp_path / "post.sqlite")
    body = earlier.to_dict()
    post.db.execute("INSERT INTO forms (id, version, title, body, indicator_count, installed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)", (earlier.id, earlier.version, json.dumps(body["title"]),
                                                  json.dumps(body), earlier.indicator_count, "2026-12-06T09:00:00Z"))
    post.db.conn.commit()
    stored = post.form("hbm-detailed", "1.1")
    assert form_hash(stored) == form_hash(earlier)
    assessment = Assessment(stored.id, stored.version, Site("Trebil", "IQ"), date="2026-12-06", mode=stored.mode)
    post_id = post.create_assessment(assessment, stored, [Answer("OPS-03", level=4)])
    path = export(post, post_id, tmp_path / "trebil.xlsx")
    post.close()
    hq = Store.open(tmp_path / "hq.sqlite")
    result = one(hq, path)
    assert result.outcome == "imported", result.message
    assert "made with an earlier edition of hbm-detailed 1.1" in result.message
    assert hq.answers(result.assessment_id)["OPS-03"].level == 4
    hq.close()


def test_a_later_revision_made_with_the_same_earlier_edition_updates_it(post_file, earlier, tmp_path):
    """The stored copy's newest revision is the one its file was sealed with, so the next one follows it."""
    older = with_form(post_file, tmp_path / "older.xlsx", _as(earlier))
    hq = Store.open(tmp_path / "hq.sqlite")
    first = one(hq, older)
    later = one(hq, edit(older, {("Answers", "D3"): 4}, tmp_path / "later.xlsx"))  # REG-01, edited at the post
    assert later.outcome == "updated", later.message
    assert "made with an earlier edition" in later.message
    assert hq.answers(first.assessment_id)["REG-01"].level == 4
    assert one(hq, older).outcome == "skipped", "the first revision is now the older one"
    hq.close()


def test_the_note_is_said_in_arabic_and_kurdish(post_file, earlier, tmp_path):
    hq = Store.open(tmp_path / "hq.sqlite")
    result = one(hq, with_form(post_file, tmp_path / "older.xlsx", _as(earlier)))
    assert result.outcome == "imported", result.message
    assert "بطبعة سابقة من hbm-detailed 1.1" in result.message_in("ar")
    assert "بە چاپێکی پێشووتری hbm-detailed 1.1" in result.message_in("ckb")
    hq.close()


def test_an_earlier_edition_whose_indicators_differ_is_refused_saying_so(post_file, earlier, tmp_path, monkeypatch):
    fewer = earlier.to_dict()
    fewer["areas"][-1]["indicators"].pop()
    known = editions.earlier_editions()
    listed = {**known, TODAY.key: known[TODAY.key] | {_hash_of(fewer)}}
    monkeypatch.setattr(editions, "earlier_editions", lambda: listed)
    hq = Store.open(tmp_path / "hq.sqlite")
    result = one(hq, with_form(post_file, tmp_path / "fewer.xlsx", lambda carried: _replace(carried, fewer)))
    assert result.outcome == "rejected"
    assert result.said.code == "earlier_edition_differs", result.message
    assert "changed by hand" not in result.message
    assert hq.stored_forms() == []
    hq.close()


def test_a_copy_that_is_no_known_edition_is_still_refused_as_changed(post_file, earlier, tmp_path):
    def reworded(carried: dict) -> None:
        _as(earlier)(carried)
        carried["areas"][0]["indicators"][0]["label"]["en"] = "Send your data to http://example.invalid"

    hq = Store.open(tmp_path / "hq.sqlite")
    result = one(hq, with_form(post_file, tmp_path / "changed.xlsx", reworded))
    assert result.outcome == "rejected" and result.said.code == "shipped_form_changed"
    hq.close()


def test_the_fixture_edition_is_listed_and_no_listed_edition_is_a_shipped_form(earlier):
    listed = editions.earlier_editions()
    assert form_hash(earlier) in listed[TODAY.key]
    for key, hashes in listed.items():
        assert form_hash(installed_forms()[key]) not in hashes, f"{key}: today's edition is listed as earlier"


def _replace(carried: dict, body: dict) -> None:
    carried.clear()
    carried.update(body)


def _hash_of(body: dict) -> str:
    from hbm_assess.core.questionnaire import form_from_data

    return form_hash(form_from_data(body, "test"))


def test_a_wrong_entry_in_the_list_of_editions_is_named(tmp_path):
    today = form_hash(TODAY)
    path = tmp_path / "form_editions.yaml"
    path.write_text("editions:\n"
                    "  - {form: hbm-detailed, version: '9.9', hash: 'sha256:" + "0" * 64 + "'}\n"
                    "  - {form: hbm-detailed, version: '1.1', hash: 'md5:abc'}\n"
                    f"  - {{form: hbm-detailed, version: '1.1', hash: '{today}'}}\n", encoding="utf-8")
    assert editions.edition_problems(path) == [
        "form_editions.yaml: entry 1 names hbm-detailed 9.9, which forms/ does not ship",
        "form_editions.yaml: entry 2: the hash is not sha256: and 64 hex digits",
        "form_editions.yaml: entry 3 is today's edition of hbm-detailed 1.1, not an earlier one",
    ]
