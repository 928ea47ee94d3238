"""Machine translation of segments with an installed Argos Translate package, in batches.

The engine does what `argostranslate.translate.apply_packaged_translation` does for one
sentence (the package's tokenizer, its `target_prefix`, beam search with Argos' length
penalty, the same decoding and stripping), so a segment translated alone gives exactly what
`argostranslate.translate.translate()` gives. Around that it adds what a run over a whole
article needs:

* no sentence splitting: our segmentation already feeds it one sentence at a time, and
  `argostranslate.translate`/`argostranslate.sbd` are never imported, because they fetch
  sentence-splitting models on first use and would break an offline run;
* one `ctranslate2.Translator` per engine, kept for the run (create the engine once per
  language pair and reuse it);
* identical segments translated once, the rest sorted by length and cut into batches, as
  CTranslate2's own `max_batch_size` rebatching does, but done here so that each batch gets
  a decoding bound relative to its source length and the caller gets progress;
* CPU settings measured on a small machine (benchmarks/engine.py): int8, and one
  single-threaded worker per physical core (`inter_threads`), each translating whole batches,
  longest first so the workers finish together. Splitting every matrix product over the
  cores (`intra_threads`, whose Argos default of 0 means 4 threads) spends more on
  synchronisation than it gains at these sizes;
* quality guards that flag a suspicious output for review and never change it.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from translate.errors import InputError, ModelError, ModelNotInstalled

if TYPE_CHECKING:
    from ctranslate2 import AsyncTranslationResult

    from translate.packages import PackageInfo

__all__ = [
    "Engine",
    "EngineSettings",
    "InstalledModels",
    "MachineTranslation",
    "ModelNotInstalled",
    "QualityFlag",
    "load_engine",
    "provenance",
    "quality_flags",
]

# Argos' beam search settings (apply_packaged_translation): beam 4, length penalty 0.2.
ARGOS_BEAM_SIZE = 4
ARGOS_LENGTH_PENALTY = 0.2
# The published Argos models are int8.
DEFAULT_COMPUTE_TYPE = "int8"
# Measured on the seed with a model of the published size on 2 cores (benchmarks/engine.py):
# 16 segments per batch was fastest; larger batches pad more, smaller ones use the cores less.
DEFAULT_MAX_BATCH_SIZE = 16
# Decoding stops at ratio * source tokens + extra: a translation into ar/tr/ru takes 0.8-1.5
# times the source's SentencePiece tokens, so twice the source plus a margin for short
# segments never cuts a real translation, while a model stuck in a loop stops there.
DEFAULT_MAX_DECODING_RATIO = 2.0
DEFAULT_MAX_DECODING_EXTRA = 10
# CTranslate2's own default limit, kept as a ceiling for very long segments.
DEFAULT_MAX_DECODING_LENGTH = 256
# The flag for an output the decoding bound cut off; only the engine can know it.
LENGTH_LIMIT = "length-limit"

# Quality guards: thresholds -----------------------------------------------------------------
# Character length of the output over the source's. Between English and ar/tr/ru news copy
# the ratio stays within about 0.7-1.5; far outside it content was dropped or invented.
LENGTH_RATIO_LOW = 0.4
LENGTH_RATIO_HIGH = 2.5
# Below this many source characters the ratio says little ("Reuters" → "رويترز").
LENGTH_RATIO_MIN_SOURCE = 20
# Targets written in another script than Latin. Names kept in Latin (a do-not-translate
# glossary entry such as "RIA") are a minority of the letters of a real translation, so an
# output whose letters are mostly Latin was not translated.
TARGET_SCRIPTS = {
    "ar": "ARABIC",
    "fa": "ARABIC",
    "ur": "ARABIC",
    "ru": "CYRILLIC",
    "uk": "CYRILLIC",
    "bg": "CYRILLIC",
    "el": "GREEK",
    "he": "HEBREW",
    "hi": "DEVANAGARI",
}
LATIN_SHARE_LIMIT = 0.5
# A phrase of 1 to REPEAT_MAX_WORDS words repeated REPEAT_MIN_TIMES times in a row is a
# decoder loop; news copy repeats a word or phrase at most two or three times ("no, no, no").
REPEAT_MAX_WORDS = 4
REPEAT_MIN_TIMES = 4


def physical_cores() -> int:
    """Cores available to this process, counting hyper-threads of one core once."""
    try:
        logical = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        logical = os.cpu_count() or 1
    siblings = Path("/sys/devices/system/cpu/cpu0/topology/thread_siblings_list")
    try:
        per_core = _cpu_list_size(siblings.read_text().strip())
    except (OSError, ValueError):
        per_core = 1
    return max(1, logical // max(1, per_core))


def _cpu_list_size(text: str) -> int:
    """How many CPUs a kernel CPU list such as `0-3,8` names."""
    total = 0
    for part in text.split(","):
        start, _, end = part.partition("-")
        total += int(end) - int(start) + 1 if end else 1
    return total


@dataclass(frozen=True)
class EngineSettings:
    """How the engine runs CTranslate2; the defaults suit a CPU (see the module doc)."""

    beam_size: int = ARGOS_BEAM_SIZE
    compute_type: str = DEFAULT_COMPUTE_TYPE
    intra_threads: int = 1
    inter_threads: int = field(default_factory=physical_cores)
    max_batch_size: int = DEFAULT_MAX_BATCH_SIZE
    max_decoding_ratio: float = DEFAULT_MAX_DECODING_RATIO
    max_decoding_extra: int = DEFAULT_MAX_DECODING_EXTRA
    max_decoding_length: int = DEFAULT_MAX_DECODING_LENGTH
    length_penalty: float = ARGOS_LENGTH_PENALTY

    def __post_init__(self) -> None:
        for name in ("beam_size", "inter_threads", "max_batch_size", "max_decoding_length"):
            if getattr(self, name) < 1:
                raise InputError(f"{name.replace('_', ' ')} must be at least 1")
        if self.intra_threads < 0:
            raise InputError("threads must be at least 1 (0: CTranslate2's default)")
        if self.max_decoding_ratio <= 0 or self.max_decoding_extra < 0:
            raise InputError("the decoding bound must be positive")

    def decoding_bound(self, source_tokens: int) -> int:
        """The most tokens decoded for a source of this many tokens."""
        bound = math.ceil(self.max_decoding_ratio * source_tokens) + self.max_decoding_extra
        return max(1, min(self.max_decoding_length, bound))


@dataclass(frozen=True)
class QualityFlag:
    """Why an output needs a reviewer's attention; `code` is stable, `reason` is for people."""

    code: str
    reason: str


