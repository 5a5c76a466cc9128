"""``hbm-assess workshop …``: break-out groups, group files, consensus and outputs from a script.

The same operations as the Workshop menu (hbm_assess/operations.py). cli.py opens the
database and turns what these raise into the exit status: OperationError and StoreError
are bad input (2), SettlementRefused is a consensus rule saying no (1).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from hbm_assess.core.messages import Line, Message, Word

EXIT_OK = 0
READ_ONLY_STEPS = ("cases", "outputs")


def _say(message: Message | Word, args) -> str:
    return message.text(getattr(args, "lang", None) or "en")


def _agreed(value: object) -> Message:
    return Message.of("cli_agreed", agreed=Word("consensus.agreed"), value=value)


def password_option(parser, text: str) -> None:
    """--password-file FILE; here, below cli.py, so the workshop commands take it too."""
    # Never the password itself as an argument: other users see the process list, the shell keeps a history.
    parser.add_argument("--password-file", type=Path, metavar="FILE", help=text)
    no_secret_argument(parser, "--password", "HBM_ASSESS_PASSWORD")


def no_secret_argument(parser, option: str, variable: str) -> None:
    """Named, so that argparse does not take "--password X" as an abbreviation of --password-file."""

    class Refuse(argparse.Action):
        def __call__(self, parser, namespace, values, option_string=None):
            # A Line: the English for argparse, the Message for cli_usage.Parser to say in --lang.
            parser.error(Line(Message.of(f"usage_{option[2:]}_given", option=option, variable=variable)))

    parser.add_argument(option, nargs="?", action=Refuse, help=argparse.SUPPRESS)


def add_parser(commands) -> None:
    from hbm_assess.core.workshop import OUTPUT_KINDS

    workshop = commands.add_parser("workshop", help="break-out groups, group files, consensus and workshop outputs")
    steps = workshop.add_subparsers(dest="workshop_command", metavar="STEP", required=True)

    groups = steps.add_parser("groups", help="name the break-out groups and the indicators each scores")
    groups.add_argument("id", type=int, metavar="ID", help="the workshop assessment (see: hbm-assess list)")
    given = groups.add_mutually_exclusive_group(required=True)
    given.add_argument("--group", action="append", default=[], metavar="NAME=IND1,IND2,…",
                       help="one group and its indicators (repeatable), e.g. \"Legal=REG-01,REG-02\"")
    given.add_argument("--from", dest="from_file", type=Path, metavar="FILE.yaml",
                       help="the groups from a file: a list of {name, indicators, members, institutions}")

    files = steps.add_parser("files", help="write one workbook per group, to import on the group's laptop")
    files.add_argument("id", type=int, metavar="ID")
    files.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="the folder to write into")
    files.add_argument("--lang", default=argparse.SUPPRESS, metavar="LANG",
                       help="language of the workbooks' sheets: en, ar or ckb")
    password_option(files, "encrypt each group's workbook with the password on the first line of FILE, as "
                            "Excel does (default: $HBM_ASSESS_PASSWORD if set); the laptops import with the same")

    cases = steps.add_parser("cases", help="every indicator scored by more than one group: levels, spread, settled")
    cases.add_argument("id", type=int, metavar="ID")
    cases.add_argument("--json", action="store_true", help="print JSON instead of a table")

    settle = steps.add_parser("settle", help="record the plenary's agreed answer to an indicator groups scored")
    settle.add_argument("id", type=int, metavar="ID")
    settle.add_argument("indicator", metavar="INDICATOR", help="the indicator id, e.g. REG-01")
    settle.add_argument("value", metavar="LEVEL|na|unknown", help="the agreed level 1-5, na or unknown")
    settle.add_argument("--note", default="", metavar="TEXT",
                        help="why the plenary agreed on it (required when the groups are two levels apart or more)")

    note = steps.add_parser("note", help="add a challenge, strategy direction or institution's contribution")
    note.add_argument("id", type=int, metavar="ID")
    note.add_argument("--area", required=True, metavar="AREA",
                      help="the area id (e.g. OPS), or 'all' for the whole assessment")
    note.add_argument("--kind", required=True, choices=OUTPUT_KINDS)
    note.add_argument("--institution", default="", metavar="NAME",
                      help="the institution that offers it (required for a contribution)")
    note.add_argument("--indicator", action="append", default=[], metavar="ID",
                      help="an indicator it concerns (repeatable)")
    note.add_argument("--action", action="append", default=[], metavar="UUID",
                      help="a plan-of-action action it supports (repeatable)")
    note.add_argument("text", metavar="TEXT")

    outputs = steps.add_parser("outputs", help="every workshop output: area, kind, institution, indicators, group")
    outputs.add_argument("id", type=int, metavar="ID")
    outputs.add_argument("--json", action="store_true", help="print JSON instead of a list")


def run(store, args) -> int:
    """Run one workshop step on the open database."""
    return _STEPS[args.workshop_command](store, args)


def _groups(store, args) -> int:
    from hbm_assess.operations import OperationError, define_groups, groups_from_yaml, parse_group

    if args.from_file is not None:
        try:
            text = args.from_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise OperationError(Message.of("cannot_read_file", path=args.from_file, reason=error)) from None
        groups = groups_from_yaml(text, str(args.from_file))
    else:
        groups = [parse_group(text) for text in args.group]
    define_groups(store, args.id, groups)
    for group in groups:
        print(f"{group.name}: {', '.join(group.indicators) or _say(Message.of('cli_no_indicators'), args)}")
    return EXIT_OK


def _files(store, args) -> int:
    from hbm_assess.exchange.protection import PasswordError, read_password
    from hbm_assess.exchange.workshop_files import prepare_group_files
    from hbm_assess.operations import OperationError

    store.assessment(args.id)
    try:
        password = read_password(args.password_file)
    except PasswordError as error:
        raise OperationError(error) from None
    for path in prepare_group_files(store, args.id, args.output, getattr(args, "lang", None) or "en",
                                    password=password):
        print(path)
    return EXIT_OK


def _cases(store, args) -> int:
    from hbm_assess.core.workshop import group_levels
    from hbm_assess.exchange.import_results import printable
    from hbm_assess.operations import case_to_dict, workshop_cases

    cases = workshop_cases(store, args.id)
    if args.json:
        print(json.dumps([case_to_dict(case) for case in cases], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not cases:
        print(_say(Message.of("cli_no_cases"), args))
        return EXIT_OK
    for case in cases:
        agreed = case.agreed
        state = (_agreed(agreed.level if agreed.level is not None else agreed.special) if case.settled
                 else Word("consensus.unsettled"))
        spread = f"{_say(Word('spread', lower=True), args)} {case.spread}"
        print(printable(f"{case.indicator_id}  {group_levels(case)}  {spread}  {_say(state, args)}"))
    return EXIT_OK


def _settle(store, args) -> int:
    from hbm_assess.operations import settle

    settle(store, args.id, args.indicator, args.value, args.note)
    print(f"{args.indicator}: {_say(_agreed(args.value), args)}")
    return EXIT_OK


def _note(store, args) -> int:
    from hbm_assess.operations import add_workshop_output

    output = add_workshop_output(store, args.id, args.kind, args.text, area=args.area,
                                 institution=args.institution, indicators=tuple(args.indicator),
                                 actions=tuple(args.action))
    print(output.uuid)
    return EXIT_OK


def _outputs(store, args) -> int:
    from hbm_assess.exchange.import_results import printable
    from hbm_assess.operations import output_to_dict
    from hbm_assess.storage.workshop_outputs import outputs

    store.assessment(args.id)
    found = outputs(store, args.id)
    if args.json:
        print(json.dumps([output_to_dict(o) for o in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    for o in found:
        who = f" [{o.group}]" if o.group else ""
        offer = f"{o.institution}: " if o.institution else ""
        linked = f" ({', '.join(o.indicators)})" if o.indicators else ""
        area = o.area or _say(Message.of("cli_whole_assessment"), args)
        print(printable(f"{area}  {o.kind}{who}  {offer}{o.text}{linked}"))
    return EXIT_OK


_STEPS = {"groups": _groups, "files": _files, "cases": _cases, "settle": _settle, "note": _note,
          "outputs": _outputs}
