"""What an import says about each file: its outcome, the reason, the cells a person changed.

Kept apart from the import itself so the window, the command line and the workshop
merge can name results without importing the machinery that produces them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from hbm_assess.core.messages import Message, Named, Word


class Outcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    REJECTED = "rejected"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class CellChange:
    """One cell whose value differs from what the app exported.

    ``sheet``, ``old`` and ``new`` are as the file has them (the sheet's name is what the person
    must find); ``field`` and ``subject`` are English, for logs and scripts; ``field_code`` (the
    column's key), ``action_title`` and ``removed`` let ``text`` say the rest in any language.
    """

    sheet: str
    cell: str
    subject: str
    field: str
    old: str
    new: str
    field_code: str = ""
    action_title: str | None = None  # the subject is this action (its first 40 characters)
    removed: str = ""  # "answer" or "action": the row was deleted

    def __str__(self) -> str:
        return self.said().english()

    def said(self) -> Message:
        """The change as a message: its English is ``str()``."""
        from hbm_assess.exchange.layout import heading_key

        subject = Message.of("change_action", title=self.action_title) if self.action_title is not None \
            else self.subject
        if self.removed:
            return Message.of(f"change_{self.removed}_removed", sheet=self.sheet, subject=subject)
        field = Word(heading_key(self.field_code)) if self.field_code else self.field
        about = Message.of("change_about", subject=subject, field=field) if self.subject else field
        return Message.of("change_cell", where=f"{self.sheet}!{self.cell}" if self.cell else self.sheet,
                          about=about, old=self._value(self.old), new=self._value(self.new))

    def _value(self, value: str) -> str | Message | Word:
        if not value:
            return Message.of("change_empty")
        if self.field_code == "level" and value in ("na", "unknown"):  # the status column's code
            return Word(f"special_answers.{value}")
        return value

    def text(self, language: str) -> str:
        """The change in ``language``: the sheet, the cell and the values as the file has them."""
        return self.said().text(language)

    def to_dict(self, language: str | None = None) -> dict:
        """The keys of before, ``field_code`` and, with a ``language``, ``text``: the change in it."""
        said = {"field_code": self.field_code}
        if language:
            said["text"] = printable(self.text(language))
        return {"sheet": self.sheet, "cell": self.cell, "subject": self.subject, "field": self.field,
                "old": self.old, "new": self.new, **said}


# C0 and C1 control characters, DEL, and the lone surrogates Python uses for bytes a file name
# could not decode: shown as escapes, so a name or a site can never drive the terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def printable(text: object) -> str:
    """Text safe to print to a terminal or a log: control characters and undecodable bytes escaped."""

    def escaped(match: re.Match) -> str:
        code = ord(match.group())
        if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not UTF-8
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escaped, str(text))


def site_named(site) -> Named:
    """A site for a message: as typed in English (as logs always had it), a known crossing point's own
    name in the other languages."""
    from hbm_assess.core.reference import site_name
    from hbm_assess.core.text import LANGUAGES

    return Named.of({language: site.name if language == "en" else site_name(site, language) for language in LANGUAGES})


@dataclass
class FileResult:
    """What happened to one file; ``message`` is the English (for logs), ``said`` the same as data."""

    path: Path
    outcome: str
    message: str | Message = ""
    assessment_id: int | None = None
    uuid: str | None = None
    revision: int | None = None
    edited_outside: bool = False
    changes: list[CellChange] = field(default_factory=list)
    conflict_of: int | None = None
    said: Message | None = None  # the message as data, where it is in the glossary

    def __post_init__(self) -> None:
        if isinstance(self.message, Message):
            self.say(self.message)

    def say(self, message: Message) -> None:
        """Set the message: as data, and in English for logs and scripts."""
        self.said, self.message = message, message.english()

    def message_in(self, language: str, paths_isolated: bool = False) -> str:
        """The message in ``language`` if it is in the glossary, else as written (``paths_isolated``: a window)."""
        return self.said.text(language, paths_isolated) if self.said else self.message

    def __str__(self) -> str:
        return f"{self.shown_path}: {self.outcome} — {printable(self.message)}"

    @property
    def shown_path(self) -> str:
        """The path as a person can read it, whatever bytes the file system gave for its name."""
        return printable(self.path)

    @property
    def changed_cells(self) -> list[str]:
        """Where the file differs from what the app exported, e.g. ``Answers!D7``."""
        return [f"{c.sheet}!{c.cell}" if c.cell else f"{c.sheet} ({c.subject} {c.new})" for c in self.changes]

    def to_dict(self, language: str | None = None) -> dict:
        """The result for scripts: ``message`` in English and, since #16, its ``code`` and ``values`` (the
        values in English); with a ``language``, ``text`` is the message in that language."""
        said = {"code": self.said.code if self.said else None,
                "values": {name: value if isinstance(value, str) else value.text("en")
                           for name, value in self.said.values} if self.said else {}}
        if language:
            said["text"] = printable(self.message_in(language))
        return {
            "path": self.shown_path, "outcome": self.outcome, "message": self.message, **said,
            "assessment_id": self.assessment_id, "uuid": self.uuid, "revision": self.revision,
            "edited_outside": self.edited_outside, "changed_cells": self.changed_cells,
            "changes": [c.to_dict(language) for c in self.changes],
            "conflict_of": self.conflict_of,
        }


@dataclass
class ImportReport:
    """The results of one import, file by file, in the order the files were read."""

    results: list[FileResult] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False

    def counts(self) -> dict[str, int]:
        counts = {outcome.value: 0 for outcome in Outcome}
        for result in self.results:
            counts[result.outcome] += 1
        return counts

    def summary(self) -> Message:
        """One line for the end of an import: "3 files: 2 imported, 1 rejected"."""
        counted = [Message.of(f"counted_{outcome}", count=count) for outcome, count in self.counts().items() if count]
        counts = counted[0] if counted else Message.of("nothing_to_import")
        for more in counted[1:]:
            counts = Message.of("and_also", first=counts, second=more)
        files = len(self.results)
        return Message.of("files_one" if files == 1 else "files_many", count=files, counts=counts)

    @property
    def rejected(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome == Outcome.REJECTED]

    def to_dict(self, language: str | None = None) -> dict:
        return {"files": [r.to_dict(language) for r in self.results], "counts": self.counts(), "total": self.total,
                "cancelled": self.cancelled, "not_processed": self.total - len(self.results)}
