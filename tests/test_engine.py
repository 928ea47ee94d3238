"""The batched CTranslate2 engine on small real Argos packages, and its quality guards."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.argos_builder import PackageRecipe
from tests.support.argos_reference import whole_segment_argos
from tests.support.cli import REPO
from translate.cli.models import engine_settings
from translate.cli.progress import progress_bar
from translate.engine import (
    Engine,
    EngineSettings,
    QualityFlag,
    _cpu_list_size,
    load_engine,
    physical_cores,
    quality_flags,
)
from translate.errors import EXIT_FAILURE, InputError, ModelError, ModelNotInstalled
from translate.packages import find_installed, install_file


@pytest.fixture
def arabic(tiny_models, monkeypatch) -> Engine:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tiny_models))
    return load_engine("en", "ar")


def test_translates_the_seed_in_order(arabic, seed_segments):
    translations = arabic.translate(seed_segments)
    assert [translation.source for translation in translations] == seed_segments
    assert all(translation.text.strip() for translation in translations)
    # The output depends on the input: a random-weight model repeats itself on some
    # segments, so not every output is distinct, but most are.
    assert len({translation.text for translation in translations}) > len(set(seed_segments)) // 2
    assert arabic.translate(seed_segments) == translations  # deterministic


def test_duplicates_are_translated_once_in_batches_and_progress_adds_up(arabic, seed_segments):
    arabic_small_batches = Engine(arabic.package, EngineSettings(max_batch_size=2))
    texts = [*seed_segments[:5], seed_segments[1], " ", seed_segments[0], seed_segments[1]]
    advances: list[int] = []
    translations = arabic_small_batches.translate(texts, progress=advances.append)
    # The blank text, then 5 distinct segments in 3 batches of 2: the repeats ride along.
    assert len(advances) == 4 and advances[0] == 1 and sum(advances) == len(texts)
    assert [translation.source for translation in translations] == texts
    assert translations[5] == translations[1] == translations[8]
    assert translations[7] == translations[0]
    assert translations[6].text == " " and translations[6].flags == ()
    assert arabic_small_batches.translate([]) == []


def test_find_installed_and_a_missing_model(tiny_models, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tiny_models))
    package = find_installed("en", "ru")
    assert package is not None and package.path == tiny_models / "translate-en_ru-1_0"
    assert find_installed("ru", "en") is None
    with pytest.raises(ModelNotInstalled) as raised:
        load_engine("en", "de")
    message = str(raised.value)
    assert message.startswith(f"no en→de model is installed in {tiny_models}; ")
    assert "`translate models install en-de`" in message
    assert "--file PATH.argosmodel" in message and "--index" in message
    assert raised.value.install_command == "translate models install en-de"
    assert isinstance(raised.value, ModelError) and raised.value.exit_code == EXIT_FAILURE


def test_provenance(arabic):
    import ctranslate2

    assert arabic.provenance == (
        f"Argos Translate translate-en_ar 1.0, CTranslate2 {ctranslate2.__version__}, int8, beam 4"
    )


def _argos_translations(segments: list[str], from_code: str, to_code: str) -> list[str]:
    """`argostranslate.translate.translate()` on each segment, kept whole (the default
    sentence splitter would download a MiniSBD model)."""
    with whole_segment_argos() as argos:
        return [argos.translate(segment, from_code, to_code) for segment in segments]


@pytest.mark.parametrize(
    "recipe",
    [PackageRecipe(to_code="ar"), PackageRecipe(to_code="ru", target_prefix="<2ru>")],
    ids=["plain", "target prefix"],
)
def test_each_segment_alone_equals_argos_translate(
    recipe, argos_package, argos_home, seed_segments
):
    install_file(argos_package(recipe))
    engine = load_engine("en", recipe.to_code)
    # The whole seed once; a sample for the variant (Argos' default 4 threads are slow here).
    segments = seed_segments[::5] if recipe.target_prefix else seed_segments
    ours = [engine.translate([segment])[0].text for segment in segments]
    assert ours == _argos_translations(segments, "en", recipe.to_code)
    assert all(ours)
    assert not any(text.startswith(("<2ru>", " ")) for text in ours)


def test_the_translation_path_never_imports_argos_sentence_splitting(tiny_models):
    script = (
        "import sys\n"
        "from translate.engine import load_engine\n"
        "load_engine('en', 'tr').translate(['The Syrian army pressed an offensive.'])\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={**os.environ, "ARGOS_PACKAGES_DIR": str(tiny_models)},
        capture_output=True,
        text=True,
        check=True,
    )
    modules = set(result.stdout.split())
    assert "argostranslate.package" in modules and "ctranslate2" in modules
    for forbidden in ("argostranslate.translate", "argostranslate.sbd", "minisbd", "stanza"):
        assert forbidden not in modules


def test_flags_travel_with_each_translation(arabic, seed_segments):
    # The tiny package's output is Latin-script gibberish: flagged, never hidden.
    translations = arabic.translate(seed_segments[:8])
    for translation in translations:
        assert translation.text
        assert "script" in {flag.code for flag in translation.flags}


def test_the_decoding_bound_stops_a_run_away_output(arabic, seed_segments):
    bounded = Engine(arabic.package, EngineSettings(max_decoding_ratio=0.1, max_decoding_extra=2))
    [translation] = bounded.translate([seed_segments[0]])
    [flag] = [flag for flag in translation.flags if flag.code == "length-limit"]
    tokens = len(arabic._tokenizer.encode(seed_segments[0]))
    assert f"limit of {bounded.settings.decoding_bound(tokens)} tokens" in flag.reason
    assert len(translation.text) < len(arabic.translate([seed_segments[0]])[0].text)


@pytest.mark.parametrize(
    ("settings", "source_tokens", "bound"),
    [
        (EngineSettings(), 10, 30),
        (EngineSettings(), 0, 10),
        (EngineSettings(), 200, 256),
        (EngineSettings(max_decoding_ratio=1.5, max_decoding_extra=0), 7, 11),
    ],
)
def test_decoding_bound(settings, source_tokens, bound):
    assert settings.decoding_bound(source_tokens) == bound


@pytest.mark.parametrize(
    "changes",
    [{"beam_size": 0}, {"max_batch_size": 0}, {"intra_threads": -1}, {"max_decoding_ratio": 0}],
)
def test_invalid_settings(changes):
    with pytest.raises(InputError):
        EngineSettings(**changes)


def test_an_unknown_compute_type_is_bad_input(arabic):
    with pytest.raises(InputError, match="compute type 'int3'"):
        Engine(arabic.package, EngineSettings(compute_type="int3"))


def test_cli_engine_settings():
    assert engine_settings() == EngineSettings()
    assert EngineSettings().inter_threads == physical_cores() >= 1
    assert EngineSettings().intra_threads == 1
    custom = engine_settings(beam_size=2, threads=3, batch_size=8, compute_type="float32")
    assert (custom.beam_size, custom.inter_threads, custom.max_batch_size) == (2, 3, 8)
    assert custom.compute_type == "float32"


@pytest.mark.parametrize(("text", "count"), [("0", 1), ("0-1", 2), ("0,4", 2), ("0-3,8-11", 8)])
def test_cpu_list_size(text, count):
    assert _cpu_list_size(text) == count


def test_progress_bar(capsys):
    with progress_bar("Translating en→ar", 3, quiet=True) as advance:
        advance(3)
    assert capsys.readouterr() == ("", "")
    with progress_bar("Translating en→ar", 3) as advance:
        advance(1)
        advance(2)
    captured = capsys.readouterr()
    assert captured.out == "" and "Translating en→ar" in captured.err and "3/3" in captured.err


# Quality guards on constructed outputs ---------------------------------------------------

SOURCE = "The Syrian army pressed an offensive in Aleppo on Friday."


@pytest.mark.parametrize(
    ("source", "output", "language", "codes"),
    [
        (SOURCE, "واصل الجيش السوري هجومه في حلب يوم الجمعة.", "ar", []),
        (SOURCE, "Сирийская армия продолжила наступление в Алеппо в пятницу.", "ru", []),
        (SOURCE, "Suriye ordusu cuma günü Halep'te bir saldırı başlattı.", "tr", []),
        (SOURCE, "", "ar", ["empty"]),
        (SOURCE, "  \n", "tr", ["empty"]),
        (SOURCE, SOURCE, "tr", ["untranslated"]),
        (
            SOURCE,
            "the syrian army  pressed an offensive in Aleppo on Friday.",
            "tr",
            ["untranslated"],
        ),
        (SOURCE, SOURCE, "ar", ["untranslated", "script"]),
        (SOURCE, "The Syrian army الجيش السوري offensive in Aleppo.", "ar", ["script"]),
        (SOURCE, "Сирийская армия (Reuters, RIA) в Алеппо.", "ru", []),
        (SOURCE, "Suriye ordusu ordusu ordusu ordusu Halep'te.", "tr", ["repetition"]),
        (SOURCE, "Suriye ordusu, ordusu, ordusu Halep'te saldırı başlattı.", "tr", []),
        (SOURCE, "في حلب في حلب في حلب في حلب الجمعة", "ar", ["repetition"]),
        (SOURCE, "Suriye ordusu.", "tr", ["length-ratio"]),
        (SOURCE, "Suriye ordusu " * 12, "tr", ["repetition", "length-ratio"]),
        ("Reuters", "R", "tr", []),  # too short for a ratio to mean anything
    ],
)
def test_quality_guards(source, output, language, codes):
    flags = quality_flags(source, output, language)
    assert [flag.code for flag in flags] == codes
    assert all(isinstance(flag, QualityFlag) and flag.reason for flag in flags)


def test_guard_reasons_are_specific():
    [script] = quality_flags(SOURCE, "Syrian army in Aleppo today", "ru")
    assert script.reason == "100% of the letters are Latin, expected Cyrillic script"
    [loop] = quality_flags(SOURCE, "Halep Halep Halep Halep Halep ordusu saldırı", "tr")
    assert loop.reason == "“halep” repeated 4 or more times in a row"
    [ratio] = quality_flags(SOURCE, "Ordu.", "tr")
    assert ratio.reason.startswith("the output is 0.09 times the source's length")
