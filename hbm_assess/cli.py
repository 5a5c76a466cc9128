"""The command line: a thin front end over the same operations the app uses.

Exit status: 0 success, 1 the work found problems (a broken form, a rejected file),
2 the command itself was wrong or could not run. Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from hbm_assess import __version__
from hbm_assess.cli_usage import USAGE_LANGUAGE, Parser
from hbm_assess.cli_workshop import no_secret_argument, password_option
from hbm_assess.core.messages import Line, Message, Problem
from hbm_assess.core.text import LANGUAGES
from hbm_assess.locations import DB_ENV, default_database

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


def _say(message: Message, args) -> str:
    """A message in the language asked for with --lang."""
    return message.text(getattr(args, "lang", None) or "en")


def said(error: BaseException, args) -> str:
    """An error's message in the language asked for with --lang (English where it is not yet in the glossary)."""
    from hbm_assess.core.messages import text_of

    return text_of(error, getattr(args, "lang", None) or "en")


class CommandError(Problem):
    """A failure to report as one line, without a traceback, in the language of --lang.

    Raised with a Message, or with the error it passes on (whose Message it keeps).
    """


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="hbm-assess",
        description="Humanitarian Border Management capacity assessments. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"hbm-assess {__version__}")
    parser.add_argument(
        "--db", type=Path, metavar="PATH",
        help=f"the database file (default: ${DB_ENV}, else {default_database()})",
    )
    parser.add_argument("--lang", metavar="LANG", help="language of the app and its output: en, ar or ckb")
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE",
                        help="the passphrase of an encrypted database, on the first line of FILE (default: "
                             "$HBM_ASSESS_PASSPHRASE); a new --db is then created encrypted. See docs/security.md")
    no_secret_argument(parser, "--passphrase", "HBM_ASSESS_PASSPHRASE")
    parser.add_argument("--smoke", action="store_true",
                        help="check that this installation works (forms, translations, database, chart, workbook, "
                             "report) in a temporary folder, without a window; never touches your database")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="add fictional assessments to look at")
    demo.add_argument("--count", type=_positive, default=1, help="how many assessments (default 1)")
    demo.add_argument("--seed", type=int, default=2014, help="the same seed gives the same assessments")

    listing = commands.add_parser("list", help="list the assessments in the database")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.add_argument("--search", default="", help="only those whose site, country, form or date contains this")

    form = commands.add_parser("form", help="check or list questionnaires")
    form_commands = form.add_subparsers(dest="form_command", metavar="ACTION", required=True)
    check = form_commands.add_parser(
        "check", help="check questionnaire files (and data/crossing_points.yaml, data/institutions.yaml); "
                      "report every problem")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    form_list = form_commands.add_parser("list", help="list the installed questionnaires")
    form_list.add_argument("--json", action="store_true", help="print JSON instead of a table")
    xlsform = form_commands.add_parser("xlsform", help="write a questionnaire as an XLSForm for KoboToolbox or ODK")
    xlsform.add_argument("form_id", metavar="FORM_ID", help="the questionnaire (see: hbm-assess form list)")
    xlsform.add_argument("--version", dest="form_version", metavar="V", help="its version (default: the newest)")
    xlsform.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    export = commands.add_parser("export", help="write assessments as Excel workbooks that can be imported again")
    export.add_argument("id", nargs="?", type=int, metavar="ID", help="the assessment to export (see: hbm-assess list)")
    export.add_argument("--all", action="store_true", help="export every assessment, one workbook each")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="PATH",
                        help="the .xlsx file to write, or with --all the folder")
    # SUPPRESS keeps "hbm-assess --lang ar export ..." working: the sub-command only sets it when given.
    export.add_argument("--lang", default=argparse.SUPPRESS, metavar="LANG",
                        help="language of the workbook: en, ar or ckb (Arabic and Kurdish sheets run right to left)")
    password_option(export, "encrypt each workbook with the password on the first line of FILE, as Excel does "
                             "(default: $HBM_ASSESS_PASSWORD if set, else no password); see docs/security.md")
    importing = commands.add_parser("import", help="import exported workbooks, files or folders")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument("--json", action="store_true", help="print the report as JSON")
    password_option(importing, "open workbooks protected with a password using the first line of FILE "
                                "(default: $HBM_ASSESS_PASSWORD); a file it does not open is rejected")
    shots = commands.add_parser("screenshots", help="render the main screens to PNG files, offscreen")
    shots.add_argument("outdir", type=Path, metavar="OUTDIR")
    shots.add_argument("--lang", default=argparse.SUPPRESS, metavar="LANG",
                       help="language of the screens: en, ar or ckb (Arabic and Kurdish right to left)")
    report = commands.add_parser("report", help="write the printable report of an assessment (A4 PDF)")
    report.add_argument("id", type=int, metavar="ID", help="the assessment, as shown by 'hbm-assess list'")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    report.add_argument("--compare", type=int, metavar="EARLIER_ID", help="show an earlier assessment alongside")
    report.add_argument("--lang", default=argparse.SUPPRESS, metavar="LANG",
                        help="language of the report: en, ar or ckb (right-to-left pages in Arabic and Kurdish)")
    _portfolio_parser(commands)
    _answer_parsers(commands)
    commands.add_parser("encrypt-database", help="encrypt the database with the passphrase of --passphrase-file or "
                        "$HBM_ASSESS_PASSPHRASE: an encrypted copy is checked, then replaces the plain file")
    from hbm_assess import cli_workshop

    cli_workshop.add_parser(commands)
    return parser


