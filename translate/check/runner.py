"""Running the rules over catalogs: which files, which entries, in which language."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from translate.catalog import Catalog, Include, Message
from translate.check.findings import (
    RULES,
    CheckedCatalog,
    Finding,
    Issue,
    Report,
    Severity,
)
from translate.check.index import GlossaryIndex
from translate.check.reference import check_first_mentions
from translate.check.rules import RULE_FUNCTIONS, Context, check_numbers
from translate.check.suppress import parse_suppressions
from translate.errors import CatalogError, InputError


def find_catalogs(paths: Sequence[Path], display: Callable[[Path], str] = str) -> list[Path]:
    """PO files named or found under folders (recursively, sorted); templates never."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.po") if p.is_file()))
        elif path.suffix == ".pot":
            raise InputError(
                f"{display(path)}: a template has no translations to check; give PO files"
            )
        elif path.exists():
            found.append(path)
        else:
            raise InputError(f"{display(path)}: no such file or folder")
    unique = list(dict.fromkeys(found))
    if not unique:
        raise InputError(f"no PO files in {', '.join(display(path) for path in paths)}")
    return unique


def catalog_language(catalog: Catalog, path: Path, display: str) -> str:
    """The language code from the `Language` header, else from `<lang>/LC_MESSAGES/`."""
    header = catalog.language
    if header:
        return _base_language(header)
    parts = path.resolve().parts
    if "LC_MESSAGES" in parts:
        index = parts.index("LC_MESSAGES")
        if index > 0:
            return _base_language(parts[index - 1])
    raise CatalogError(display, None, "cannot tell the catalog's language: add a Language header")


def _base_language(code: str) -> str:
    return code.strip().replace("-", "_").split("_")[0].split("@")[0].split(".")[0].lower()


def check_catalog(
    catalog: Catalog,
    language: str,
    *,
    file: str,
    glossary: GlossaryIndex | None = None,
    include: Include = Include.reviewed,
    source_language: str = "en",
    allow_identical: Sequence[str] = (),
) -> tuple[list[Finding], CheckedCatalog]:
    """Findings for one catalog, in file order, and its counts."""
    context = Context(language, glossary, source_language, tuple(allow_identical))
    stats = CheckedCatalog(file=file, language=language)
    selected: list[Message] = []
    for message in catalog.messages:
        if message.obsolete:
            stats.obsolete += 1
            continue
        stats.entries += 1
        if not message.has_translation:
            stats.untranslated += 1
        elif message.fuzzy:
            stats.fuzzy += 1
        else:
            stats.translated += 1
        if include.admits(message):
            selected.append(message)
    stats.checked = len(selected)
    # First mentions are judged in the article a reader gets: the reviewed entries, or with
    # the drafts as well when those are checked.
    article = [
        message
        for message in catalog.messages
        if not message.obsolete
        and message.has_translation
        and (include is not Include.reviewed or not message.fuzzy)
    ]
    first = {
        id(article[position]): issues
        for position, issues in check_first_mentions(article, context).items()
    }
    findings = [
        finding
        for message in selected
        for finding in _check_message(message, context, file, first.get(id(message), ()))
    ]
    for finding in findings:
        if finding.suppressed:
            stats.suppressed += 1
        elif finding.severity is Severity.error:
            stats.errors += 1
        else:
            stats.warnings += 1
    return findings, stats


def _check_message(
    message: Message, context: Context, file: str, article_issues: Sequence[Issue] = ()
) -> list[Finding]:
    issues: list[Issue] = []
    if message.msgid_plural is None:
        for rule in RULE_FUNCTIONS:
            issues.extend(rule(message.msgid, message.msgstr, context))
    else:
        for index, translation in enumerate(message.translations()):
            source = message.msgid if index == 0 else message.msgid_plural
            for rule in RULE_FUNCTIONS:
                if rule is not check_numbers:  # plural forms stand for other numbers
                    issues.extend(rule(source, translation, context))
    issues.extend(article_issues)
    if not issues and not message.translator_comments:
        return []
    suppressions = parse_suppressions(message.translator_comments)
    if suppressions.unknown:
        issues.append(
            Issue(
                "suppression",
                f"`check: ignore` names unknown rules: {', '.join(suppressions.unknown)}; "
                f"known: glossary, {', '.join(RULES)}",
            )
        )
    findings = []
    for issue in dict.fromkeys(issues):  # plural forms may repeat an issue
        findings.append(
            Finding(
                file=file,
                line=message.line,
                msgid=message.msgid,
                rule=issue.rule,
                severity=issue.effective_severity,
                message=issue.message,
                concept=issue.concept,
                expected=issue.expected,
                found=issue.found,
                msgctxt=message.msgctxt,
                language=context.language,
                suppressed=bool(suppressions) and suppressions.covers(issue),
            )
        )
    return findings


def check_files(
    paths: Iterable[Path],
    *,
    glossary: GlossaryIndex | None,
    include: Include = Include.reviewed,
    display: Callable[[Path], str] = str,
    source_language: str = "en",
    allow_identical: Sequence[str] = (),
) -> Report:
    """Check every catalog; all are read first, so a broken file stops the run before any
    report (`CatalogError` names its file and line)."""
    from translate.files import load_catalog

    loaded = []
    for path in paths:
        shown = display(path)
        catalog = load_catalog(path, shown)
        loaded.append((shown, catalog, catalog_language(catalog, path, shown)))
    report = Report(include=str(include))
    # The catalogs live until the end and the check makes short-lived objects without
    # cycles: the cyclic collector would only traverse everything again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for shown, catalog, language in loaded:
            findings, stats = check_catalog(
                catalog,
                language,
                file=shown,
                glossary=glossary,
                include=include,
                source_language=source_language,
                allow_identical=allow_identical,
            )
            report.findings.extend(findings)
            report.catalogs.append(stats)
    finally:
        if collecting:
            gc.enable()
    return report
