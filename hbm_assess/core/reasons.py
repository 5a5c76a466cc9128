"""Why the system or a library refused a file, in words a person can act on, in any language.

An OSError's text is the system's, in the system's language (English on most machines): inside
an Arabic sentence it is the one English part. The common causes are glossary messages
(``reason_*``); anything else keeps the system's own words.
"""

from __future__ import annotations

import csv
import errno
import re
import zipfile

from hbm_assess.core.messages import Message

_BY_ERRNO = {  # errno's names, as some exist only on some systems (EDQUOT, ETXTBSY)
    "ENOENT": "reason_not_found", "EACCES": "reason_permission", "EPERM": "reason_permission",
    "ENOSPC": "reason_disk_full", "EDQUOT": "reason_quota", "EFBIG": "reason_too_large",
    "EROFS": "reason_read_only_disk", "EISDIR": "reason_is_folder", "ENOTDIR": "reason_not_a_folder",
    "EEXIST": "reason_exists", "EBUSY": "reason_in_use", "ETXTBSY": "reason_in_use",
    "ENAMETOOLONG": "reason_name_too_long", "EIO": "reason_disk_error", "EMFILE": "reason_too_many_open",
    "ENFILE": "reason_too_many_open",
}
_CODES = {getattr(errno, name): code for name, code in _BY_ERRNO.items() if hasattr(errno, name)}
# Windows says EACCES for a file another program holds open; its own code tells the two apart.
_WINDOWS = {32: "reason_in_use", 33: "reason_in_use"}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
# SQLite's primary result codes (its error's sqlite_errorcode & 0xFF): FULL, READONLY, IOERR.
_SQLITE = {13: "reason_disk_full", 8: "reason_read_only_file", 10: "reason_disk_error"}
_CSV_FIELD_LIMIT = re.compile(r"field larger than field limit \((\d+)\)")
# What PyYAML's two parsers (Python and libyaml) say of the mistakes people make writing YAML by hand.
_YAML = (("mapping values are not allowed", "reason_yaml_colon"), ("cannot start any token", "reason_yaml_character"),
         ("did not find expected key", "reason_yaml_indent"), ("expected <block end>", "reason_yaml_indent"),
         ("did not find expected '-' indicator", "reason_yaml_indent"),
         ("found unexpected end of stream", "reason_yaml_unclosed"), ("expected ',' or", "reason_yaml_unclosed"))
_CALAMINE = {"ZipError": "reason_zip_damaged", "XmlError": "reason_xml_damaged",
             "PasswordError": "reason_password_protected"}


def reason(error: BaseException) -> Message | str:
    """What went wrong, as a glossary message where the cause is a common one, else the error's own words."""
    if isinstance(error, OSError):
        code = _WINDOWS.get(getattr(error, "winerror", None) or 0) or _CODES.get(error.errno)
        return Message.of(code) if code else (error.strerror or str(error))
    if isinstance(error, zipfile.BadZipFile):
        return Message.of("reason_zip_damaged")
    sqlite_code = getattr(error, "sqlite_errorcode", None)
    if isinstance(sqlite_code, int) and sqlite_code & 0xFF in _SQLITE:
        return Message.of(_SQLITE[sqlite_code & 0xFF])
    if isinstance(error, csv.Error) and (too_long := _CSV_FIELD_LIMIT.search(str(error))):
        return Message.of("reason_csv_field_too_long", limit=too_long.group(1))
    if type(error).__module__.startswith("python_calamine") and type(error).__name__ in _CALAMINE:
        return Message.of(_CALAMINE[type(error).__name__])
    if type(error).__module__.startswith("yaml"):
        problem = getattr(error, "problem", None) or str(error)
        code = next((code for words, code in _YAML if words in problem), None)
        return Message.of(code) if code else problem
    return str(error)
