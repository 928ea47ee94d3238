"""Language facts from Babel's CLDR data: names and gettext plural forms."""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError
from babel.plural import PluralRule, to_gettext

from translate.errors import InputError

# CLDR operands other than n and i describe fractions and exponents; for the integers gettext
# counts with they are all zero.
_FRACTION_OPERANDS = ("v", "w", "f", "t", "e", "c")
_INTEGER_SAMPLE = range(0, 1001)


@cache
def locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise InputError(f"unknown language code {language!r}") from None


def language_name(language: str) -> str:
    """The English name of a language: `ar` → `Arabic`."""
    return locale(language).english_name or language


@cache
def plural_forms(language: str) -> str:
    """The gettext `Plural-Forms` value for a language, derived from CLDR.

    CLDR's categories also cover fractions (Russian has an `other` form only for 1.5), which
    gettext never sees; categories that no integer reaches are dropped, so Russian gets its
    three forms and Arabic its six.
    """
    rules = {
        tag: simplified
        for tag, rule in locale(language).plural_form.rules.items()
        if (simplified := _integer_rule(rule)) is not None
    }
    full = PluralRule(rules)
    reached = {full(number) for number in _INTEGER_SAMPLE}
    if "other" not in reached:
        # The last category integers reach becomes the fallback.
        order = [tag for tag in ("zero", "one", "two", "few", "many") if tag in reached]
        rules.pop(order[-1])
    reduced = PluralRule(rules)
    return to_gettext(reduced).rstrip(";") + ";"


def _integer_rule(rule: str) -> str | None:
    """A CLDR rule restricted to integers, or None when no integer satisfies it."""
    kept_chains: list[str] = []
    for chain in rule.split(" or "):
        relations: list[str] = []
        possible = True
        for relation in chain.split(" and "):
            operand = relation.split()[0]
            if operand in _FRACTION_OPERANDS:
                if not _holds_for_zero(relation):
                    possible = False
                    break
                continue
            relations.append("n" + relation[1:] if operand == "i" else relation)
        if possible:
            kept_chains.append(" and ".join(relations) if relations else "n within 0..999999999")
    return " or ".join(kept_chains) if kept_chains else None


def _holds_for_zero(relation: str) -> bool:
    """Evaluate a relation on a fraction operand whose value is 0 for integers."""
    probe = PluralRule({"one": "n" + relation[1:]})
    return probe(0) == "one"
