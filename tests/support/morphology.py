"""Term occurrences as the morphology tests compare them."""

from __future__ import annotations

from translate.glossary.model import TargetTerms
from translate.morphology import find_occurrences


def occurrences(text: str, targets: TargetTerms) -> list[tuple[str, str | None]]:
    """(text found, the form expected instead, if it is wrong) for each occurrence."""
    return [
        (o.text, o.problem.expected if o.problem else None) for o in find_occurrences(text, targets)
    ]
