"""The command line's own lines — what it did, what it found, how it was misused — in the language of --lang (#16).

Errors below the window were already messages; these are the success and information lines, argparse's
usage errors, and the demo's free-text site. English stays exactly as it was.
"""

from __future__ import annotations

import json
import re

import pytest
from test_messages_core import ENGLISH, hbm


def _english_left(text: str, *allowed: object) -> list[str]:
    """Lines of ``text`` still holding four English words in a row, once paths and the like are taken out."""
    left = []
    for line in text.splitlines():
        for value in allowed:
            line = line.replace(str(value), "")
        if ENGLISH.search(line):
            left.append(line)
    return left


def said(done, *allowed) -> str:
    """What a run printed, checked for English left in it."""
    text = done.stdout + done.stderr
    assert not _english_left(text, *allowed), text
    return text


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("lines") / "demo.sqlite"
    assert hbm("demo", "--count", 6, db=db).returncode == 0
    return db


SAID = {
    "demo": {"ar": "أُضيفت تقييمات تجريبية عددها", "ckb": "هەڵسەنگاندنی نموونەیی زیادکران بۆ"},
    "demo one": {"ar": "أُضيف تقييم تجريبي واحد إلى", "ckb": "یەک هەڵسەنگاندنی نموونەیی زیادکرا بۆ"},
    "already": {"ar": "بهذه البذرة", "ckb": "بەم تۆوە پێشتر"},
    "no assessments": {"ar": "لا توجد تقييمات بعد", "ckb": "هێشتا هیچ هەڵسەنگاندنێک نییە"},
    "list header": {"ar": "متوسط المستوى", "ckb": "تێکڕای ئاست"},
    "xlsform": {"ar": "استبيان XLSForm", "ckb": "پرسیارنامەی XLSForm"},
    "form list": {"ar": "الإصدار", "ckb": "وەشان"},
    "comparing": {"ar": "المقارنة بين", "ckb": "بەراوردکردنی"},
    "left out drafts": {"ar": "خارج المقارنة", "ckb": "لە بەراوردەکەدا نییە"},
    "rows": {"ar": "صفوف البيانات", "ckb": "ڕیزی داتا"},
}


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_demo_and_list_say_what_they_did_in_the_language_asked(tmp_path, language):
    db = tmp_path / "x.sqlite"
    empty = hbm("--lang", language, "list", db=db)
    assert empty.returncode == 2  # no database yet: list never creates one
    assert hbm("--lang", language, "demo", db=db).returncode == 0
    nothing = hbm("--lang", language, "list", "--search", "no such site", db=db)
    assert nothing.returncode == 0 and SAID["no assessments"][language] in said(nothing)
    one = hbm("--lang", language, "demo", db=tmp_path / "one.sqlite")
    assert SAID["demo one"][language] in said(one, tmp_path / "one.sqlite")
    added = hbm("--lang", language, "demo", "--count", 3, db=db)
    text = said(added, db)
    assert added.returncode == 0 and SAID["demo"][language] in text and SAID["already"][language] in text
    assert re.search(r"\b2\b", text) and not re.search("[٠-٩۰-۹]", text), text  # two added: numbers stay Western digits
    listed = hbm("--lang", language, "list", db=db)
    assert SAID["list header"][language] in said(listed)
    assert {"ar": "إبراهيم الخليل", "ckb": "ئیبراهیم خەلیل"}[language] in listed.stdout  # the list's name for it
    assert "Ibrahim Khalil" not in listed.stdout and {"ar": "مسودة", "ckb": "ڕەشنووس"}[language] in listed.stdout


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_form_lines_are_said_in_the_language_asked(demo_db, tmp_path, language):
    written = hbm("--lang", language, "form", "xlsform", "hbm-rapid", "-o", tmp_path / "r.xlsx", db=demo_db)
    assert written.returncode == 0, written.stderr
    assert SAID["xlsform"][language] in said(written, tmp_path)
    listed = hbm("--lang", language, "form", "list", db=demo_db)
    assert listed.returncode == 0 and SAID["form list"][language] in said(listed)
    assert {"ar": "سريع", "ckb": "خێرا"}[language] in listed.stdout and " rapid " not in listed.stdout


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_export_portfolio_says_what_it_compared_and_left_out(demo_db, tmp_path, language):
    done = hbm("--lang", language, "export-portfolio", "-o", tmp_path / "p.xlsx", db=demo_db)
    assert done.returncode == 0, done.stderr
    text = said(done, tmp_path, "--include-drafts", "--all-forms")
    assert SAID["comparing"][language] in done.stderr and SAID["left out drafts"][language] in done.stderr
    assert SAID["rows"][language] in done.stdout, text


