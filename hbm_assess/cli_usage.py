"""The command line's parser, whose usage errors are said in the language of --lang.

argparse words its errors in English through gettext when it raises them; changing gettext
would change every parser in the process. This parser reads back the English it is given
(argparse's own messages, whose wording a test checks against the installed argparse) and says
it from the glossary. ``--help`` stays English.
"""

from __future__ import annotations

import argparse
import re
import sys
from contextvars import ContextVar

from hbm_assess.core.messages import Line, Message

# The language usage errors are said in while the command line reads its arguments (cli.main sets it).
USAGE_LANGUAGE: ContextVar[str] = ContextVar("usage_language", default="en")

# argparse's English (its gettext message ids) and the glossary message that says each; a bare %s gets
# the name that follows.
ARGPARSE_MESSAGES = {
    "argument %(argument_name)s: %(message)s": ("usage_argument", ()),
    "the following arguments are required: %s": ("usage_required", ("arguments",)),
    "one of the arguments %s is required": ("usage_one_of_required", ("arguments",)),
    "invalid choice: %(value)r (choose from %(choices)s)": ("usage_invalid_choice", ()),
    "unrecognized arguments: %s": ("usage_unrecognized", ("arguments",)),
    "expected one argument": ("usage_expected_one", ()),
    "expected at most one argument": ("usage_expected_at_most_one", ()),
    "expected at least one argument": ("usage_expected_at_least_one", ()),
    "not allowed with argument %s": ("usage_not_allowed_with", ("argument",)),
    "ambiguous option: %(option)s could match %(matches)s": ("usage_ambiguous", ()),
    "invalid %(type)s value: %(value)r": ("usage_invalid_value", ()),
    "ignored explicit argument %r": ("usage_no_value_taken", ("value",)),
}
# Types whose values are whole numbers: "invalid int value: 'x'" says that, not the function's name.
WHOLE_NUMBER_TYPES = ("int", "_positive")
# This command line's own reasons for refusing a value (raised as argparse.ArgumentTypeError, so English).
OWN_MESSAGES = ("usage_one_or_more",)


def _pattern(english: str, names: tuple[str, ...]) -> re.Pattern:
    parts = re.split(r"(%\(\w+\)[sr]|%[sr])", english)
    unnamed = iter(names)
    regex = "".join(
        re.escape(part) if n % 2 == 0
        else f"(?P<{part[2:-2] if part.startswith('%(') else next(unnamed)}>.+?)"
        for n, part in enumerate(parts))
    return re.compile(f"^{regex}$", re.DOTALL)


_PATTERNS = [(_pattern(english, names), code) for english, (code, names) in ARGPARSE_MESSAGES.items()]


def translated(message: str, language: str) -> str:
    """argparse's English ``message`` said in ``language``; as it is when it is none of those known."""
    if isinstance(message, Line):
        return message.text(language)
    for code in OWN_MESSAGES:
        if message == Message.of(code).english():
            return Message.of(code).text(language)
    for pattern, code in _PATTERNS:
        found = pattern.match(message)
        if not found:
            continue
        values = found.groupdict()
        if code == "usage_argument":
            values["message"] = translated(values["message"], language)
        if code == "usage_invalid_value" and values["type"] in WHOLE_NUMBER_TYPES:
            code, values = "usage_not_a_whole_number", {"value": values["value"]}
        return Message.of(code, **values).text(language)
    return message


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that says its usage errors in USAGE_LANGUAGE (English: exactly as argparse does)."""

    def format_usage(self) -> str:
        usage = super().format_usage()
        language = USAGE_LANGUAGE.get()
        if language == "en" or not usage.startswith("usage: "):
            return usage
        said = Message.of("usage_line", usage="").text(language)
        # argparse indents the lines that follow to stand under the first after "usage: ": the same under ours.
        lines = usage.removeprefix("usage: ").rstrip("\n").replace("\n", "\n" + " " * (len(said) - len("usage: ")))
        return Message.of("usage_line", usage=lines).text(language) + "\n"

    def error(self, message: str):
        language = USAGE_LANGUAGE.get()
        if language == "en":
            super().error(message)
        self.print_usage(sys.stderr)
        said = Message.of("usage_error", prog=self.prog, message=translated(message, language)).text(language)
        self.exit(2, said + "\n")
