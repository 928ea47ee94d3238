"""Catalog statistics: how much is translated, fuzzy, untranslated and obsolete."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from translate.catalog import Catalog


@dataclass(frozen=True)
class CatalogStats:
    file: str
    language: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def percent_translated(self) -> float:
        return round(100.0 * self.translated / self.total, 1) if self.total else 100.0

    def as_dict(self) -> dict:
        return {**asdict(self), "percent_translated": self.percent_translated}


def catalog_stats(catalog: Catalog, file: str, language: str) -> CatalogStats:
    return CatalogStats(
        file=file,
        language=language,
        total=len(catalog),
        translated=len(catalog.translated_entries()),
        fuzzy=len(catalog.fuzzy_entries()),
        untranslated=len(catalog.untranslated_entries()),
        obsolete=len(catalog.obsolete_entries()),
    )