@dataclass(frozen=True)
class MachineTranslation:
    source: str
    text: str
    flags: tuple[QualityFlag, ...] = ()


Progress = Callable[[int], None]


class Engine:
    """A loaded package: translate many segments with one CTranslate2 translator."""

    def __init__(self, package: PackageInfo, settings: EngineSettings | None = None) -> None:
        import ctranslate2
        from argostranslate.package import Package

        from translate.packages import check_tokenizer

        if package.path is None:
            raise ModelError(f"{package.code} {package.package_version} is not installed")
        self.package = package
        self.settings = settings or EngineSettings()
        self._ctranslate2_version = ctranslate2.__version__
        # Argos loads the tokenizer on first use, deep in a run; an unusable one is refused
        # here, in one line, before any work.
        tokenizer_file = package.path / "sentencepiece.model"
        if tokenizer_file.is_file():
            check_tokenizer(tokenizer_file.read_bytes(), str(tokenizer_file))
        argos_package = Package(package.path)
        self._tokenizer = getattr(argos_package, "tokenizer", None)
        if self._tokenizer is None:
            raise ModelError(f"{package.path}: no sentencepiece.model or bpe.model")
        self._target_prefix: str = argos_package.target_prefix
        try:
            self._translator = ctranslate2.Translator(
                str(package.path / "model"),
                device="cpu",
                compute_type=self.settings.compute_type,
                inter_threads=self.settings.inter_threads,
                intra_threads=self.settings.intra_threads,
            )
        except ValueError as error:
            raise InputError(f"compute type {self.settings.compute_type!r}: {error}") from None
        except RuntimeError as error:
            raise ModelError(f"{package.path / 'model'}: cannot load the model: {error}") from None

    @property
    def provenance(self) -> str:
        """Engine, package and settings, for the translator comment of every MT entry."""
        return provenance(self.package, self._ctranslate2_version, self.settings)

    def translate(
        self, texts: Sequence[str], progress: Progress | None = None
    ) -> list[MachineTranslation]:
        """Translate `texts`, in their order. `progress(n)` is called as batches finish with
        the number of texts done since the last call; the calls add up to `len(texts)`."""
        occurrences: dict[str, int] = {}
        for text in texts:
            occurrences[text] = occurrences.get(text, 0) + 1
        done: dict[str, MachineTranslation] = {}
        pending = []
        for text in occurrences:
            if text.strip():
                pending.append((text, self._tokenizer.encode(text)))
            else:  # nothing to translate
                done[text] = MachineTranslation(text, text)
        if done and progress is not None:
            progress(sum(occurrences[text] for text in done))
        # Longest first: the workers start on the slowest batches and finish together.
        pending.sort(key=lambda item: len(item[1]), reverse=True)
        size = self.settings.max_batch_size
        batches = [pending[start : start + size] for start in range(0, len(pending), size)]
        submitted = [self._submit(batch) for batch in batches]
        for batch, (bound, results) in zip(batches, submitted, strict=True):
            for (source, _), result in zip(batch, results, strict=True):
                done[source] = self._finish(source, result, bound)
            if progress is not None:
                progress(sum(occurrences[text] for text, _ in batch))
        return [done[text] for text in texts]

    def _submit(
        self, batch: list[tuple[str, list[str]]]
    ) -> tuple[int, list[AsyncTranslationResult]]:
        """Queue a batch on the translator's workers; returns its bound and pending results."""
        settings = self.settings
        bound = settings.decoding_bound(max(len(tokens) for _, tokens in batch))
        prefix = [[self._target_prefix]] * len(batch) if self._target_prefix else None
        results = self._translator.translate_batch(
            [tokens for _, tokens in batch],
            target_prefix=prefix,
            beam_size=settings.beam_size,
            num_hypotheses=1,
            length_penalty=settings.length_penalty,
            replace_unknowns=True,
            max_decoding_length=bound,
            asynchronous=True,
        )
        return bound, results

    def _finish(
        self, source: str, pending: AsyncTranslationResult, bound: int
    ) -> MachineTranslation:
        try:
            tokens = pending.result().hypotheses[0]
        except RuntimeError as error:
            raise ModelError(f"{self.package.path}: translation failed: {error}") from None
        text = self._decode(tokens)
        flags = quality_flags(source, text, self.package.to_code)
        if len(tokens) >= bound:
            flags += (
                QualityFlag(
                    LENGTH_LIMIT,
                    f"decoding stopped at the limit of {bound} tokens; the output is cut off",
                ),
            )
        return MachineTranslation(source, text, flags)

    def _decode(self, tokens: list[str]) -> str:
        # As apply_packaged_translation: decode, drop the target prefix, drop one leading space.
        value = self._tokenizer.decode(tokens)
        if self._target_prefix and value.startswith(self._target_prefix):
            value = value[len(self._target_prefix) :]
        if value.startswith(" "):
            value = value[1:]
        return value