def _answer_parsers(commands) -> None:
    from hbm_assess.core.assessment import SCOPES
    from hbm_assess.core.targets import POLICIES

    new = commands.add_parser("new", help="create an empty draft assessment and print its id")
    new.add_argument("--form", required=True, metavar="FORM_ID", help="the questionnaire (see: hbm-assess form list)")
    new.add_argument("--version", metavar="V", help="its version (default: the newest installed)")
    new.add_argument("--site", required=True, metavar="CODE|NAME",
                     help="a crossing point's code or name in any language (data/crossing_points.yaml), or a new name")
    new.add_argument("--scope", choices=SCOPES, default="crossing-point",
                     help="what it covers (default crossing-point); for governorate or national, --site names "
                          "the governorate, or the country or meeting")
    new.add_argument("--country", metavar="CODE", default="",
                     help="the two-letter country code (a crossing point from the list has its own); a national "
                          "assessment needs it so crossing points of that country read its national indicators")
    new.add_argument("--target-policy", choices=POLICIES, default="next-level",
                     help="the level each indicator should reach unless one is typed for it: next-level (current + "
                          "1, the default), reach-3 (developed capacity everywhere), reach-4-emergency (4 on "
                          "emergency-phase indicators, 3 elsewhere)")
    new.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the assessment (default: today)")
    new.add_argument("--assessor", action="append", default=[], metavar="NAME", help="who assessed (repeatable)")
    new.add_argument("--institution", action="append", default=[], metavar="NAME",
                     help="an institution taking part (repeatable)")
    new.add_argument("--json", action="store_true", help="print the new assessment as JSON")
    answer = commands.add_parser("answer", help="set one answer of an assessment, as the indicator page does")
    answer.add_argument("id", type=int, metavar="ID", help="the assessment (see: hbm-assess list)")
    answer.add_argument("indicator", metavar="INDICATOR", help="the indicator id, e.g. OPS-03")
    answer.add_argument("value", metavar="LEVEL|na|unknown", help="a level 1-5, na (not applicable) or unknown")
    answer.add_argument("--target", type=int, metavar="N", help="the target level (default: the usual rule)")
    answer.add_argument("--evidence", metavar="TEXT", help="the evidence text")
    answer.add_argument("--group", default="", metavar="NAME",
                        help="a workshop break-out group's own answer (on a group's laptop it is that group's)")


