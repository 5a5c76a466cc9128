"""Messages as data: what went wrong as a code and its values, put into words in any language.

Errors raised below the window (import, export, storage, form checks) carry a Message; the
window and the command line say it in the person's language, logs keep the English. The
words live in the glossary (``messages:`` in data/vocabulary.yaml), like every other word.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """A message's code and its values (numbers already written with Western digits, names as shown)."""

    code: str
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, code: str, **values: object) -> Message:
        return cls(code, tuple((name, str(value)) for name, value in values.items()))

    def text(self, language: str) -> str:
        from hbm_assess.core.vocabulary import vocabulary

        return vocabulary().word(f"messages.{self.code}", language, **dict(self.values))

    def english(self) -> str:
        """The one-line English form, for logs."""
        return self.text("en")


class Problem(Exception):
    """An error whose message is a Message; ``str()`` is its English, for logs and older callers.

    Raised with a plain string it is a message not yet in the glossary, shown as written.
    """

    def __init__(self, message: Message | str = ""):
        self.message = message if isinstance(message, Message) else None
        super().__init__(message.english() if isinstance(message, Message) else message)

    def text(self, language: str) -> str:
        return self.message.text(language) if self.message else str(self)


def text_of(error: BaseException, language: str) -> str:
    """What an error says, in ``language`` where it carries a Message, else as written."""
    return error.text(language) if isinstance(error, Problem) else str(error)