WORKSHOP_SAID = {
    "no cases": {"ar": "لا يوجد مؤشر قيّمته أكثر من مجموعة واحدة", "ckb": "هیچ پێوەرێک لەلایەن زیاتر لە یەک گرووپەوە"},
    "no indicators": {"ar": "(بلا مؤشرات)", "ckb": "(بێ پێوەر)"},
    "agreed": {"ar": "متفق عليه", "ckb": "ڕێککەوتوو"},
    "spread": {"ar": "الفارق", "ckb": "جیاوازی"},
    "all": {"ar": "الكل", "ckb": "هەموو"},
}


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_workshop_lines_are_said_in_the_language_asked(tmp_path, language):
    db = tmp_path / "w.sqlite"
    made = hbm("new", "--form", "hbm-detailed", "--scope", "national", "--site", "Erbil", "--date",
               "2014-08-20", db=db).stdout.strip()
    groups = hbm("--lang", language, "workshop", "groups", made, "--group", "Legal=REG-01", "--group", "Idle=",
                 db=db)
    assert groups.returncode == 0, groups.stderr
    assert WORKSHOP_SAID["no indicators"][language] in said(groups)
    none = hbm("--lang", language, "workshop", "cases", made, db=db)
    assert WORKSHOP_SAID["no cases"][language] in said(none)
    hbm("workshop", "groups", made, "--group", "Legal=REG-01", "--group", "Operations=REG-01", db=db)
    for group, level in (("Legal", 2), ("Operations", 3)):
        assert hbm("answer", made, "REG-01", level, "--group", group, db=db).returncode == 0
    settled = hbm("--lang", language, "workshop", "settle", made, "REG-01", 2, db=db)
    assert settled.returncode == 0 and WORKSHOP_SAID["agreed"][language] in said(settled)
    cases = hbm("--lang", language, "workshop", "cases", made, db=db)
    text = said(cases, "Legal", "Operations")
    assert WORKSHOP_SAID["agreed"][language] in text and WORKSHOP_SAID["spread"][language] in text
    hbm("workshop", "note", made, "--area", "all", "--kind", "challenge", "Paper lists at every post", db=db)
    outputs = hbm("--lang", language, "workshop", "outputs", made, db=db)
    assert outputs.stdout.startswith(WORKSHOP_SAID["all"][language]), outputs.stdout


def test_the_encrypted_database_lines_are_said_in_arabic(tmp_path):
    pytest.importorskip("sqlcipher3")
    db = tmp_path / "field.sqlite"
    assert hbm("demo", db=db).returncode == 0
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("a long passphrase for the office\n", encoding="utf-8")
    done = hbm("--lang", "ar", "--passphrase-file", passphrase, "encrypt-database", db=db)
    assert done.returncode == 0, done.stderr
    assert "أصبحت قاعدة البيانات" in said(done, db, tmp_path)


# -- English unchanged ------------------------------------------------------------------------------------------

def test_without_lang_the_lines_keep_their_english(tmp_path):
    db = tmp_path / "x.sqlite"
    assert hbm("demo", "--count", 2, db=db).stdout == f"Added 2 demo assessments to {db}\n"
    assert (hbm("demo", "--count", 3, db=db).stdout
            == f"Added 1 demo assessment to {db} (2 with this seed were already there)\n")
    assert hbm("list", "--search", "nowhere", db=db).stdout == \
        "No assessments yet. Create one in the app, or run: hbm-assess demo\n"
    assert hbm("list", db=db).stdout.startswith("ID  Site ")
    usage = hbm("report", db=db)
    assert usage.returncode == 2
    assert usage.stderr.startswith("usage: hbm-assess report [-h]")
    assert usage.stderr.endswith("hbm-assess report: error: the following arguments are required: ID, -o/--output\n")
    count = hbm("demo", "--count", 0, db=db)
    assert count.stderr.endswith("error: argument --count: must be 1 or more\n")


# -- argparse's usage errors ---------------------------------------------------------------------------------

