"""Renderings of a check report: text for people, JSON, GitHub annotations, JUnit XML.

JSON shape (`--format json`), one document::

    {
      "version": 1,
      "findings": [
        {"file": "locales/tr/LC_MESSAGES/a.po", "line": 42, "msgctxt": null,
         "msgid": "…", "language": "tr", "rule": "glossary-missing", "severity": "error",
         "concept": "aleppo", "message": "…", "expected": "Halep", "found": null,
         "suppressed": false},
        …
      ],
      "summary": {"include": "reviewed", "catalogs": 3, "entries": 180, "checked": 180,
                  "translated": 180, "fuzzy": 0, "untranslated": 0, "obsolete": 0,
                  "errors": 1, "warnings": 0, "suppressed": 0,
                  "by_rule": {"glossary-missing": 1},
                  "files": [{"file": "…", "language": "tr", "entries": 60, …}]}
    }

`concept`, `expected` and `found` are null when a rule has none; `line` is the line of the
entry's `msgid`. Suppressed findings are listed with `"suppressed": true` and are not counted
in `errors`/`warnings`.
"""

from __future__ import annotations

import json
from xml.etree import ElementTree

from translate.check.findings import RULES, Finding, Report, Severity

EXCERPT_LENGTH = 72


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def _where(finding: Finding) -> str:
    return f"{finding.file}:{finding.line}" if finding.line is not None else finding.file


def _label(finding: Finding) -> str:
    return f"{finding.rule}={finding.concept}" if finding.concept else finding.rule


def render_text(report: Report) -> str:
    """One block per finding: place, severity, message, the source excerpt, the expectation."""
    lines: list[str] = []
    for finding in report.findings:
        severity = f"suppressed {finding.severity}" if finding.suppressed else finding.severity
        lines.append(f"{_where(finding)}: {severity}: {finding.message} [{_label(finding)}]")
        lines.append(f"    msgid: {excerpt(finding.msgid)}")
        if finding.expected:
            lines.append(f"    expected: {finding.expected}")
    return "\n".join(lines) + ("\n" if lines else "")


def summary_line(report: Report) -> str:
    """The run in one line, for stderr."""
    languages = ", ".join(sorted({stats.language for stats in report.catalogs}))

    def count(number: int, word: str) -> str:
        return f"{number} {word}{'' if number == 1 else 's'}"

    checked = report.total("checked")
    return (
        f"checked {checked} {'entry' if checked == 1 else 'entries'} "
        f"({report.include}) in {count(len(report.catalogs), 'catalog')} ({languages}): "
        f"{count(report.errors, 'error')}, {count(report.warnings, 'warning')}, "
        f"{report.suppressed} suppressed; "
        f"{report.total('fuzzy')} fuzzy, {report.total('untranslated')} untranslated"
    )


def render_json(report: Report) -> str:
    document = {
        "version": 1,
        "findings": [finding.to_json() for finding in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    """GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), escaped as
    the Actions toolkit escapes them. Suppressed findings are not annotated."""
    lines: list[str] = []
    for finding in report.findings:
        if finding.suppressed:
            continue
        command = "error" if finding.severity is Severity.error else "warning"
        properties = [f"file={_escape_property(finding.file)}"]
        if finding.line is not None:
            properties.append(f"line={finding.line}")
        properties.append(f"title={_escape_property(_label(finding))}")
        message = finding.message
        if finding.expected:
            message += f"\nexpected: {finding.expected}"
        message += f"\nmsgid: {excerpt(finding.msgid)}"
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_junit(report: Report) -> str:
    """JUnit XML: a test suite per catalog and in it a test case per rule, so every run lists
    the same tests. A rule with errors in the catalog fails, its message naming the first
    and its text listing them all; warnings and suppressed findings go to `system-out`."""
    root = ElementTree.Element("testsuites", name="translate check")
    total_tests = total_failures = 0
    for stats in report.catalogs:
        findings = [finding for finding in report.findings if finding.file == stats.file]
        suite = ElementTree.SubElement(root, "testsuite", name=stats.file, file=stats.file)
        failures = 0
        for rule in RULES:
            found = [finding for finding in findings if finding.rule == rule]
            case = ElementTree.SubElement(suite, "testcase", classname=stats.file, name=rule)
            errors = [f for f in found if f.severity is Severity.error and not f.suppressed]
            if errors:
                failures += 1
                more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
                failure = ElementTree.SubElement(
                    case,
                    "failure",
                    type=rule,
                    message=f"{_where(errors[0])}: {errors[0].message}{more}",
                )
                failure.text = "\n".join(_junit_line(finding) for finding in errors)
            others = [finding for finding in found if finding not in errors]
            if others:
                output = ElementTree.SubElement(case, "system-out")
                output.text = "\n".join(_junit_line(finding) for finding in others)
        suite.set("tests", str(len(RULES)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += len(RULES)
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _junit_line(finding: Finding) -> str:
    state = f"suppressed {finding.severity}" if finding.suppressed else str(finding.severity)
    expected = f" (expected: {finding.expected})" if finding.expected else ""
    return f"{_where(finding)}: {state}: {finding.message}{expected} [{_label(finding)}]"


RENDERERS = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "junit": render_junit,
}
