"""`translate check`: glossary consistency and news-catalog checks for CI.

Library first: `runner.check_files` / `runner.check_catalog` return findings (`findings`),
applying the rules in `rules`; `report` renders them as text, JSON, GitHub workflow
annotations or JUnit XML. The package itself imports nothing, so the command line starts
without loading the rules and their language data.
"""
