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
    values: tuple[tuple[str, str | Message], ...] = ()

    @classmethod
    def of(cls, code: str, **values: object) -> Message:
        """A value that is itself a Message (a reason inside a sentence) is said in the same language."""
        return cls(code, tuple((name, value if isinstance(value, Message) else str(value))
                               for name, value in values.items()))

    def text(self, language: str) -> str:
        from hbm_assess.core.text import language_of
        from hbm_assess.core.vocabulary import vocabulary

        values = {name: value.text(language) if isinstance(value, Message) else value
                  for name, value in self.values}
        # Formatted here, not through word(): a value may be called "language" or "key".
        text = vocabulary().text(f"messages.{self.code}").get(language_of(language))
        return text.format(**values) if values else text

    def english(self) -> str:
        """The one-line English form, for logs."""
        return self.text("en")


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

    def text(self, language: str) -> str:
        return self.message.text(language) if self.message else str(self)


class Line(str):
    """One line of a list of problems: its English as a string (for logs and older callers), and its Message."""

    message: Message

    def __new__(cls, message: Message) -> Line:
        line = super().__new__(cls, message.english())
        line.message = message
        return line

    def text(self, language: str) -> str:
        return self.message.text(language)


def text_of(error: BaseException | str, language: str) -> str:
    """What an error (or a problem line) says, in ``language`` where it carries a Message, else as written."""
    return error.text(language) if isinstance(error, Problem | Line) else str(error)
