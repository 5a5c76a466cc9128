"""The parsed YAML kept in the user's cache: keyed by the whole text, so it is never stale (#20)."""

from __future__ import annotations

import json
import shutil

import pytest

from hbm_assess.core import reference, site_names, vocabulary, yaml_cache, yaml_text
from hbm_assess.core.yaml_cache import load_yaml_kept
from hbm_assess.locations import data_dir

TEXT = "words:\n  site: {en: Site, ar: الموقع}\n  levels: [1, 2, 3]\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "hbm-assess" / "parsed"


@pytest.fixture
def parses(monkeypatch):
    """Every text PyYAML is asked to parse."""
    asked = []
    parse = yaml_text.load_yaml
    monkeypatch.setattr(yaml_text, "load_yaml", lambda text: asked.append(text) or parse(text))
    return asked


def test_a_text_is_parsed_once_then_read_back_as_the_same_data(cache, parses):
    first = load_yaml_kept(TEXT, "words")
    assert load_yaml_kept(TEXT, "words") == first == yaml_text.load_yaml(TEXT)
    assert parses == [TEXT, TEXT]  # the first call, and the comparison above: never the second call
    assert json.loads((cache / "words.json").read_text(encoding="utf-8"))["source"] == TEXT


def test_a_changed_text_is_parsed_again_however_small_the_change(cache, parses):
    load_yaml_kept(TEXT, "words")
    changed = TEXT.replace("Site", "Sites")
    assert load_yaml_kept(changed, "words")["words"]["site"]["en"] == "Sites"
    assert load_yaml_kept(TEXT, "words")["words"]["site"]["en"] == "Site"
    assert len(parses) == 3


def test_a_damaged_or_foreign_cache_file_is_parsed_over(cache, parses):
    load_yaml_kept(TEXT, "words")
    for damage in ("{not json", json.dumps([1, 2]), json.dumps({"data": {"words": {}}}), ""):
        (cache / "words.json").write_text(damage, encoding="utf-8")
        assert load_yaml_kept(TEXT, "words") == yaml_text.load_yaml(TEXT)
    assert load_yaml_kept(TEXT, "words") == yaml_text.load_yaml(TEXT)


def test_what_json_would_change_is_never_kept(cache, parses):
    for text in ("when: 2026-12-06\n", "1: one\n", "x: .nan\n"):
        assert load_yaml_kept(text, "odd") is not None
        assert not (cache / "odd.json").exists()
    assert load_yaml_kept("when: 2026-12-06\n", "odd") == yaml_text.load_yaml("when: 2026-12-06\n")


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path, monkeypatch, parses):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_yaml_kept(TEXT, "words") == load_yaml_kept(TEXT, "words") == yaml_text.load_yaml(TEXT)


def test_text_that_is_not_yaml_is_refused_as_before(cache):
    with pytest.raises(yaml_text.YAMLError):
        load_yaml_kept("words: [unclosed\n", "words")


def test_the_shipped_glossary_follows_an_edit_of_its_file(tmp_path, cache, monkeypatch):
    copied = tmp_path / "data"
    shutil.copytree(data_dir(), copied)
    monkeypatch.setattr(vocabulary, "data_dir", lambda: copied)
    assert vocabulary.load_vocabulary().word("site") == "Site"  # the cache is filled
    glossary = copied / "vocabulary.yaml"
    before = glossary.read_text(encoding="utf-8")
    edited = before.replace('\n  site: {en: "Site",', '\n  site: {en: "Place",', 1)
    assert edited != before
    glossary.write_text(edited, encoding="utf-8")
    assert vocabulary.load_vocabulary().word("site") == "Place"


def test_the_crossing_point_names_are_the_checked_lists_names(cache):
    site_names.forget()
    try:
        for _ in range(2):  # parsed, then from the cache
            site_names.forget()
            assert site_names.crossing_point_names() == {point.id: point.name
                                                        for point in reference.crossing_points()}
        assert (cache / "crossing-points.json").exists()
    finally:
        site_names.forget()


def test_a_crossing_point_list_that_cannot_be_read_is_refused_by_the_checked_reading(tmp_path, cache, monkeypatch):
    (tmp_path / "crossing_points.yaml").write_text("crossing_points: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(reference, "data_dir", lambda: tmp_path)
    monkeypatch.setattr(site_names, "data_dir", lambda: tmp_path)
    site_names.forget()
    reference.crossing_points.cache_clear()
    try:
        with pytest.raises(reference.ReferenceDataError, match="not valid YAML"):
            site_names.crossing_point_names()
    finally:
        site_names.forget()
        reference.crossing_points.cache_clear()


def test_the_cache_lives_in_the_users_cache_folder(cache):
    assert yaml_cache._place("words") == cache / "words.json"
