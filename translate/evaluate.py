"""Scoring machine translation against reviewed translations with sacrebleu.

Corpus and per-segment chrF++ and BLEU, each with sacrebleu's reproducibility signature, and
the glossary compliance of the MT output (the same rules as `translate check`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from translate.catalog import Catalog
from translate.mt import Result


@dataclass(frozen=True)
class Reference:
    source: str
    translation: str


@dataclass(frozen=True)
class SegmentScore:
    source: str
    reference: str
    hypothesis: str
    chrf: float
    bleu: float
    glossary_problems: tuple[str, ...]


@dataclass(frozen=True)
class Evaluation:
    language: str
    engine: str
    segments: tuple[SegmentScore, ...]
    chrf: float
    bleu: float
    chrf_signature: str
    bleu_signature: str
    with_names: int  # segments naming glossary concepts rendered in the language
    compliant: int  # of those, MT outputs without glossary errors

    @property
    def glossary_compliance(self) -> float | None:
        return round(100.0 * self.compliant / self.with_names, 1) if self.with_names else None

    def as_dict(self) -> dict:
        return {
            "language": self.language,
            "engine": self.engine,
            "segments": len(self.segments),
            "chrf++": round(self.chrf, 2),
            "bleu": round(self.bleu, 2),
            "signatures": {"chrf++": self.chrf_signature, "bleu": self.bleu_signature},
            "glossary": {
                "segments_with_names": self.with_names,
                "compliant": self.compliant,
                "compliance": self.glossary_compliance,
            },
            "per_segment": [
                {
                    "source": score.source,
                    "reference": score.reference,
                    "hypothesis": score.hypothesis,
                    "chrf++": round(score.chrf, 2),
                    "bleu": round(score.bleu, 2),
                    "glossary_problems": list(score.glossary_problems),
                }
                for score in self.segments
            ],
        }


def reviewed_references(catalog: Catalog, sources: Sequence[str]) -> list[Reference]:
    """Reviewed translations of `sources` from a catalog, in source order, each once."""
    reviewed = {message.msgid: message.msgstr for message in catalog.translated_entries()}
    seen: set[str] = set()
    references: list[Reference] = []
    for source in sources:
        if source in reviewed and source not in seen:
            seen.add(source)
            references.append(Reference(source, reviewed[source]))
    return references


def score(
    language: str, engine: str, references: Sequence[Reference], results: Sequence[Result]
) -> Evaluation:
    """chrF++ and BLEU of `results` against `references` (paired in order)."""
    from sacrebleu.metrics import BLEU, CHRF

    hypotheses = [result.text for result in results]
    truths = [reference.translation for reference in references]
    chrf, bleu = CHRF(word_order=2), BLEU()
    sentence_bleu = BLEU(effective_order=True)
    corpus_chrf = chrf.corpus_score(hypotheses, [truths])
    corpus_bleu = bleu.corpus_score(hypotheses, [truths])
    segments = tuple(
        SegmentScore(
            source=reference.source,
            reference=reference.translation,
            hypothesis=result.text,
            chrf=chrf.sentence_score(result.text, [reference.translation]).score,
            bleu=sentence_bleu.sentence_score(result.text, [reference.translation]).score,
            glossary_problems=result.problems,
        )
        for reference, result in zip(references, results, strict=True)
    )
    named = [result for result in results if result.names]
    return Evaluation(
        language=language,
        engine=engine,
        segments=segments,
        chrf=corpus_chrf.score,
        bleu=corpus_bleu.score,
        chrf_signature=str(chrf.get_signature()),
        bleu_signature=str(bleu.get_signature()),
        with_names=len(named),
        compliant=sum(result.glossary_clean for result in named),
    )
