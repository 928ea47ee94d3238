"""What a check reports: findings, per-catalog counts, and the report of a run."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    description: str


# Every rule, with its default severity. `identical` is an error where the target language
# uses another script than the source (a copied source is then certainly untranslated).
RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule(
            "glossary-missing",
            Severity.error,
            "a glossary term of the source has no preferred or admitted rendering in the target",
        ),
        Rule("glossary-deprecated", Severity.error, "a deprecated rendering of a glossary term"),
        Rule(
            "glossary-admitted",
            Severity.warning,
            "an admitted rendering where the glossary prefers another",
        ),
        Rule(
            "glossary-spelling",
            Severity.warning,
            "a glossary term matched only because matching ignores the Arabic hamza seat "
            "(ادلب for إدلب); the glossary spells it otherwise",
        ),
        Rule(
            "glossary-suffix",
            Severity.error,
            "a Turkish suffix on a glossary name that breaks vowel harmony or assimilation",
        ),
        Rule(
            "glossary-apostrophe",
            Severity.error,
            "a Turkish inflection on a glossary name without its apostrophe, or with one on an "
            "institution name that joins its suffixes",
        ),
        Rule(
            "glossary-first-reference",
            Severity.error,
            "the first mention of a concept in an article is not in a form the glossary "
            "prescribes for it (a full name, name and title)",
        ),
        Rule(
            "glossary-label",
            Severity.error,
            "the first mention of a concept in an article lacks the label the glossary "
            "requires with it (the Russian legal label of banned organizations)",
        ),
        Rule(
            "glossary-agreement",
            Severity.error,
            "the words of a Russian glossary name in different cases (Сергея Лавров)",
        ),
        Rule("numbers", Severity.error, "a number of the source is missing from the target"),
        Rule(
            "identical",
            Severity.error,
            "the translation is the source text (a warning for Latin-script targets)",
        ),
        Rule("quotes", Severity.error, "quotation marks balanced differently than in the source"),
        Rule("brackets", Severity.error, "brackets balanced differently than in the source"),
        Rule(
            "suppression",
            Severity.warning,
            "a `# check: ignore` comment naming an unknown rule",
        ),
    )
}
GLOSSARY_RULES = frozenset(rule for rule in RULES if rule.startswith("glossary-"))


@dataclass(frozen=True)
class Issue:
    """What a rule found in one translation, before it is placed in a file."""

    rule: str
    message: str
    severity: Severity | None = None  # the rule's default when None
    concept: str | None = None
    expected: str | None = None
    found: str | None = None

    @property
    def effective_severity(self) -> Severity:
        return self.severity or RULES[self.rule].severity


@dataclass(frozen=True)
class Finding:
    """An issue at an entry of a catalog file."""

    file: str
    line: int | None
    msgid: str
    rule: str
    severity: Severity
    message: str
    concept: str | None = None
    expected: str | None = None
    found: str | None = None
    msgctxt: str | None = None
    language: str | None = None
    suppressed: bool = False

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data


@dataclass
class CheckedCatalog:
    """What a check found in one catalog file: its entries by state (as `stats.CatalogStats`
    counts them), how many were checked, and the findings by severity."""

    file: str
    language: str
    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    checked: int = 0
    errors: int = 0
    warnings: int = 0
    suppressed: int = 0


@dataclass
class Report:
    include: str
    findings: list[Finding] = field(default_factory=list)
    catalogs: list[CheckedCatalog] = field(default_factory=list)

    def counted(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity and not f.suppressed)

    @property
    def errors(self) -> int:
        return self.counted(Severity.error)

    @property
    def warnings(self) -> int:
        return self.counted(Severity.warning)

    @property
    def suppressed(self) -> int:
        return sum(1 for finding in self.findings if finding.suppressed)

    @property
    def exit_code(self) -> int:
        """1 when an error is found (warnings and suppressed findings do not count)."""
        return 1 if self.errors else 0

    def total(self, name: str) -> int:
        return sum(getattr(stats, name) for stats in self.catalogs)

    def summary(self) -> dict[str, object]:
        rules = Counter(f.rule for f in self.findings if not f.suppressed)
        return {
            "include": self.include,
            "catalogs": len(self.catalogs),
            "entries": self.total("entries"),
            "checked": self.total("checked"),
            "translated": self.total("translated"),
            "fuzzy": self.total("fuzzy"),
            "untranslated": self.total("untranslated"),
            "obsolete": self.total("obsolete"),
            "errors": self.errors,
            "warnings": self.warnings,
            "suppressed": self.suppressed,
            "by_rule": dict(sorted(rules.items())),
            "files": [asdict(stats) for stats in self.catalogs],
        }
