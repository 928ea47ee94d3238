"""Catalog statistics: how much is translated, fuzzy, untranslated and obsolete, and how
much of the translated text follows the glossary."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from translate.catalog import Catalog
from translate.terms import GlossaryStage


@dataclass(frozen=True)
class CatalogStats:
    file: str
    language: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    glossary_entries: int | None = None  # translations (also fuzzy) of sources naming terms
    glossary_compliant: int | None = None  # of those, the ones without glossary errors

    @property
    def percent_translated(self) -> float:
        return round(100.0 * self.translated / self.total, 1) if self.total else 100.0

    @property
    def glossary_compliance(self) -> float | None:
        if not self.glossary_entries or self.glossary_compliant is None:
            return None
        return round(100.0 * self.glossary_compliant / self.glossary_entries, 1)

    def as_dict(self) -> dict:
        return {
            **asdict(self),
            "percent_translated": self.percent_translated,
            "glossary_compliance": self.glossary_compliance,
        }


def catalog_stats(
    catalog: Catalog, file: str, language: str, terms: GlossaryStage | None = None
) -> CatalogStats:
    """Counts for one catalog; with a glossary, the compliance of its translations."""
    entries = compliant = None
    if terms is not None:
        named = [
            message
            for message in catalog
            if message.has_translation
            and any(match.concept.target(language) for match in terms.matches(message.msgid))
        ]
        entries = len(named)
        compliant = sum(
            not terms.problems(message.msgid, message.msgstr, language) for message in named
        )
    return CatalogStats(
        file=file,
        language=language,
        total=len(catalog),
        translated=len(catalog.translated_entries()),
        fuzzy=len(catalog.fuzzy_entries()),
        untranslated=len(catalog.untranslated_entries()),
        obsolete=len(catalog.obsolete_entries()),
        glossary_entries=entries,
        glossary_compliant=compliant,
    )