def _portfolio_parser(commands) -> None:
    found = commands.add_parser("export-portfolio", help="write every selected assessment to one workbook for HQ "
                                "(tidy data with HXL tags, summaries per site and area, charts)")
    found.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx|DIR",
                       help="the workbook to write; with --format csv, the folder for the CSV files")
    found.add_argument("--format", choices=("xlsx", "csv"), default="xlsx",
                       help="xlsx: one workbook with summaries and charts (up to Excel's 1,048,576 rows); "
                            "csv: a long table of answers and its dimension tables, at any size (docs/hq-data.md)")
    found.add_argument("--country", action="append", default=[], help="only this country code (repeatable)")
    found.add_argument("--site-type", action="append", default=[], help="land, air, sea or internal (repeatable)")
    found.add_argument("--form", default="", metavar="FORM_ID", help="only this questionnaire")
    found.add_argument("--form-version", action="append", default=[], metavar="VERSION",
                       help="only this version of the questionnaire (repeatable)")
    found.add_argument("--from", dest="date_from", default="", metavar="YYYY-MM-DD", help="assessed on or after")
    found.add_argument("--to", dest="date_to", default="", metavar="YYYY-MM-DD", help="assessed on or before")
    found.add_argument("--status", action="append", default=[], help="draft or final (repeatable)")
    found.add_argument("--area", default="", metavar="AREA_ID", help="only the indicators of this area, e.g. OPS")
    found.add_argument("--latest-only", action="store_true", help="only the latest assessment of each site")
    found.add_argument("--include-drafts", action="store_true",
                       help="drafts too (by default, without --status: final assessments only)")
    found.add_argument("--all-forms", action="store_true",
                       help="every questionnaire and version (by default, without --form or --form-version: the "
                            "questionnaire most assessed, in its newest version with data)")
    found.add_argument("--lang", default=argparse.SUPPRESS, metavar="LANG",
                       help="language of area titles and indicator labels: en, ar or ckb")
    password_option(found, "encrypt the workbook with the password on the first line of FILE, as Excel does "
                            "(default: $HBM_ASSESS_PASSWORD if set); not with --format csv")


