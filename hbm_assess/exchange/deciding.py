"""What to do with a file whose assessment the database already has: lineage decides, not revision numbers.

Every published revision has a content hash that covers its uuid, revision number,
questionnaire and data; a file and a stored assessment each carry the lineage of
hashes they descend from. Then, for the file's newest revision (its head):

- the same head is stored → unchanged;
- the file's head is in a stored lineage → the file is older (or the same), skipped;
- the stored head is in the file's lineage → the file descends from it: update;
- otherwise the two went separate ways → conflict, both kept.

An update that would change which site, questionnaire or depth the assessment is
about is a conflict too. No number typed in a cell can make an older file newer:
the number is inside the hash. docs/workbook-format.md states the rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from hbm_assess.core.assessment import Assessment
from hbm_assess.exchange.import_results import Outcome


@dataclass(frozen=True)
class Identity:
    """What an assessment is about: changing any of it is not an update but another assessment."""

    site: str
    site_ref: str
    country: str
    form_id: str
    form_version: str
    mode: str

    @classmethod
    def of(cls, a: Assessment) -> Identity:
        return cls(a.site.name, a.site.reference_id, a.site.country, a.form_id, a.form_version, a.mode)

    def differences(self, other: Identity) -> list[str]:
        found = []
        if (self.site_ref, self.country) != (other.site_ref, other.country) and self.site == other.site:
            found.append(f"crossing point {other.site_ref or '(none)'} in {other.country or '(no country)'} "
                         f"instead of {self.site_ref or '(none)'} in {self.country or '(no country)'}")
        if (self.form_id, self.form_version) != (other.form_id, other.form_version):
            found.append(f"questionnaire {other.form_id} {other.form_version} instead of "
                         f"{self.form_id} {self.form_version}")
        if self.mode != other.mode:
            found.append(f"a {other.mode} assessment instead of a {self.mode} one")
        return found


@dataclass(frozen=True)
class StoredHead:
    """One stored row with the file's uuid, as the rule sees it: the original or a conflicting copy."""

    id: int
    revision: int
    head: str
    lineage: tuple[str, ...]
    conflict_of: int | None
    deleted: bool
    identity: Identity


@dataclass(frozen=True)
class Incoming:
    """The file's newest revision: its hash, the lineage it descends from (ending with it), what it is about."""

    revision: int
    head: str
    lineage: tuple[str, ...]
    identity: Identity


@dataclass(frozen=True)
class Decision:
    outcome: str
    target: int | None
    message: str


def decide(stored: list[StoredHead], incoming: Incoming) -> Decision:
    """What to do with an incoming revision, given every stored row with its uuid (original first)."""
    if not stored:
        return Decision(Outcome.IMPORTED, None, "")
    for copy in stored:
        if copy.head == incoming.head:
            where = " (in the bin)" if copy.deleted else ""
            return Decision(Outcome.UNCHANGED, copy.id, f"the same revision is already assessment {copy.id}{where}")
    for copy in stored:
        if incoming.head in copy.lineage:
            return Decision(Outcome.SKIPPED, copy.id,
                            f"the file holds revision {incoming.revision}, older than revision {copy.revision} of "
                            f"assessment {copy.id}, which descends from it; nothing was overwritten")
    original = stored[0]
    if original.deleted:
        return Decision(Outcome.SKIPPED, original.id,
                        f"assessment {original.id} is in the bin; restore it first, then import the file again")
    for copy in stored:
        if copy.deleted or copy.head not in incoming.lineage:
            continue
        changed = copy.identity.differences(incoming.identity)
        if copy.identity.site != incoming.identity.site or changed:
            claims = f"this file claims to be assessment {copy.id} of {copy.identity.site}"
            describes = f"but describes {incoming.identity.site}"
            return Decision(Outcome.CONFLICT, original.id,
                            f"{claims} {describes}{': ' + '; '.join(changed) if changed else ''}; "
                            "it is not applied over it")
        return Decision(Outcome.UPDATED, copy.id, f"revision {copy.revision} → {incoming.revision}")
    return Decision(Outcome.CONFLICT, original.id,
                    f"assessment {original.id} (revision {original.revision}) and the file (revision "
                    f"{incoming.revision}) were changed separately since the last revision they share")
