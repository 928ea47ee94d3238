"""Glossary enforcement around machine translation.

Before MT, every recognised name in a segment is replaced by a placeholder the model carries
through unchanged: a number that does not occur in the segment (NMT systems copy numbers
faithfully, far more reliably than rare names or markup). After MT, each placeholder is replaced
by the approved rendering, carrying over what the model attached to it:

* Turkish: the case suffix the model wrote after the number (`701'de`) is re-realised for the
  name with vowel harmony and consonant assimilation (`Halep'te`);
* Arabic: proclitics joined to the number (`وب701`) are joined to the name (`وبحلب`), with
  `ل` + `ال` contracted to `لل`;
* Russian: the case a preceding preposition governs (`в 701`) inflects the name (`в Алеппо`
  stays, `из 701` → `из Дамаска`).

The rendering put back is the preferred one, except at the first mention of a concept in an
article (`first`, decided by the caller in the catalog's source order), which takes the
concept's first-reference form (the Observatory's full name, a person's full name).

A placeholder the model dropped or mangled means the protected output cannot be trusted: the
segment is translated again without placeholders and only verified.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from translate.glossary.model import Concept, TargetTerms
from translate.glossary.recognize import TermMatch

# Placeholders are three-digit numbers from this range that the segment does not contain.
_PLACEHOLDER_RANGE = range(701, 1000)
_TURKISH_SUFFIX = re.compile(r"^['’]?([a-zçğıöşüâîû]+)", re.IGNORECASE)
# Proclitics written onto the placeholder (`وب701`, `لل701`), or a conjunction و the model
# left standing before it (`و 701`), which Arabic spelling joins to the next word.
_ARABIC_PROCLITICS = re.compile(r"(?:^|(?<=[\s«\"(]))(?:([وفبلك]{1,3}(?:ال)?|ال)|(و)\s)$")
_RUSSIAN_WORD_BEFORE = re.compile(r"(\w+)\s+$")


@dataclass(frozen=True)
class Slot:
    """A protected name: the placeholder standing in for it and the concept it names."""

    placeholder: str
    concept: Concept
    target: TargetTerms
    first: bool = False  # the concept's first mention in its article

    @property
    def rendering(self) -> str:
        """What replaces the placeholder: the first-reference form at a first mention."""
        if self.first and self.target.first_reference:
            return self.target.first_reference[0]
        return self.target.preferred


@dataclass(frozen=True)
class Protected:
    text: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Restored:
    """MT output with names put back; `complete` is False when a placeholder was lost."""

    text: str
    complete: bool


def protect(
    segment: str,
    matches: Sequence[TermMatch],
    language: str,
    first: Collection[str] = (),
) -> Protected:
    """Replace each recognised name that has a rendering in `language` by a placeholder.

    `first` names the concepts whose first mention in the article is this segment: the
    first of their placeholders here will get the first-reference form."""
    # `\d` and `int` read the digits of every script (`٧٠١` is 701).
    numbers = {int(found) for found in re.findall(r"\d+", segment)}
    free = (number for number in _PLACEHOLDER_RANGE if number not in numbers)
    pieces: list[str] = []
    slots: list[Slot] = []
    position = 0
    for match in sorted(matches, key=lambda found: found.start):
        target = match.concept.target(language)
        if target is None or match.start < position:
            continue
        placeholder = str(next(free))
        # The dot of `U.N.` that also ends the sentence stays as the sentence's full stop.
        period = "." if match.sentence_period else ""
        pieces.extend((segment[position : match.start], placeholder + period))
        is_first = match.concept.id in first and all(
            slot.concept.id != match.concept.id for slot in slots
        )
        slots.append(Slot(placeholder, match.concept, target, first=is_first))
        position = match.end
    pieces.append(segment[position:])
    return Protected(text="".join(pieces), slots=tuple(slots))


def restore(output: str, protected: Protected, language: str) -> Restored:
    """Put the approved renderings back in place of the placeholders, inflected as attached."""
    text = output
    for slot in protected.slots:
        occurrences = list(_placeholder_pattern(slot.placeholder).finditer(text))
        if len(occurrences) != 1:
            return Restored(text=output, complete=False)
        text = _substitute(text, occurrences[0], slot, language)
    return Restored(text=text, complete=True)


def _placeholder_pattern(placeholder: str) -> re.Pattern[str]:
    """The placeholder in Western, Arabic-Indic or Persian digits, as a whole number."""
    digits = "".join(f"[{d}{chr(0x0660 + int(d))}{chr(0x06F0 + int(d))}]" for d in placeholder)
    return re.compile(rf"(?<!\d){digits}(?!\d)")


def _substitute(text: str, found: re.Match[str], slot: Slot, language: str) -> str:
    before, after = text[: found.start()], text[found.end() :]
    name, target = slot.rendering, slot.target
    if language == "tr":
        from translate.morphology.turkish import attach_suffix

        suffix = _TURKISH_SUFFIX.match(after)
        if suffix:
            inflected = attach_suffix(
                name, suffix.group(0), target.reading(name), apostrophe=target.apostrophe
            )
            return before + inflected + after[suffix.end() :]
        return before + name + after
    if language == "ar":
        from translate.morphology.arabic import attach_proclitics

        clitics = _ARABIC_PROCLITICS.search(before)
        if clitics:
            attached = clitics.group(1) or clitics.group(2)
            return before[: clitics.start()] + attach_proclitics(attached, name) + after
        return before + name + after
    if language == "ru" and not target.indeclinable:
        from translate.morphology.russian import case_governed_by, inflect

        word = _RUSSIAN_WORD_BEFORE.search(before)
        case = case_governed_by(word.group(1).lower()) if word else None
        if case is not None:
            return before + inflect(name, case) + after
    return before + name + after