def provenance(package: PackageInfo, ctranslate2_version: str, settings: EngineSettings) -> str:
    """What translated: one text for a local engine and a cluster's workers alike."""
    return (
        f"Argos Translate {package.code} {package.package_version}, "
        f"CTranslate2 {ctranslate2_version}, {settings.compute_type}, beam {settings.beam_size}"
    )


def load_engine(from_code: str, to_code: str, settings: EngineSettings | None = None) -> Engine:
    """The engine for an installed pair; `ModelNotInstalled` names the install command."""
    from translate.packages import find_installed, packages_dir

    package = find_installed(from_code, to_code)
    if package is None:
        raise ModelNotInstalled(from_code, to_code, packages_dir())
    return Engine(package, settings)


# Quality guards ------------------------------------------------------------------------------


def quality_flags(source: str, output: str, target_language: str) -> tuple[QualityFlag, ...]:
    """Every guard that fires on `output` as a translation of `source`."""
    if not output.strip():
        return (QualityFlag("empty", "the model returned no text"),)
    flags = []
    for guard in (_untranslated, _script, _repetition, _length_ratio):
        flag = guard(source, output, target_language)
        if flag is not None:
            flags.append(flag)
    return tuple(flags)


def _untranslated(source: str, output: str, _target: str) -> QualityFlag | None:
    if " ".join(source.casefold().split()) == " ".join(output.casefold().split()):
        return QualityFlag("untranslated", "the output is identical to the source")
    return None


