"""Argos Translate's own translation path, as the reference the engine is compared with.

`argostranslate.translate.translate()` first splits text into sentences, by default with
MiniSBD, which downloads a model on first use. The engine is fed one segment at a time, so
the reference keeps each segment whole: `WholeSegment` takes the sentencizer's place.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from types import ModuleType


class WholeSegment:
    """Argos' sentencizer interface, returning the text given as one sentence."""

    def __init__(self, package: object) -> None:
        pass

    def split_sentences(self, text: str) -> list[str]:
        return [text]


@contextlib.contextmanager
def whole_segment_argos() -> Iterator[ModuleType]:
    """`argostranslate.translate`, reading our packages folder and translating each text as
    one sentence; Argos' sentencizer and its caches of installed languages are restored on
    exit."""
    import argostranslate.translate as argos

    from translate.packages import argos_settings

    settings = argos_settings()
    saved = settings.chunk_type, argos.MiniSBDSentencizer
    # PackageTranslation picks MiniSBDSentencizer for the default chunk type.
    settings.chunk_type = settings.ChunkType.ARGOSTRANSLATE
    argos.MiniSBDSentencizer = WholeSegment
    argos.get_installed_languages.cache_clear()
    argos.installed_translates.clear()
    try:
        yield argos
    finally:
        argos.get_installed_languages.cache_clear()
        argos.installed_translates.clear()
        settings.chunk_type, argos.MiniSBDSentencizer = saved
