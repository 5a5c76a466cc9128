"""Files the app writes, written whole; and saying what a file is, for messages.

Every file the app writes (workbook, PDF, portfolio, group files, backups) is written
to a temporary file beside the target, flushed to disk, then renamed over the target:
on any error the old file is intact and the temporary one removed.
"""

from __future__ import annotations

import errno
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from hbm_assess.core.messages import Message, Problem


class WriteError(Problem):
    """A file could not be written; the message names it, says why in plain words and what to do."""


def write_reason(error: OSError) -> Message | str:
    """An OSError in words a person can act on ("the disk is full"), in any language where the glossary has it."""
    from hbm_assess.core.reasons import reason

    if error.errno == errno.ENOENT:  # writing, a missing name is the folder: the file is about to be made
        return Message.of("reason_no_folder")
    return reason(error)


def write_error_message(error: OSError) -> str:
    """An OSError in English words a person can act on, for logs and older callers."""
    reason = write_reason(error)
    return reason.english() if isinstance(reason, Message) else reason


@contextmanager
def write_whole(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; when the block returns, the file there replaces ``target``.

    The temporary file is created by name, so it gets the user's usual permissions (mkstemp
    would make it private to its owner). Raises WriteError with a one-line reason.
    """
    target = Path(target)
    directory = target.parent
    if not directory.is_dir():
        raise WriteError(Message.of("write_no_folder", target=target, folder=directory))
    if target.is_dir():
        raise WriteError(Message.of("write_is_folder", target=target))
    temporary = directory / f".{target.name}.{uuid.uuid4().hex[:8]}.part"
    try:
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError as error:
        raise WriteError(Message.of("write_folder_refused", folder=directory, reason=write_reason(error))) from None
    try:
        yield temporary
        fsync_file(temporary)
        os.replace(temporary, target)
    except PermissionError:
        _remove(temporary)
        raise WriteError(Message.of("write_file_open", target=target)) from None
    except OSError as error:
        _remove(temporary)
        raise WriteError(Message.of("write_failed", target=target, reason=write_reason(error))) from None
    except BaseException:
        _remove(temporary)
        raise
    _fsync_directory(directory)


def _remove(path: Path) -> None:
    with suppress(OSError):
        path.unlink()


def fsync_file(path: Path) -> None:
    """Flush a file the app wrote to the disk (not the database: SQLite does that itself)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(directory: Path) -> None:
    # The rename is durable only once the folder itself is on disk; Windows has no such call.
    if os.name != "posix":
        return
    with suppress(OSError):
        fsync_file(directory)


_SIGNATURES = (
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PK\x03\x04", "a zip file, such as an Excel workbook (.xlsx)"),
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office file (.xls, .doc) or an encrypted workbook"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)


def describe_file(path: Path) -> str:
    """What a file looks like from its first bytes ("a PDF document"); '' when it cannot be read.

    Never call it on a database this process may hold open: closing this read would drop
    SQLite's locks (storage.database checks that first).
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError:
        return ""
    if not head:
        return "an empty file"
    for signature, name in _SIGNATURES:
        if head.startswith(signature):
            if name.startswith("a zip") and path.suffix.lower() in (".xlsx", ".xlsm"):
                return "an Excel workbook"
            return name
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "a file of another kind"
    return "a plain text file"


_KIND_CODES = {  # describe_file's words → the glossary's messages.kind_*
    "an empty file": "kind_empty", "an SQLite database": "kind_sqlite", "a zip file, such as an Excel workbook "
    "(.xlsx)": "kind_zip", "an Excel workbook": "kind_workbook", "a PDF document": "kind_pdf",
    "an old-style Office file (.xls, .doc) or an encrypted workbook": "kind_old_office", "a PNG image": "kind_png",
    "a JPEG image": "kind_jpeg", "a file of another kind": "kind_other", "a plain text file": "kind_text",
}


def kind_of(description: str) -> Message | str:
    """What describe_file said, in any language ('' stays '')."""
    code = _KIND_CODES.get(description)
    return Message.of(code) if code else description


def read_secret(file: Path | None, env_name: str, what: str, error: type[Exception]) -> str | None:
    """A password or passphrase: the first line of ``file``, else the variable ``env_name``; None when neither.

    Never an argument (the process list and the shell history would show it). ``what`` names
    it in the messages; ``error`` is raised with one line saying what is wrong and what to do.
    """
    if file is not None:
        try:
            with open(file, encoding="utf-8-sig") as handle:
                first = handle.readline().rstrip("\r\n")
        except OSError as problem:
            unreadable = Message.of(f"{what}_file_unreadable", file=file, reason=problem)
            raise _error(error, unreadable) from None
        except UnicodeDecodeError:
            raise _error(error, Message.of(f"{what}_file_not_text", file=file)) from None
        if not first:
            raise _error(error, Message.of(f"{what}_file_empty", file=file))
        return first
    secret = os.environ.get(env_name)
    if secret is not None and not secret:
        raise _error(error, Message.of(f"{what}_variable_empty", variable=env_name))
    return secret


def _error(kind: type[Exception], message: Message) -> Exception:
    # An error class that is not yet a Problem gets the English line, never the Message's repr.
    return kind(message) if issubclass(kind, Problem) else kind(message.english())
