"""The glossary as a pipeline stage: names in sources, comments for reviewers, verification.

Verification applies the same rules as `translate check`, so an MT entry left clean here
passes the check, and the compliance figures of `stats` and `evaluate` mean the same thing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from translate.catalog import Catalog, Message
from translate.glossary.model import Glossary

if TYPE_CHECKING:
    from translate.glossary.recognize import TermMatch


class GlossaryStage:
    """The glossary in the pipeline: names in each source, the reviewers' comments, and the
    verification of machine translations with the same rules as `translate check`."""

    def __init__(self, glossary: Glossary) -> None:
        from translate.check.index import GlossaryIndex

        self._index = GlossaryIndex(glossary)

    def matches(self, msgid: str) -> tuple[TermMatch, ...]:
        """The glossary names in a source text (recognised once per text)."""
        return self._index.matches(msgid)

    def annotate(self, template: Catalog, language: str | None) -> Catalog:
        """A copy of `template` whose entries carry `Glossary: …` comments for `language`."""
        from translate.glossary.recognize import describe_terms

        def annotated(message: Message) -> Message:
            lines = describe_terms(self.matches(message.msgid), language)
            return replace(message, extracted_comments=lines)

        return replace(template, messages=[annotated(m) for m in template.messages])

    def problems(
        self, msgid: str, translation: str, language: str, first: Collection[str] = ()
    ) -> list[str]:
        """The glossary errors `translate check` would report on this translation; where it
        is the first mention of the concepts in `first`, what that mention lacks as well."""
        from translate.check.findings import Severity
        from translate.check.reference import first_mentions
        from translate.check.rules import Context, check_glossary

        issues = check_glossary(msgid, translation, Context(language, self._index))
        rules = first_mentions(self._index, language)
        for concept_id in sorted(first):
            issues.extend(rules.issues(concept_id, translation))
        return [issue.message for issue in issues if issue.effective_severity is Severity.error]

    def first_mentions(
        self, entries: Sequence[tuple[Message, str]], language: str
    ) -> list[frozenset[str]]:
        """For each entry of a catalog (message, translation or "" when it has none), the
        concepts with first-mention rules in `language` whose first mention in its article
        it is, in the catalog's source order (`check.reference.article_order`). A translated
        entry mentions what its translation renders; one without translation, what its source
        names, as the machine translation will."""
        from translate.check.reference import article_order, first_mentions

        rules = first_mentions(self._index, language)
        firsts: list[frozenset[str]] = [frozenset()] * len(entries)
        if not rules:
            return firsts
        for article in article_order([message for message, _ in entries]):
            seen: set[str] = set()
            for position in article:
                message, translation = entries[position]
                if translation:
                    mentioned = set(rules.mentions(message.msgid, translation))
                else:
                    named = {match.concept.id for match in self.matches(message.msgid)}
                    mentioned = named & rules.targets.keys()
                new = mentioned - seen
                if new:
                    firsts[position] = frozenset(new)
                    seen |= new
        return firsts
