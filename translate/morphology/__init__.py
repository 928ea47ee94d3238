"""Morphology for glossary terms in translations: normalisation, matching, generation.

`matcher_for(language)` gives a language's rules; `TermFinder` finds the terms of a glossary
(or of one concept) in translated text, accepting every correct inflected form and reporting
what is attached wrongly. The language modules also generate forms for the glossary
enforcement stage: `turkish.attach_suffix`, `arabic.attach_proclitics`,
`arabic.split_proclitics`, `russian.inflect`, `russian.case_governed_by`.
"""

from __future__ import annotations

from functools import cache

from translate.morphology.matching import (
    ExactRules,
    LanguageRules,
    Occurrence,
    Problem,
    TermFinder,
    find_occurrences,
)
from translate.morphology.normalize import Folded, fold, fold_term

__all__ = [
    "Folded",
    "LanguageRules",
    "Occurrence",
    "Problem",
    "TermFinder",
    "find_occurrences",
    "fold",
    "fold_term",
    "matcher_for",
]


@cache
def matcher_for(language: str) -> LanguageRules:
    """The matching rules for `language` (`ar`, `tr`, `ru`; exact matching for others).

    A regional code (`tr_TR`, `ru-RU`) uses its language's rules.
    """
    base = language.replace("-", "_").split("_")[0].split("@")[0].lower()
    if base == "ar":
        from translate.morphology import arabic

        return arabic.RULES
    if base == "tr":
        from translate.morphology import turkish

        return turkish.RULES
    if base == "ru":
        from translate.morphology import russian

        return russian.RULES
    return ExactRules(base)
