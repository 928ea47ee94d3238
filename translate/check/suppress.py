"""Accepted findings, silenced by a translator comment on the entry.

    # check: ignore glossary=aleppo
    # check: ignore numbers, quotes
    # check: ignore glossary-admitted=jabha-shamiya

`glossary=<concept>` covers every glossary rule for that concept; `<rule>` covers the rule for
anything; `<rule>=<concept>` one rule for one concept. The finding is still reported, marked
suppressed, and does not count as an error or warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translate.check.findings import GLOSSARY_RULES, RULES, Issue

_DIRECTIVE = re.compile(r"^\s*check:\s*ignore\b(.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Suppressions:
    """What an entry's comments silence: (rule or `glossary`, concept or None) pairs."""

    items: frozenset[tuple[str, str | None]] = frozenset()
    unknown: tuple[str, ...] = ()

    def covers(self, issue: Issue) -> bool:
        for rule, concept in self.items:
            if concept is not None and concept != issue.concept:
                continue
            if rule == issue.rule or (rule == "glossary" and issue.rule in GLOSSARY_RULES):
                return True
        return False

    def __bool__(self) -> bool:
        return bool(self.items or self.unknown)


def parse_suppressions(comments: list[str]) -> Suppressions:
    """The `check: ignore` directives among an entry's translator comments."""
    items: set[tuple[str, str | None]] = set()
    unknown: list[str] = []
    for comment in comments:
        match = _DIRECTIVE.match(comment)
        if match is None:
            continue
        for token in re.split(r"[,\s]+", match.group(1).strip()):
            if not token:
                continue
            rule, _, concept = token.partition("=")
            rule = rule.lower()
            if rule != "glossary" and rule not in RULES:
                unknown.append(token)
                continue
            items.add((rule, concept or None))
    return Suppressions(frozenset(items), tuple(unknown))
