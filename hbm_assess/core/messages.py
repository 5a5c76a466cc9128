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
    """

    code: str
    values: tuple[tuple[str, str | Message | Word | Named], ...] = ()

    @classmethod
    def of(cls, code: str, **values: object) -> Message:
        return cls(code, tuple((name, value if isinstance(value, Message | Word | Named) else str(value))
                               for name, value in values.items()))

    def text(self, language: str) -> str:
        from hbm_assess.core.vocabulary import vocabulary

        said = {name: value if isinstance(value, str) else value.text(language) for name, value in self.values}
        return vocabulary().word(f"messages.{self.code}", language, **said)

    def english(self) -> str:
        """The one-line English form, for logs."""
        return self.text("en")

    def __str__(self) -> str:
        return self.english()


class Problem(Exception):
    """An error whose message is a Message; ``str()`` is its English, for logs and older callers.

    Raised with a plain string it is a message not yet in the glossary, shown as written.
    """

    def __init__(self, message: Message | str = ""):
        self.message = message if isinstance(message, Message) else None
        super().__init__(message.english() if isinstance(message, Message) else message)

    def text(self, language: str) -> str:
        message = getattr(self, "message", None)  # a dataclass subclass may not call __init__
        return message.text(language) if message else str(self)


def text_of(error: BaseException, language: str) -> str:
    """What an error says, in ``language`` where it carries a Message, else as written."""
    return error.text(language) if isinstance(error, Problem) else str(error)
