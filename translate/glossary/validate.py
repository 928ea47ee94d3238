"""Rules a glossary must satisfy, as small functions over concepts.

Readers report what is wrong with the syntax of a file; these rules report what is wrong
with its content, whatever format it came in. Every problem names the file and the line of
the offending field (`Concept.location`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from translate.errors import one_line
from translate.glossary.model import Concept, Location
from translate.glossary.recognize import written_forms
from translate.morphology.normalize import INVISIBLE

# An id is an XML NCName too, since TBX carries it as the entry's `id` attribute.
ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
# CSV cells list several terms separated by this character, so no term may contain it.
LIST_SEPARATOR = "|"
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u02bc\u2018\u00b4\u2032", "'"))
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a glossary, at a place in a file."""

    path: str
    line: int | None
    message: str

    @classmethod
    def at(cls, location: Location | None, message: str, path: str = "") -> Problem:
        if location is None:
            return cls(path, None, message)
        return cls(location.path, location.line, message)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return one_line(f"{where}: {self.message}")


def spelling(text: str) -> str:
    """A term as it would be matched: NFC, one kind of apostrophe and space, no invisibles.

    Two renderings with the same spelling cannot be told apart by any check, so one of them
    cannot be deprecated while the other is accepted.
    """
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).translate(_INVISIBLE)
    return " ".join(text.split())


def check_concepts(
    concepts: Sequence[Concept], target_languages: Sequence[str] = ()
) -> list[Problem]:
    """Every content problem, in file order; `target_languages` each concept must cover."""
    rules: tuple[Callable[[Sequence[Concept]], Iterable[Problem]], ...] = (
        _duplicate_ids,
        _english_terms_shared,
        _terms_well_formed,
        _renderings_consistent,
        _readings_known,
        _first_mention_consistent,
    )
    problems = [problem for rule in rules for problem in rule(concepts)]
    if target_languages:
        problems.extend(_missing_languages(concepts, target_languages))
    return sorted(problems, key=_order)


def _order(problem: Problem) -> tuple[str, int]:
    return (problem.path, problem.line or 0)


def _duplicate_ids(concepts: Sequence[Concept]) -> Iterator[Problem]:
    first: dict[str, Concept] = {}
    for concept in concepts:
        if concept.id in first:
            yield Problem.at(
                concept.location("id"),
                f"duplicate id '{concept.id}' (first defined at {first[concept.id].location()})",
            )
        else:
            first[concept.id] = concept


def _english_terms_shared(concepts: Sequence[Concept]) -> Iterator[Problem]:
    """An English term in two concepts (recognition could not choose), or twice in one."""
    owner: dict[str, tuple[Concept, str]] = {}
    for concept in concepts:
        earlier: list[str] = []
        for key, text in _source_fields(concept):
            written = spelling(text)
            if not written:
                continue
            covering = _covering(written, earlier, concept.source.case_sensitive)
            if covering is not None:
                yield Problem.at(
                    concept.location(key),
                    f"'{text}' is already matched by '{covering}' in '{concept.id}'",
                )
                continue
            earlier.append(written)
            folded = written.casefold()
            if folded in owner and owner[folded][0].id != concept.id:
                other, other_key = owner[folded]
                yield Problem.at(
                    concept.location(key),
                    f"English term '{text}' is also in '{other.id}' "
                    f"({other.location(other_key)}); a term names one concept",
                )
            else:
                owner.setdefault(folded, (concept, key))


def _covering(written: str, earlier: Sequence[str], case_sensitive: bool) -> str | None:
    """The earlier form of the same concept that already matches `written`, if any."""
    for form in earlier:
        if case_sensitive and written in written_forms(form):
            return form
        if not case_sensitive and written.casefold() == form.casefold():
            return form
    return None


def _source_fields(concept: Concept) -> Iterator[tuple[str, str]]:
    yield "en.term", concept.source.term
    for index, variant in enumerate(concept.source.variants):
        yield f"en.variants[{index}]", variant


def _target_fields(concept: Concept, language: str) -> Iterator[tuple[str, str, str]]:
    """(key, field name, text) of every rendering of one language."""
    target = concept.targets[language]
    yield f"{language}.preferred", "preferred", target.preferred
    for name in ("forms", "admitted", "deprecated"):
        for index, text in enumerate(getattr(target, name)):
            yield f"{language}.{name}[{index}]", name, text