USAGE_ERRORS = {
    "required": (("report",), {"ar": "هذه الوسائط مطلوبة: ID, -o/--output",
                               "ckb": "ئەم ئارگیومێنتانە پێویستن: ID, -o/--output"}),
    "invalid choice": (("reprot",), {"ar": "اختيار غير صالح: 'reprot'", "ckb": "هەڵبژاردنێکی نادروست: 'reprot'"}),
    "unrecognized": (("list", "--bogus"), {"ar": "وسائط غير معروفة: --bogus", "ckb": "ئارگیومێنتی نەناسراو: --bogus"}),
    "expected one": (("demo", "--count"), {"ar": "الوسيطة --count: تحتاج إلى قيمة واحدة",
                                           "ckb": "ئارگیومێنتی --count: پێویستی بە یەک بەهایە"}),
    "not an int": (("demo", "--seed", "x"), {"ar": "ليست عددًا صحيحًا: 'x'", "ckb": "ژمارەیەکی تەواو نییە: 'x'"}),
    "positive": (("demo", "--count", "0"), {"ar": "يجب أن يكون 1 أو أكثر", "ckb": "دەبێت 1 یان زیاتر بێت"}),
    "one of": (("workshop", "groups", "1"), {"ar": "يلزم إعطاء إحدى هذه الوسائط: --group --from",
                                              "ckb": "یەکێک لەم ئارگیومێنتانە پێویستە: --group --from"}),
    "not allowed with": (("workshop", "groups", "1", "--group", "A=REG-01", "--from", "g.yaml"),
                         {"ar": "الوسيطة --from: لا يُسمح بها مع الوسيطة --group",
                          "ckb": "ئارگیومێنتی --from: لەگەڵ ئارگیومێنتی --group ڕێگەپێدراو نییە"}),
    "no value taken": (("list", "--json=yes"), {"ar": "هذا الخيار لا يأخذ قيمة، وأُعطي 'yes'",
                                                "ckb": "ئەم هەڵبژاردەیە بەهای ناوێت، بەڵام 'yes' درا"}),
    "password given": (("export", "1", "-o", "a.xlsx", "--password", "x"),
                       {"ar": "لا تُعطى كلمة المرور في سطر الأوامر أبدًا",
                        "ckb": "وشەی نهێنی هەرگیز لە هێڵی فەرمانەوە نادرێت"}),
}


@pytest.mark.parametrize("language", ["ar", "ckb"])
@pytest.mark.parametrize("case", USAGE_ERRORS)
def test_a_usage_error_is_said_in_the_language_asked_with_exit_status_2(tmp_path, language, case):
    args, wording = USAGE_ERRORS[case]
    for where in (("--lang", language, *args), (*args, f"--lang={language}")):
        done = hbm(*where, db=tmp_path / "x.sqlite")
        assert done.returncode == 2, done.stderr
        assert wording[language] in done.stderr, done.stderr
        usage, error = done.stderr.splitlines()[0], done.stderr.splitlines()[-1]
        assert usage.startswith({"ar": "الاستخدام: hbm-assess", "ckb": "بەکارهێنان: hbm-assess"}[language]), usage
        assert {"ar": ": خطأ: ", "ckb": ": هەڵە: "}[language] in error, error
        assert not _english_left(done.stderr), done.stderr


def test_a_translated_usage_error_does_not_change_argparse_for_others(tmp_path):
    import argparse
    import contextlib
    import io

    from hbm_assess.cli import main

    with contextlib.redirect_stderr(io.StringIO()) as err, pytest.raises(SystemExit):
        main(["--db", str(tmp_path / "x.sqlite"), "--lang", "ar", "report"])
    assert "الاستخدام" in err.getvalue()
    other = argparse.ArgumentParser(prog="other")
    other.add_argument("name")
    with contextlib.redirect_stderr(io.StringIO()) as err, pytest.raises(SystemExit):
        other.parse_args([])
    assert err.getvalue() == ("usage: other [-h] name\n"
                              "other: error: the following arguments are required: name\n")


def test_every_argparse_message_translated_is_still_one_argparse_says():
    # A new Python may reword argparse: the translation would then quietly fall back to English.
    import argparse
    import inspect

    from hbm_assess.cli_usage import ARGPARSE_MESSAGES

    source = inspect.getsource(argparse)
    for english in ARGPARSE_MESSAGES:
        assert repr(english)[1:-1] in source, english


def test_list_json_is_unchanged_by_lang(demo_db):
    plain = hbm("list", "--json", db=demo_db).stdout
    assert hbm("--lang", "ar", "list", "--json", db=demo_db).stdout == plain
    assert json.loads(plain)[0]["id"]

