"""Workbooks protected with a password: Excel's own encryption, so Excel and LibreOffice open them as they are.

An encrypted .xlsx is an Office binary container (OLE) holding two streams, EncryptionInfo
and EncryptedPackage (MS-OFFCRYPTO). Writing: the workbook is saved to memory, encrypted
(agile encryption: AES-256, SHA-512) and only the encrypted bytes reach the disk. Reading:
the container is checked and bounded first, decrypted in memory, and the clear workbook
then goes through every check of ``safety`` as any other file.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from hbm_assess.core.messages import Message, Problem
from hbm_assess.exchange.safety import MAX_FILE_BYTES, OLE_MAGIC, WorkbookRejected
from hbm_assess.files import read_secret

PASSWORD_ENV = "HBM_ASSESS_PASSWORD"
# Excel writes 100,000 rounds of SHA-512; the format allows 10,000,000, which takes many
# seconds per file in Python: a received file asking for more than Excel ever writes is refused.
MAX_SPIN_COUNT = 1_000_000
MAX_INFO_BYTES = 64 * 1024

# The password of a batch: a string, or a function asked with the file's path (the window's dialog).
Password = str | Callable[[Path], str | None] | None


class PasswordError(Problem):
    """A password that cannot be used (empty, unreadable file); the message says what to do."""


def encrypt(clear: bytes, password: str) -> bytes:
    """The workbook ``clear`` (.xlsx bytes) encrypted with ``password`` as Excel does it."""
    from msoffcrypto.format.ooxml import OOXMLFile

    if not password:
        raise PasswordError(Message.of("password_empty"))
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(clear)).encrypt(password, out)
    return out.getvalue()


def save_encrypted(workbook, target: Path, password: str) -> None:
    """Save an openpyxl workbook to ``target`` encrypted; the clear workbook exists only in memory."""
    clear = io.BytesIO()
    workbook.save(clear)
    data = encrypt(clear.getvalue(), password)
    with open(target, "wb") as handle:
        handle.write(data)


def is_encrypted(handle: BinaryIO) -> bool:
    """Whether an open file is an Office container holding an encrypted workbook (it is left at its start)."""
    handle.seek(0)
    if handle.read(8) != OLE_MAGIC:
        handle.seek(0)
        return False
    handle.seek(0)
    import olefile

    try:
        with olefile.OleFileIO(handle) as container:
            found = container.exists("EncryptionInfo") and container.exists("EncryptedPackage")
    except Exception:  # a damaged container: the usual checks say what it is
        found = False
    handle.seek(0)
    return found


def path_is_encrypted(path: Path) -> bool:
    """``is_encrypted`` for a file by name; False for anything that cannot be read."""
    from hbm_assess.exchange.safety import open_regular

    try:
        with open_regular(path) as handle:
            return is_encrypted(handle)
    except (WorkbookRejected, OSError):
        return False


def decrypted(handle: BinaryIO, password: str | None, path: Path | None = None) -> io.BytesIO:
    """The clear workbook inside an encrypted file, in memory; WorkbookRejected says why it cannot be opened."""
    from msoffcrypto import exceptions
    from msoffcrypto.format.ooxml import OOXMLFile

    size = _size(handle)
    if size > MAX_FILE_BYTES:
        raise WorkbookRejected(Message.of("file_too_large", size=f"{size / 1024 / 1024:.0f}",
                                          limit=MAX_FILE_BYTES // 1024 // 1024))
    if not password:
        raise WorkbookRejected(Message.of("password_not_given", variable=PASSWORD_ENV))
    handle.seek(0)
    data = io.BytesIO(handle.read())
    try:
        _check_info(data)
        office = OOXMLFile(data)
        if office.type != "agile" and office.type != "standard":
            raise WorkbookRejected(Message.of("encryption_unknown"))
        if office.type == "agile" and office.info["spinValue"] > MAX_SPIN_COUNT:
            raise WorkbookRejected(Message.of("encryption_too_slow", rounds=f"{office.info['spinValue']:,}"))
        office.load_key(password=password, verify_password=True)
        clear = io.BytesIO()
        office.decrypt(clear, verify_integrity=office.type == "agile")
    except exceptions.InvalidKeyError:
        raise WorkbookRejected(Message.of("wrong_password")) from None
    except WorkbookRejected:
        raise
    except Exception as error:  # msoffcrypto and olefile raise many kinds for damaged containers
        raise WorkbookRejected(Message.of("encryption_damaged", error=type(error).__name__)) from None
    clear.seek(0)
    return clear


def _check_info(data: io.BytesIO) -> None:
    """Bound the EncryptionInfo stream before msoffcrypto parses it as XML (no DTD, no entities)."""
    import olefile

    from hbm_assess.exchange.safety import _DECLARATION

    with olefile.OleFileIO(data) as container:
        if container.get_size("EncryptionInfo") > MAX_INFO_BYTES:
            raise WorkbookRejected(Message.of("encryption_header_too_large"))
        info = container.openstream("EncryptionInfo").read()
    if _DECLARATION.search(info):
        raise WorkbookRejected(Message.of("encryption_header_entities"))
    data.seek(0)


def _size(handle: BinaryIO) -> int:
    try:
        return os.fstat(handle.fileno()).st_size
    except (AttributeError, OSError, io.UnsupportedOperation):
        position = handle.seek(0, io.SEEK_END)
        handle.seek(0)
        return position


def password_for(password: Password, path: Path) -> str | None:
    """The password to try on ``path``: the batch's string, or what the window's dialog answers."""
    if callable(password):
        return password(path)
    return password


def read_password(file: Path | None, env_name: str = PASSWORD_ENV) -> str | None:
    """The password from ``--password-file`` (its first line) or the environment; None when neither is given."""
    return read_secret(file, env_name, "password", PasswordError)