def _script(_source: str, output: str, target: str) -> QualityFlag | None:
    script = TARGET_SCRIPTS.get(target.split("_")[0])
    if script is None:
        return None
    letters = [character for character in output if character.isalpha()]
    if not letters:
        return None
    latin = sum(1 for letter in letters if _script_of(letter) == "LATIN")
    share = latin / len(letters)
    if share > LATIN_SHARE_LIMIT:
        return QualityFlag(
            "script",
            f"{share:.0%} of the letters are Latin, expected {script.capitalize()} script",
        )
    return None


@cache
def _script_of(letter: str) -> str:
    return unicodedata.name(letter, "UNKNOWN").split(" ")[0]


_WORD_EDGES = re.compile(r"^\W+|\W+$")


def _repetition(_source: str, output: str, _target: str) -> QualityFlag | None:
    words = [_WORD_EDGES.sub("", word.casefold()) for word in output.split()]
    words = [word for word in words if word]
    for size in range(1, REPEAT_MAX_WORDS + 1):
        for start in range(len(words) - size * REPEAT_MIN_TIMES + 1):
            phrase = words[start : start + size]
            if all(
                words[start + size * times : start + size * (times + 1)] == phrase
                for times in range(1, REPEAT_MIN_TIMES)
            ):
                return QualityFlag(
                    "repetition",
                    f"“{' '.join(phrase)}” repeated {REPEAT_MIN_TIMES} or more times in a row",
                )
    return None


def _length_ratio(source: str, output: str, _target: str) -> QualityFlag | None:
    source_length = len(source.strip())
    if source_length < LENGTH_RATIO_MIN_SOURCE:
        return None
    ratio = len(output.strip()) / source_length
    if ratio < LENGTH_RATIO_LOW or ratio > LENGTH_RATIO_HIGH:
        return QualityFlag(
            "length-ratio",
            f"the output is {ratio:.2f} times the source's length "
            f"(expected {LENGTH_RATIO_LOW}-{LENGTH_RATIO_HIGH})",
        )
    return None


class InstalledModels:
    """The pipeline's model provider: installed Argos packages, loaded with these settings."""

    def __init__(self, settings: EngineSettings | None = None) -> None:
        self.settings = settings

    def available(self, from_code: str, to_code: str) -> bool:
        from translate.packages import find_installed

        return find_installed(from_code, to_code) is not None

    def load(self, from_code: str, to_code: str) -> Engine:
        return load_engine(from_code, to_code, self.settings)

    def missing_message(self, from_code: str, to_code: str) -> str:
        from translate.packages import packages_dir

        return str(ModelNotInstalled(from_code, to_code, packages_dir()))
