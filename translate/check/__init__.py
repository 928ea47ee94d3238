"""`translate check`: glossary consistency and news-catalog checks for CI.

Library first: `check_files` / `check_catalog` return findings; `translate.check.report`
renders them as text, JSON, GitHub workflow annotations or JUnit XML.
"""

from translate.check.findings import RULES, CatalogStats, Finding, Report, Severity
from translate.check.rules import GlossaryIndex
from translate.check.runner import (
    Include,
    catalog_language,
    check_catalog,
    check_files,
    find_catalogs,
)

__all__ = [
    "RULES",
    "CatalogStats",
    "Finding",
    "GlossaryIndex",
    "Include",
    "Report",
    "Severity",
    "catalog_language",
    "check_catalog",
    "check_files",
    "find_catalogs",
]
