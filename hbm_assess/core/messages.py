"""Messages as data: what went wrong as a code and its values, put into words in any language.

Errors raised below the window (import, export, storage, form checks) carry a Message; the
window and the command line say it in the person's language, logs keep the English. The
words live in the glossary (``messages:`` in data/vocabulary.yaml), like every other word.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """A glossary word as a message's value (a sheet title, "N/A"), said in the message's language."""

    key: str
    lower: bool = False  # mid-sentence: "evidence type", not "Evidence type" (scripts without case are unchanged)

    def text(self, language: str) -> str:
        from hbm_assess.core.vocabulary import vocabulary

        word = vocabulary().word(self.key, language)
        return word.lower() if self.lower else word


@dataclass(frozen=True)
class Named:
    """A value already written in each language (the names of a list's choices), said in the message's language."""

    by_language: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, names: dict[str, str]) -> Named:
        return cls(tuple(names.items()))

    def text(self, language: str) -> str:
        from hbm_assess.core.text import language_of

        names = dict(self.by_language)
        return names.get(language_of(language)) or names.get("en", "")


@dataclass(frozen=True)
class Message:
    """A message's code and its values (numbers already written with Western digits, names as shown).

    A value may itself be a Message, a Word or a Named: it is said in the same language as the message.
    An error given as a value is said as its reason (core/reasons.py), never as the system's English.
    """

    code: str
    values: tuple[tuple[str, str | Message | Word | Named | Told], ...] = ()

    @classmethod
    def of(cls, code: str, **values: object) -> Message:
        """A value that is a Line (a problem from a list) keeps its Message: said in the same language."""
        return cls(code, tuple((name, _said_later(value)) for name, value in values.items()))

    def text(self, language: str, paths_isolated: bool = False) -> str:
        """The message in ``language``; with ``paths_isolated``, each file path set apart for right-to-left text.

        A path (a value named in PATH_VALUES) inside Arabic or Kurdish is laid out left to right
        between Unicode isolates (LRI ... PDI); without them "/tmp/x.sqlite" showed as
        "tmp/x.sqlite/". For a window only: the command line's words stay free of invisible characters.
        """
        from hbm_assess.core.text import language_of
        from hbm_assess.core.vocabulary import vocabulary

        said = {name: _value_text(name, value, language, paths_isolated) for name, value in self.values}
        # Formatted here, not through word(): a value may be called "language" or "key".
        text = vocabulary().text(f"messages.{self.code}").get(language_of(language))
        return text.format(**said) if said else text

    def english(self) -> str:
        """The one-line English form, for logs."""
        return self.text("en")

    def __str__(self) -> str:
        return self.english()


# A message's values that are file-system paths (and file names). "target" also names a target level
# in one message: a number set apart reads the same.
PATH_VALUES = frozenset({"path", "file", "folder", "target", "backup"})
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"


def isolated_left_to_right(value: str, language: str) -> str:
    """``value`` (a path, a file name) kept left to right inside text in a right-to-left ``language``."""
    from hbm_assess.core.text import is_right_to_left

    return f"{LEFT_TO_RIGHT_ISOLATE}{value}{POP_DIRECTIONAL_ISOLATE}" if is_right_to_left(language) else value


def _value_text(name: str, value: object, language: str, paths_isolated: bool) -> str:
    if isinstance(value, str):
        return isolated_left_to_right(value, language) if paths_isolated and name in PATH_VALUES else value
    if isinstance(value, Message | Told):
        return value.text(language, paths_isolated)
    return value.text(language)


def _said_later(value: object) -> str | Message | Word | Named | Told:
    if isinstance(value, Message | Word | Named):
        return value
    if isinstance(value, Line):
        return value.message
    if isinstance(value, Problem):  # its Message; a list of problems (FormError) says each line itself
        return value.message or Told(value)
    if isinstance(value, BaseException):  # the system's "Permission denied", said in the message's language
        from hbm_assess.core.reasons import reason

        return reason(value)
    return str(value)


@dataclass(frozen=True)
class Told:
    """A problem that says itself (several lines, each a Message) as a message's value."""

    problem: Problem

    def text(self, language: str, paths_isolated: bool = False) -> str:
        return self.problem.text(language, paths_isolated)


class Problem(Exception):
    """An error whose message is a Message; ``str()`` is its English, for logs and older callers.

    Raised with a plain string it is a message not yet in the glossary, shown as written.
    """

    message: Message | None = None  # also for subclasses (dataclasses) that never call __init__

    def __init__(self, message: Message | BaseException | str = ""):
        if isinstance(message, BaseException):  # passing on another error: its Message, else its words
            message = getattr(message, "message", None) or str(message)
        self.message = message if isinstance(message, Message) else None
        super().__init__(message.english() if isinstance(message, Message) else message)

    def text(self, language: str, paths_isolated: bool = False) -> str:
        return self.message.text(language, paths_isolated) if self.message else str(self)


class ProblemsIn(Problem):
    """A file that cannot be used: each problem (a Line) said after the file's name, one a line."""

    def __init__(self, source: object, problems: list[Line]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(f"{source}: {problem}" for problem in problems))

    def text(self, language: str, paths_isolated: bool = False) -> str:
        source = isolated_left_to_right(str(self.source), language) if paths_isolated else self.source
        return "\n".join(f"{source}: {problem.text(language, paths_isolated)}" for problem in self.problems)


class Line(str):
    """One line of a list of problems: its English as a string (for logs and older callers), and its Message."""

    message: Message

    def __new__(cls, message: Message) -> Line:
        line = super().__new__(cls, message.english())
        line.message = message
        return line

    def text(self, language: str, paths_isolated: bool = False) -> str:
        return self.message.text(language, paths_isolated)


def text_of(error: BaseException | str, language: str, paths_isolated: bool = False) -> str:
    """What an error (or a problem line) says, in ``language`` where it carries a Message, else as written.

    A system error no layer wrapped says its reason (core/reasons.py) and the file it concerns.
    ``paths_isolated``: as ``Message.text``.
    """
    if isinstance(error, Problem | Line):
        return error.text(language, paths_isolated)
    if isinstance(error, OSError):
        said = _said_later(error)
        if error.filename is not None:
            said = Message.of("os_error_at", file=error.filename, reason=said)
        return said if isinstance(said, str) else said.text(language, paths_isolated)
    return str(error)
