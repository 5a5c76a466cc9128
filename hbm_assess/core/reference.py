"""Reference lists shipped in ``data/``: border crossing points and institutions."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hbm_assess.core.assessment import Site
from hbm_assess.core.text import Text
from hbm_assess.locations import data_dir


@dataclass(frozen=True)
class CrossingPoint:
    id: str
    name: Text
    country: str
    type: str
    neighbour: str = ""
    governorate: Text = field(default_factory=Text)
    adm1_pcode: str = ""
    latitude: float | None = None
    longitude: float | None = None

    def site(self, language: str = "en") -> Site:
        return Site(
            name=self.name.get(language),
            country=self.country,
            type=self.type,
            pcode=self.adm1_pcode,
            latitude=self.latitude,
            longitude=self.longitude,
            reference_id=self.id,
        )


@dataclass(frozen=True)
class Institution:
    id: str
    name: Text
    acronym: Text
    kind: str

    def display(self, language: str = "en") -> str:
        acronym = self.acronym.get(language)
        name = self.name.get(language)
        return f"{name} ({acronym})" if acronym and acronym != name else name


def _load(name: str, directory: Path | None) -> list[dict]:
    import yaml  # loaded on first use: a faster start of the app

    path = (directory or data_dir()) / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))[name]


@cache
def crossing_points(directory: Path | None = None) -> tuple[CrossingPoint, ...]:
    return tuple(
        CrossingPoint(
            id=entry["id"],
            name=Text(entry["name"]),
            country=entry.get("country", ""),
            type=entry["type"],
            neighbour=entry.get("neighbour", ""),
            governorate=Text(entry.get("governorate") or {}),
            adm1_pcode=entry.get("adm1_pcode", ""),
            latitude=entry.get("lat"),
            longitude=entry.get("lon"),
        )
        for entry in _load("crossing_points", directory)
    )


@cache
def institutions(directory: Path | None = None) -> tuple[Institution, ...]:
    return tuple(
        Institution(
            id=entry["id"],
            name=Text(entry["name"]),
            acronym=Text(entry.get("acronym") or {}),
            kind=entry.get("kind", "other"),
        )
        for entry in _load("institutions", directory)
    )