def _first_mention_fields(concept: Concept, language: str) -> Iterator[tuple[str, str, str]]:
    """(key, field name, text) of the first-reference forms and required labels."""
    target = concept.targets[language]
    for name in ("first_reference", "label"):
        for index, text in enumerate(getattr(target, name)):
            yield f"{language}.{name}[{index}]", name, text


def _terms_well_formed(concepts: Sequence[Concept]) -> Iterator[Problem]:
    for concept in concepts:
        fields = [(key, text) for key, text in _source_fields(concept)]
        for language in concept.targets:
            fields.extend((key, text) for key, _, text in _target_fields(concept, language))
            fields.extend((key, text) for key, _, text in _first_mention_fields(concept, language))
        for key, text in fields:
            problem = _term_problem(text)
            if problem:
                yield Problem.at(concept.location(key), f"{key} {problem}")


def _term_problem(text: str) -> str:
    if not text.strip():
        return "is empty"
    if text != text.strip():
        return f"'{text}' has leading or trailing spaces"
    if LIST_SEPARATOR in text:
        return f"'{text}' contains '{LIST_SEPARATOR}', which separates terms in CSV"
    if any(unicodedata.category(char) == "Cc" for char in text):
        return f"'{text}' contains a control character or line break"
    return ""


def _renderings_consistent(concepts: Sequence[Concept]) -> Iterator[Problem]:
    """A rendering listed twice, or deprecated while also accepted."""
    for concept in concepts:
        for language in concept.targets:
            accepted: dict[str, str] = {}
            deprecated: dict[str, str] = {}
            for key, name, text in _target_fields(concept, language):
                if not text.strip():
                    continue
                written = spelling(text)
                if name == "deprecated":
                    if written in accepted:
                        yield Problem.at(
                            concept.location(key),
                            f"deprecated form '{text}' equals the {accepted[written]} form",
                        )
                    elif written in deprecated:
                        yield Problem.at(concept.location(key), f"'{text}' is deprecated twice")
                    deprecated[written] = name
                elif written in accepted:
                    yield Problem.at(
                        concept.location(key),
                        f"'{text}' is already listed as {accepted[written]} for {language}",
                    )
                else:
                    accepted[written] = "preferred" if name == "forms" else name


def _readings_known(concepts: Sequence[Concept]) -> Iterator[Problem]:
    for concept in concepts:
        for language, target in concept.targets.items():
            renderings = {target.preferred, *target.forms, *target.admitted}
            for form in target.readings:
                if form not in renderings:
                    yield Problem.at(
                        concept.location(f"{language}.pronunciation"),
                        f"pronunciation given for '{form}', which is not a {language} "
                        f"rendering of '{concept.id}'",
                    )


def _first_mention_consistent(concepts: Sequence[Concept]) -> Iterator[Problem]:
    """A first-reference form must be a rendering the glossary accepts (the check finds the
    concept by its renderings); neither list names a text twice."""
    for concept in concepts:
        for language, target in concept.targets.items():
            accepted = {spelling(text) for text in target.accepted()}
            seen: dict[tuple[str, str], None] = {}
            for key, name, text in _first_mention_fields(concept, language):
                written = spelling(text)
                if not written:
                    continue
                if (name, written) in seen:
                    listed = name.replace("_", "-")
                    yield Problem.at(concept.location(key), f"'{text}' is listed twice in {listed}")
                seen[(name, written)] = None
                if name == "first_reference" and written not in accepted:
                    yield Problem.at(
                        concept.location(key),
                        f"first-reference form '{text}' is not a preferred, listed or admitted "
                        f"{language} rendering of '{concept.id}'; add it to forms",
                    )


def _missing_languages(
    concepts: Sequence[Concept], target_languages: Sequence[str]
) -> Iterator[Problem]:
    for concept in concepts:
        missing = [language for language in target_languages if language not in concept.targets]
        if missing:
            yield Problem.at(
                concept.location(),
                f"'{concept.id}' has no rendering for {', '.join(missing)}",
            )