def _password(args) -> str | None:
    from hbm_assess.exchange.protection import PasswordError, read_password

    try:
        return read_password(args.password_file)
    except PasswordError as error:
        raise CommandError(error) from None


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(Message.of("usage_one_or_more").english())  # said in --lang by Parser
    return value


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    # --lang is read by the parser that may refuse the arguments: look for it first, to say why in it.
    reading = USAGE_LANGUAGE.set(_known_language(given) or "en")
    try:
        args = _parser().parse_args(argv)
    finally:
        USAGE_LANGUAGE.reset(reading)
    try:
        if getattr(args, "lang", None) not in (None, *LANGUAGES):
            wrong, args.lang = args.lang, _known_language(given)
            raise CommandError(Message.of("cli_bad_language", language=repr(wrong)))
        if args.smoke:
            return _smoke(args)
        _remember_passphrase(args)
        if args.command is None:
            return _run_app(args)
        handler = _HANDLERS[args.command]
        return handler(args)
    except CommandError as error:
        print(f"hbm-assess: {said(error, args)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"hbm-assess: {_say(Message.of('cli_interrupted'), args)}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # "hbm-assess list | head": the reader has gone; end quietly, as other command-line tools do.
        _silence_stdout()
        return EXIT_OK


def _known_language(argv: Sequence[str]) -> str | None:
    """The first --lang given that the app speaks ("--lang ar report 1 --lang fr": ar), to say the error in."""
    given = [argv[n + 1] for n, arg in enumerate(argv[:-1]) if arg == "--lang"]
    given += [arg.partition("=")[2] for arg in argv if arg.startswith("--lang=")]
    return next((language for language in given if language in LANGUAGES), None)


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _remember_passphrase(args) -> None:
    """Every connection to the database named on the command line uses the passphrase given (never stored)."""
    from hbm_assess.storage import encryption

    try:
        passphrase = encryption.read_passphrase(args.passphrase_file)
    except encryption.PassphraseError as error:
        raise CommandError(error) from None
    if passphrase is not None:
        encryption.remember(_database_path(args), passphrase)


def _encrypt_database(args) -> int:
    from hbm_assess.files import write_reason
    from hbm_assess.storage import encryption
    from hbm_assess.storage.database import DatabaseError

    path = _database_path(args)
    passphrase = encryption.key_for(path)
    if passphrase is None:
        raise CommandError(Message.of("cli_passphrase_missing", variable=encryption.PASSPHRASE_ENV))
    encryption.forget(path)  # the file is still plain: opened without it, then encrypted with it
    try:
        plain_backups = encryption.encrypt_database(path, passphrase)
    except DatabaseError as error:
        raise CommandError(error) from None
    except OSError as error:
        raise CommandError(Message.of("cli_encrypt_failed", path=path, reason=write_reason(error))) from None
    print(_say(Message.of("cli_encrypted", path=path), args))
    for backup in plain_backups:
        print(f"hbm-assess: {_say(Message.of('cli_plain_copy_left', path=backup), args)}", file=sys.stderr)
    return EXIT_OK


def _database_path(args) -> Path:
    return (args.db or default_database()).expanduser()


def open_store(args, *, create: bool = True, writes: bool = True):
    """Open the database named on the command line, reporting anything the user must know.

    ``create=False``: a command that only reads (or exports) refuses a missing database and
    creates nothing. ``writes``: the command records something, so a read-only file is refused.
    """
    from hbm_assess.files import write_reason
    from hbm_assess.storage.database import DatabaseError
    from hbm_assess.storage.store import Store

    path = _database_path(args)
    try:
        store = Store.open(path, create=create)
    except DatabaseError as error:
        raise CommandError(error) from None
    except OSError as error:
        raise CommandError(Message.of("cli_database_unopenable", path=path, reason=write_reason(error))) from None
    if writes and store.read_only:
        store.close()
        raise CommandError(Message.of("cli_database_read_only", path=path))
    report = store.open_report
    if report.moved_aside:
        moved = Message.of("database_moved_aside", path=path, aside=report.moved_aside)
        print(f"hbm-assess: {_say(moved, args)}", file=sys.stderr)
    if report.backup:
        print(f"hbm-assess: {_say(Message.of('database_upgraded', backup=report.backup), args)}", file=sys.stderr)
    return store


def _smoke(args) -> int:
    if args.command is not None:
        raise CommandError(Message.of("cli_smoke_alone", command=args.command))
    from hbm_assess import smoke

    return smoke.run()


def _run_app(args) -> int:
    from hbm_assess.ui.app import run

    return run(_database_path(args), language=args.lang)


def _demo(args) -> int:
    from hbm_assess.operations import add_demo_assessments

    store = open_store(args)
    try:
        ids = add_demo_assessments(store, count=args.count, seed=args.seed)
    finally:
        store.close()
    there = args.count - len(ids)
    added = Message.of("cli_demo_added_one" if len(ids) == 1 else "cli_demo_added", count=len(ids),
                       path=_database_path(args))
    if there:
        added = Message.of("cli_demo_added_and_already", added=added,
                           already=Message.of("cli_demo_already_one" if there == 1 else "cli_demo_already",
                                              count=there))
    print(_say(added, args))
    return EXIT_OK


def _list(args) -> int:
    store = open_store(args, create=False, writes=False)
    try:
        rows = store.list_assessments(search=args.search)
    finally:
        store.close()
    if args.json:
        print(json.dumps([row.to_dict() for row in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print(_say(Message.of("cli_no_assessments"), args))
        return EXIT_OK
    from hbm_assess.core.site_names import site_said
    from hbm_assess.exchange.import_results import printable

    language = args.lang or "en"
    table = [_headers(args, "cli_column_id", "site", "cli_column_form", "date", "status", "cli_column_complete",
                      "mean_level")]
    for row in rows:
        mean = "–" if row.mean_level is None else f"{row.mean_level:.2f}"
        site = site_said(row.site_name, language, row.site_ref, row.country)
        table.append((str(row.id), printable(site), printable(f"{row.form_id} {row.form_version}"),
                      printable(row.date), _status(row.status, language),
                      f"{row.answered}/{row.total} ({round(100 * row.completeness)}%)", mean))
    _print_table(table)
    return EXIT_OK


def _status(status: str, language: str) -> str:
    """draft or final in ``language`` (English keeps the code, as the table always showed it)."""
    from hbm_assess.core.messages import Word
    from hbm_assess.core.vocabulary import vocabulary

    known = status in vocabulary().assessment_statuses
    return Word(f"assessment_statuses.{status}", lower=True).text(language) if known else status


def _headers(args, *keys: str) -> tuple[str, ...]:
    """A table's column titles in --lang: glossary words, or the command line's own (``cli_…``)."""
    from hbm_assess.core.vocabulary import word

    language = getattr(args, "lang", None) or "en"
    return tuple(_say(Message.of(key), args) if key.startswith("cli_") else word(key, language) for key in keys)


def _print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def _forms_beside(paths) -> dict:
    """The installed questionnaires and those among ``paths``: what a rapid form's ``summarises`` may name."""
    from hbm_assess.core.questionnaire import FormError, installed_forms, load_form

    try:
        known = dict(installed_forms())
    except FormError:
        known = {}
    for path in paths:
        try:
            form = load_form(path)
        except FormError:
            continue
        known[form.key] = form
    return known


def _term_warnings(form) -> list:
    """Variants of preferred terms and non-Western digits in the form's text (data/terms.yaml)."""
    from hbm_assess.core.terms import TermsError, term_warnings

    try:
        return term_warnings(form)
    except (TermsError, OSError) as error:
        return [Line(Message.of("terms_unreadable", reason=error))]


def _form(args) -> int:
    from hbm_assess.core.questionnaire import FormError, installed_forms, load_form, summary_problems
    from hbm_assess.core.vocabulary import vocabulary

    if args.form_command == "xlsform":
        return _form_xlsform(args)
    if args.form_command == "list":
        try:
            forms = installed_forms()
        except FormError as error:
            raise CommandError(Message.of("cli_installed_form_broken", problem=error.problems[0].message,
                                          source=error.source)) from None
        entries = [
            {"id": f.id, "version": f.version, "mode": f.mode, "languages": list(f.languages),
             "indicators": f.indicator_count, "title": f.title.get("en")}
            for f in forms.values()
        ]
        if args.json:
            print(json.dumps(entries, ensure_ascii=False, indent=2))
        else:
            table = [_headers(args, "cli_column_id", "cli_column_version", "cli_column_mode", "cli_column_languages",
                              "indicators", "cli_column_title")]
            table += [(f.id, f.version, _say(Message.of(f"mode_{f.mode}"), args), ",".join(f.languages),
                       str(f.indicator_count),
                       f.title.get(args.lang or "en")) for f in forms.values()]
            _print_table(table)
        return EXIT_OK
    from hbm_assess.core import reference

    status = EXIT_OK
    for path in args.paths:
        if path.stem in reference.LIST_CHECKS:  # data/crossing_points.yaml, data/institutions.yaml
            problems = reference.check_file(path)
            for problem in problems:
                print(said(problem, args))
            if problems:
                status = EXIT_PROBLEMS
            else:
                entries = reference.read_list(path)[path.stem]
                print(said(Line(Message.of(f"reference_ok_{path.stem}", file=path, count=len(entries))), args))
            continue
        try:
            form = load_form(path)
        except FormError as error:
            for problem in error.problems:
                print(f"{error.source}: {said(problem, args)}")
            status = EXIT_PROBLEMS
            continue
        problems = summary_problems(form, _forms_beside(args.paths))
        for problem in problems:
            print(f"{path}: {said(problem, args)}")
        if problems:
            status = EXIT_PROBLEMS
            continue
        app_languages = tuple(vocabulary().levels[1].name.by_language)  # the languages the app speaks
        missing = form.missing_translations(also=app_languages)
        total = len(list(form.texts()))
        note = "; ".join(_say(Message.of("form_texts_missing", language=lang, missing=len(places), total=total), args)
                         for lang, places in missing.items())
        ok = Message.of("form_ok", form=form.id, version=form.version, areas=len(form.areas),
                        indicators=form.indicator_count, languages=", ".join(form.languages))
        print(f"{path}: {_say(ok, args)}" + (f" ({note})" if note else ""))
        for warning in _term_warnings(form):
            print(f"{path}: {_say(Message.of('form_warning', warning=warning.message), args)}")
    return status


def _form_xlsform(args) -> int:
    from hbm_assess.core.questionnaire import FormError, installed_forms, latest
    from hbm_assess.exchange.xlsform import write_xlsform
    from hbm_assess.files import WriteError

    if args.output.suffix.lower() != ".xlsx":
        raise CommandError(Message.of("cli_suffix_needed", path=args.output, suffix=".xlsx"))
    try:
        forms = installed_forms()
    except FormError as error:
        raise CommandError(Message.of("cli_installed_form_broken", problem=error.problems[0].message,
                                      source=error.source)) from None
    try:
        form = forms[(args.form_id, args.form_version)] if args.form_version else latest(forms, args.form_id)
    except KeyError:
        known = ", ".join(f"{fid} {version}" for fid, version in sorted(forms))
        wanted = f"{args.form_id} {args.form_version}" if args.form_version else args.form_id
        raise CommandError(Message.of("cli_no_such_form", form=wanted, known=known)) from None
    try:
        path = write_xlsform(form, args.output)
    except WriteError as error:
        raise CommandError(error) from None
    print(_say(Message.of("cli_xlsform_written", path=path, form=form.id, version=form.version,
                          count=form.indicator_count), args))
    return EXIT_OK


def _screenshots(args) -> int:
    from hbm_assess.storage.database import DatabaseError
    from hbm_assess.ui.screenshots import render

    if args.outdir.exists() and not args.outdir.is_dir():
        raise CommandError(Message.of("cli_screenshots_folder", path=args.outdir))
    db = _database_path(args) if args.db else None
    try:
        # Rendered from a copy: screenshots never write to the database they show.
        paths = render(args.outdir, db, language=args.lang or "en")
    except DatabaseError as error:
        raise CommandError(error) from None
    for path in paths:
        print(path)
    return EXIT_OK


def _report(args) -> int:
    from hbm_assess.storage.store import NotFound

    language = args.lang or "en"
    if language not in LANGUAGES:
        raise CommandError(Message.of("cli_bad_language", language=repr(language)))
    if args.output.suffix.lower() != ".pdf":
        raise CommandError(Message.of("cli_suffix_needed", path=args.output, suffix=".pdf"))
    from hbm_assess.files import WriteError, write_reason
    from hbm_assess.ui.report import ensure_application, write_report

    ensure_application()
    store = open_store(args, create=False, writes=False)
    try:
        path = write_report(store, args.id, args.output, language, compare_with=args.compare)
    except NotFound as error:
        raise CommandError(error) from None
    except WriteError as error:
        raise CommandError(error) from None
    except OSError as error:
        raise CommandError(Message.of("cli_report_unwritable", path=args.output, reason=write_reason(error))) from None
    finally:
        store.close()
    print(path)
    return EXIT_OK


WORKBOOK_LANGUAGES = LANGUAGES


def _export(args) -> int:
    from hbm_assess.exchange.export import ExportBatchError, ExportError, export_all, export_assessment
    from hbm_assess.storage.store import NotFound

    language = args.lang or "en"
    if language not in WORKBOOK_LANGUAGES:
        raise CommandError(Message.of("cli_bad_language", language=repr(language)))
    if args.all == (args.id is not None):
        raise CommandError(Message.of("cli_id_or_all"))
    if args.id is not None and args.output.suffix.lower() != ".xlsx":
        raise CommandError(Message.of("cli_suffix_needed", path=args.output, suffix=".xlsx"))
    if args.all and ((args.output.exists() and not args.output.is_dir()) or
                     (not args.output.exists() and args.output.suffix)):
        raise CommandError(Message.of("cli_all_needs_folder", path=args.output))
    password = _password(args)
    # Exporting seals the revision written (a later change starts a new one): it writes, but never creates.
    store = open_store(args, create=False)
    try:
        if args.all:
            paths = export_all(store, args.output, language, password=password)
        else:
            paths = [export_assessment(store, args.id, args.output, language, password=password)]
    except ExportBatchError as error:
        for path in error.written:
            print(path)
        for failure in error.failures:
            print(f"hbm-assess: {said(failure, args)}", file=sys.stderr)
        return EXIT_PROBLEMS
    except NotFound as error:
        raise CommandError(Message.of("cli_see_list", problem=error)) from None
    except ExportError as error:
        print(f"hbm-assess: {said(error, args)}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        store.close()
    for path in paths:
        print(path)
    return EXIT_OK


def _import(args) -> int:
    from hbm_assess.exchange.import_results import printable
    from hbm_assess.exchange.importing import import_paths

    password = _password(args)
    store = open_store(args)

    def show(result) -> None:
        # Printed as soon as the file is committed, so what is on screen is in the database.
        outcome = Message.of(f"outcome_{result.outcome}").text(args.lang or "en")
        print(f"{outcome:<9}  {result.shown_path} — {printable(result.message_in(args.lang or 'en'))}", flush=True)
        for change in result.changes:
            print(f"           {printable(change.text(args.lang or 'en'))}", flush=True)

    try:
        report = import_paths(store, args.paths, on_result=None if args.json else show, password=password)
    finally:
        store.close()
    if args.json:
        print(json.dumps(report.to_dict(args.lang), ensure_ascii=False, indent=2))
    else:
        print(report.summary().text(args.lang or "en"))
    return EXIT_PROBLEMS if report.rejected else EXIT_OK


def _say_what_is_left_out(store, flt, args) -> None:
    """Like with like by default (#17): say what that left out, and which flag brings it in."""
    from hbm_assess.storage.portfolio_selection import left_out

    out = left_out(store, flt)
    comparing = Message.of("cli_comparing", form=flt.form_id or Message.of("cli_every_questionnaire"),
                           versions=", ".join(flt.form_versions) or Message.of("cli_every_version"),
                           statuses=", ".join(flt.statuses) or Message.of("cli_every_status"))
    print(_say(comparing, args), file=sys.stderr)
    if out.drafts:
        drafts = Message.of("cli_left_out_draft" if out.drafts == 1 else "cli_left_out_drafts", count=out.drafts)
        print(_say(drafts, args), file=sys.stderr)
    if out.other_forms:
        other = Message.of("cli_left_out_other_form" if out.other_forms == 1 else "cli_left_out_other_forms",
                           count=out.other_forms)
        print(_say(other, args), file=sys.stderr)


def _export_portfolio(args) -> int:
    from datetime import date

    from hbm_assess.exchange.export import ExportError
    from hbm_assess.exchange.portfolio_export import write_portfolio
    from hbm_assess.storage.portfolio import PortfolioFilter, like_with_like

    language = args.lang or "en"
    if language not in WORKBOOK_LANGUAGES:
        raise CommandError(Message.of("cli_bad_language", language=repr(language)))
    if args.format == "xlsx" and args.output.suffix.lower() != ".xlsx":
        raise CommandError(Message.of("cli_portfolio_suffix", path=args.output))
    if args.format == "csv" and args.output.exists() and not args.output.is_dir():
        raise CommandError(Message.of("csv_needs_folder", path=args.output))
    for option, value in (("--from", args.date_from), ("--to", args.date_to)):
        try:
            if value:
                date.fromisoformat(value)
        except ValueError:
            raise CommandError(Message.of("cli_bad_date", option=option, value=value)) from None
    password = _password(args)
    if password and args.format == "csv":
        raise CommandError(Message.of("cli_csv_password"))
    flt = PortfolioFilter(
        countries=tuple(args.country), site_types=tuple(args.site_type), form_id=args.form,
        form_versions=tuple(args.form_version), date_from=args.date_from, date_to=args.date_to,
        statuses=tuple(args.status), area=args.area, latest_only=args.latest_only,
    )
    store = open_store(args, create=False, writes=False)
    try:
        flt = like_with_like(store, flt, include_drafts=args.include_drafts, all_forms=args.all_forms)
        _say_what_is_left_out(store, flt, args)
        if args.format == "csv":
            from hbm_assess.exchange.portfolio_csv import write_portfolio_csv

            counts = write_portfolio_csv(store, flt, args.output)
            rows = counts["answers.csv"]
        else:
            rows = write_portfolio(store, flt, args.output, language, password=password)
    except ExportError as error:
        print(f"hbm-assess: {said(error, args)}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        store.close()
    print(_say(Message.of("cli_rows_written_one" if rows == 1 else "cli_rows_written", path=args.output, count=rows),
               args))
    return EXIT_OK


def _new(args) -> int:
    from hbm_assess.operations import OperationError, new_assessment
    from hbm_assess.storage.store import StoreError

    store = open_store(args)
    try:
        made = new_assessment(store, args.form, args.site, version=args.version, date=args.date,
                              assessors=tuple(args.assessor), institutions=tuple(args.institution),
                              scope=args.scope, target_policy=args.target_policy, country=args.country)
        summary = store.summary(made)
    except (OperationError, StoreError) as error:
        raise CommandError(error) from None
    finally:
        store.close()
    print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) if args.json else made)
    return EXIT_OK


def _answer(args) -> int:
    from hbm_assess.operations import OperationError, set_answer
    from hbm_assess.storage.store import StoreError

    store = open_store(args, create=False)
    try:
        set_answer(store, args.id, args.indicator, args.value, target=args.target, evidence=args.evidence,
                   group=args.group)
    except (OperationError, StoreError) as error:
        raise CommandError(error) from None
    finally:
        store.close()
    return EXIT_OK


def _workshop(args) -> int:
    from hbm_assess import cli_workshop
    from hbm_assess.core.workshop import SettlementRefused
    from hbm_assess.exchange.export import ExportError
    from hbm_assess.operations import OperationError
    from hbm_assess.storage.store import StoreError

    store = open_store(args, create=False, writes=args.workshop_command not in cli_workshop.READ_ONLY_STEPS)
    try:
        return cli_workshop.run(store, args)
    except SettlementRefused as error:
        refused = Message.of("cli_refused", problem=error)
        print(f"hbm-assess: {_say(refused, args)}", file=sys.stderr)
        return EXIT_PROBLEMS
    except (OperationError, StoreError, ExportError) as error:
        raise CommandError(error) from None
    finally:
        store.close()


_HANDLERS = {"demo": _demo, "list": _list, "form": _form, "screenshots": _screenshots, "export": _export,
             "import": _import, "export-portfolio": _export_portfolio, "report": _report,
             "new": _new, "answer": _answer, "encrypt-database": _encrypt_database, "workshop": _workshop}
