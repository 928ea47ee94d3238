"""The glossary as a pipeline stage: names in sources, comments for reviewers, verification.

Verification applies the same rules as `translate check`, so an MT entry left clean here
passes the check, and the compliance figures of `stats` and `evaluate` mean the same thing.
"""

from __future__ import annotations

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

    def problems(self, msgid: str, translation: str, language: str) -> list[str]:
        """The glossary errors `translate check` would report on this translation."""
        from translate.check.findings import Severity
        from translate.check.rules import Context, check_glossary

        return [
            issue.message
            for issue in check_glossary(msgid, translation, Context(language, self._index))
            if issue.effective_severity is Severity.error
        ]
