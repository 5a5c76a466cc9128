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
from hbm_assess.core.messages import Message
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

    def differences(self, other: Identity) -> list[Message]:
        found = []
        if (self.site_ref, self.country) != (other.site_ref, other.country) and self.site == other.site:
            found.append(Message.of("other_crossing_point", ref=other.site_ref or Message.of("none_shown"),
                                    country=other.country or Message.of("no_country"),
                                    our_ref=self.site_ref or Message.of("none_shown"),
                                    our_country=self.country or Message.of("no_country")))
        if (self.form_id, self.form_version) != (other.form_id, other.form_version):
            found.append(Message.of("other_questionnaire", form=other.form_id, version=other.form_version,
                                    our_form=self.form_id, our_version=self.form_version))
        if self.mode != other.mode:
            found.append(Message.of("other_depth", mode=_mode(other.mode), our_mode=_mode(self.mode)))
        return found


def _mode(mode: str) -> Message | str:
    return Message.of(f"mode_{mode}") if mode in ("detailed", "rapid") else mode


def joined(messages: list[Message]) -> Message:
    """Several messages as one, separated by semicolons."""
    said = messages[0]
    for message in messages[1:]:
        said = Message.of("then", first=said, second=message)
    return said


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
    message: Message | None


def decide(stored: list[StoredHead], incoming: Incoming) -> Decision:
    """What to do with an incoming revision, given every stored row with its uuid (original first)."""
    if not stored:
        return Decision(Outcome.IMPORTED, None, None)
    for copy in stored:
        if copy.head == incoming.head:
            return Decision(Outcome.UNCHANGED, copy.id, Message.of(
                "same_revision_in_bin" if copy.deleted else "same_revision", id=copy.id))
    for copy in stored:
        if incoming.head in copy.lineage:
            return Decision(Outcome.SKIPPED, copy.id, Message.of(
                "older_revision", revision=incoming.revision, stored=copy.revision, id=copy.id))
    original = stored[0]
    if original.deleted:
        return Decision(Outcome.SKIPPED, original.id, Message.of("assessment_in_bin", id=original.id))
    for copy in stored:
        if copy.deleted or copy.head not in incoming.lineage:
            continue
        changed = copy.identity.differences(incoming.identity)
        if copy.identity.site != incoming.identity.site or changed:
            claims = dict(id=copy.id, site=copy.identity.site, other=incoming.identity.site)
            return Decision(Outcome.CONFLICT, original.id, Message.of(
                "claims_other_identity_because", **claims, because=joined(changed)) if changed else Message.of(
                "claims_other_identity", **claims))
        return Decision(Outcome.UPDATED, copy.id, Message.of("revision_step", old=copy.revision,
                                                             new=incoming.revision))
    return Decision(Outcome.CONFLICT, original.id, Message.of(
        "changed_separately", id=original.id, revision=original.revision, incoming=incoming.revision))
