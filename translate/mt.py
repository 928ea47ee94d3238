"""The machine-translation stage: protect glossary names, translate, restore, verify.

`translate_segments` is a plain function over strings: `run` fills catalogs with its results
and `evaluate` scores them, so both measure the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from translate.enforce import Protected, protect, restore

if TYPE_CHECKING:
    from translate.engine import MachineTranslation
    from translate.terms import GlossaryStage


class Translator(Protocol):
    """What the stage needs of an engine (`translate.engine.Engine` is one)."""

    @property
    def provenance(self) -> str: ...

    def translate(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> Sequence[MachineTranslation]: ...


@dataclass(frozen=True)
class Result:
    """One machine-translated segment and what a reviewer should know about it."""

    source: str
    text: str
    flags: tuple[str, ...]  # engine quality guards, as reasons for people
    problems: tuple[str, ...]  # glossary terms missing or wrong after enforcement
    names: int  # glossary names in the source with a rendering in the language
    restored: bool  # enforced: every placeholder came back and got its approved form

    @property
    def glossary_clean(self) -> bool:
        return not self.problems


def translate_segments(
    texts: Sequence[str],
    language: str,
    translator: Translator,
    glossary: GlossaryStage | None = None,
    progress: Callable[[int], None] | None = None,
    *,
    enforce: bool = True,
    first: Sequence[Collection[str]] | None = None,
) -> list[Result]:
    """Translate `texts` into `language` in batched calls, enforcing the glossary.

    Segments whose names come back through their placeholders get the approved forms; where
    the model lost a placeholder, the segment is translated again as it is and only verified.
    With `enforce=False` the glossary only verifies (to measure the model on its own).
    `first[i]` names the concepts whose first mention in its article is `texts[i]`: there
    enforcement inserts the first-reference form, and verification also reports what the
    first mention still lacks (that form, a required label).
    """
    firsts: Sequence[Collection[str]] = first if first is not None else [()] * len(texts)
    protected = [
        protect(text, glossary.matches(text), language, concepts)
        if glossary
        else Protected(text=text, slots=())
        for text, concepts in zip(texts, firsts, strict=True)
    ]
    sent = [item.text if enforce else text for item, text in zip(protected, texts, strict=True)]
    outputs = list(translator.translate(sent, progress))
    texts_out: list[str] = []
    restored_flags: list[bool] = []
    retry: list[int] = []
    for index, (item, output) in enumerate(zip(protected, outputs, strict=True)):
        if not item.slots or not enforce:
            texts_out.append(output.text)
            restored_flags.append(not item.slots)
            continue
        restored = restore(output.text, item, language)
        texts_out.append(restored.text)
        restored_flags.append(restored.complete)
        if not restored.complete:
            retry.append(index)
    if retry:
        again = translator.translate([texts[index] for index in retry])
        for index, output in zip(retry, again, strict=True):
            outputs[index] = output
            texts_out[index] = output.text
    return [
        Result(
            source=text,
            text=translated,
            flags=_flags(text, translated, output, language),
            problems=tuple(glossary.problems(text, translated, language, concepts))
            if glossary
            else (),
            names=len(item.slots),
            restored=complete,
        )
        for text, item, output, translated, complete, concepts in zip(
            texts, protected, outputs, texts_out, restored_flags, firsts, strict=True
        )
    ]


def _flags(source: str, translated: str, output: MachineTranslation, language: str) -> tuple:
    """The engine's quality flags, judged again on the text with names restored: the engine
    saw placeholders (digits), which can look untranslated or in the wrong script."""
    if translated == output.text:
        return tuple(flag.reason for flag in output.flags)
    from translate.engine import LENGTH_LIMIT, quality_flags

    kept = [flag for flag in output.flags if flag.code == LENGTH_LIMIT]
    return tuple(flag.reason for flag in (*quality_flags(source, translated, language), *kept))
