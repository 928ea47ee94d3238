"""The glossary as a pipeline stage: names in sources, comments for reviewers, verification.

Verification applies the same rules as `translate check`, so an MT entry left clean here
passes the check, and the compliance figures of `stats` and `evaluate` mean the same thing.
"""

from __future__ import annotations

from dataclasses import replace

from translate.catalog import Catalog, Message
from translate.glossary.model import Glossary


class GlossaryStage:
    """The glossary in the pipeline: names in each source, the reviewers' comments, and the
    verification of machine translations with the same rules as `translate check`."""

    def __init__(self, glossary: Glossary) -> None:
        from translate.check.rules import GlossaryIndex
        from translate.glossary.recognize import Recognizer

        self.glossary = glossary
        self._recognizer = Recognizer(glossary)
        self._index = GlossaryIndex(glossary)
        self._matches: dict[str, list] = {}
        self._contexts: dict[str, object] = {}

    def matches(self, msgid: str) -> list:
        found = self._matches.get(msgid)
        if found is None:
            found = self._matches[msgid] = self._recognizer.find(msgid)
        return found

    def annotate(self, template: Catalog, language: str | None) -> Catalog:
        """A copy of `template` whose entries carry `Glossary: …` comments for `language`."""
        from translate.glossary.recognize import describe_terms

        def annotated(message: Message) -> Message:
            lines = describe_terms(self.matches(message.msgid), language)
            return replace(message, extracted_comments=lines)

        return replace(template, messages=[annotated(m) for m in template.messages])

    def problems(self, msgid: str, translation: str, language: str) -> list[str]:
        """The glossary errors `translate check` would report on this translation."""
        from translate.check.findings import RULES, Severity
        from translate.check.rules import Context, check_glossary

        context = self._contexts.get(language)
        if context is None:
            context = self._contexts[language] = Context(language, glossary=self._index)
        return [
            issue.message
            for issue in check_glossary(msgid, translation, context)
            if (issue.severity or RULES[issue.rule].severity) is Severity.error
        ]
