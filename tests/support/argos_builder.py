"""Build small but real Argos Translate packages for tests and benchmarks.

A package is what `argos-train` publishes: a zip of one folder holding `metadata.json`, a
SentencePiece model and a CTranslate2 Transformer under `model/`. Here the tokenizer is trained
on the text given (the seed article) and the Transformer's weights come from a seeded random
generator through `ctranslate2.specs.TransformerSpec`, so every byte goes through the same code
as a published model, while the translations are meaningless.

Random weights alone give a decoder that either stops at once or loops to the length limit.
Two reserved channels of the residual stream fix that: a ramp in the position encodings gives
the decoder a clock, one cross-attention head averages the encoder's ramp into an estimate of
the source length, and the end-of-sentence logit reads their difference. Outputs then end on
their own at roughly `length_ratio` times the source length, as a trained model's do, so a
benchmark decodes a realistic number of tokens and an engine's length bound stays a safety net.

A copying package (`PackageRecipe(shape=COPYING, copying=True)`) has weights set by
construction instead: it reproduces its input piece for piece, so the output is the source
text again after the SentencePiece round trip. Placeholders that glossary enforcement puts
into a segment come back unchanged, which makes the path through enforcement testable end to
end on a real model (see `_CopyingTransformer`).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import random
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sentencepiece
from ctranslate2.specs import transformer_spec

LANGUAGE_NAMES = {"en": "English", "ar": "Arabic", "tr": "Turkish", "ru": "Russian"}
# Letters for the padding pieces of the vocabulary, so that output looks like the target
# script; Latin targets get letters with diacritics that English source text does not contain.
SCRIPT_LETTERS = {
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوية",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщыьэюя",
}
LATIN_LETTERS = "abcdefghijklmnoprstuvyzçğıöşüâîû"
MAX_POSITIONS = 1024  # CTranslate2's default max_input_length; decoding stays below it too


@dataclass(frozen=True)
class ModelShape:
    encoder_layers: int
    decoder_layers: int
    d_model: int
    ffn: int
    heads: int
    vocab_size: int  # a target: the seed yields at most a few thousand learned pieces


# Small enough that building it takes well under a second and decoding the seed a second.
TINY = ModelShape(encoder_layers=1, decoder_layers=1, d_model=32, ffn=64, heads=2, vocab_size=800)
# The dimensions of the published Argos models (argos-train's config.yml: Transformer base,
# 6+6 layers, 512/2048, 8 heads, a 50,000-piece shared SentencePiece vocabulary, int8).
PUBLISHED = ModelShape(
    encoder_layers=6, decoder_layers=6, d_model=512, ffn=2048, heads=8, vocab_size=50_000
)
# The copying construction's channels (see _CopyingTransformer) in one attention head; the
# vocabulary is TINY's, so a copying package tokenizes exactly as the random tiny ones do.
COPYING = ModelShape(
    encoder_layers=1, decoder_layers=1, d_model=104, ffn=8, heads=1, vocab_size=800
)


@dataclass(frozen=True)
class PackageRecipe:
    from_code: str = "en"
    to_code: str = "xx"
    version: str = "1.0"
    shape: ModelShape = TINY
    seed: int = 1
    quantization: str = "int8"
    length_ratio: float = 1.1
    # A token the decoder is forced to start with, as multilingual Argos packages declare.
    target_prefix: str = ""
    # Weights set by construction so that the model copies its input (needs shape=COPYING);
    # False: seeded random weights with the length mechanism.
    copying: bool = False

    def __post_init__(self) -> None:
        if self.copying:
            _CopyingTransformer.check(self.shape, self.target_prefix)

    @property
    def code(self) -> str:
        return f"translate-{self.from_code}_{self.to_code}"

    @property
    def folder_name(self) -> str:
        return f"{self.code}-{self.version.replace('.', '_')}"

    @property
    def file_name(self) -> str:
        return f"{self.folder_name}.argosmodel"

    def metadata(self) -> dict:
        metadata = {
            "package_version": self.version,
            "argos_version": "1.0",
            "from_code": self.from_code,
            "from_name": LANGUAGE_NAMES.get(self.from_code, self.from_code),
            "to_code": self.to_code,
            "to_name": LANGUAGE_NAMES.get(self.to_code, self.to_code),
        }
        if self.target_prefix:
            metadata["target_prefix"] = self.target_prefix
        return metadata


def build_package(recipe: PackageRecipe, corpus: str, directory: Path) -> Path:
    """Write `directory/<recipe.file_name>` (a zipped package) and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = build_package_folder(recipe, corpus, Path(scratch))
        archive = directory / recipe.file_name
        zip_folder(folder, archive)
    return archive


def build_package_folder(recipe: PackageRecipe, corpus: str, directory: Path) -> Path:
    """Write the unzipped package folder `directory/<recipe.folder_name>` and return it."""
    folder = directory / recipe.folder_name
    (folder / "model").mkdir(parents=True)
    tokenizer = _train_tokenizer(recipe, corpus)
    (folder / "sentencepiece.model").write_bytes(tokenizer)
    processor = sentencepiece.SentencePieceProcessor(model_proto=tokenizer)
    pieces = [processor.id_to_piece(index) for index in range(processor.get_piece_size())]
    generator = np.random.default_rng(recipe.seed)
    if recipe.copying:
        spec = _CopyingTransformer(recipe.shape, generator).spec(pieces)
        weights = "Copying weights for tests: reproduces its input, not a translation model."
    else:
        spec = _RandomTransformer(recipe.shape, generator, recipe.length_ratio).spec(pieces)
        weights = "Random weights for tests: not a translation model."
    spec.validate()
    spec.optimize(quantization=recipe.quantization)
    spec.save(str(folder / "model"))
    (folder / "metadata.json").write_text(json.dumps(recipe.metadata(), indent=4) + "\n")
    (folder / "README.md").write_text(f"# {recipe.code} {recipe.version}\n\n{weights}\n")
    return folder


def zip_folder(folder: Path, archive: Path) -> None:
    """Zip `folder` as the archive's single top-level folder, as argos-train does."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            bundle.write(path, path.relative_to(folder.parent).as_posix())


def index_entry(recipe: PackageRecipe, links: list[str]) -> dict:
    """The package's entry in an Argos package index (`index.json`)."""
    return recipe.metadata() | {"code": recipe.code, "links": links}


def make_mirror(
    directory: Path, packages: list[tuple[PackageRecipe, Path]], base_url: str = ""
) -> Path:
    """A mirror folder: the archives and an `index.json` linking them as `base_url` + file
    name (relative to the index when `base_url` is empty)."""
    directory.mkdir(parents=True, exist_ok=True)
    entries = []
    for recipe, archive in packages:
        shutil.copyfile(archive, directory / archive.name)
        entries.append(index_entry(recipe, [base_url + archive.name]))
    (directory / "index.json").write_text(json.dumps(entries, indent=4) + "\n")
    return directory


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1 (a free port); yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


def _train_tokenizer(recipe: PackageRecipe, corpus: str) -> bytes:
    # BPE on a small text learns whole words, which gives about as many pieces per sentence
    # as a published 50k vocabulary does; padding pieces in the target script fill the rest.
    learned = min(recipe.shape.vocab_size, 4000)
    padding = _padding_pieces(recipe, recipe.shape.vocab_size - learned)
    if recipe.target_prefix:
        padding.append(recipe.target_prefix)
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter([line for line in corpus.splitlines() if line.strip()]),
        model_writer=model,
        model_type="bpe",
        vocab_size=learned + len(padding),
        hard_vocab_limit=False,
        character_coverage=1.0,
        user_defined_symbols=padding,
        minloglevel=2,
        num_threads=1,
        seed_sentencepiece_size=100_000,
    )
    return model.getvalue()


def _padding_pieces(recipe: PackageRecipe, count: int) -> list[str]:
    if count <= 0:
        return []
    letters = SCRIPT_LETTERS.get(recipe.to_code, LATIN_LETTERS)
    latin = letters is LATIN_LETTERS
    generator = random.Random(recipe.seed)
    pieces: set[str] = set()
    while len(pieces) < count:
        word = "".join(generator.choice(letters) for _ in range(generator.randint(3, 9)))
        if latin and word.isascii():
            continue  # could occur in English source and change its tokenization
        pieces.add("▁" + word)
    return sorted(pieces)


class _RandomTransformer:
    """Fills a TransformerSpec with random weights plus the length mechanism (see module doc)."""

    # Reserved residual channels (the encoder and decoder streams are separate).
    SOURCE_RAMP = -1  # encoder: position * RAMP_STEP
    TARGET_RAMP = -1  # decoder: position * RAMP_STEP
    SOURCE_LENGTH = -2  # decoder: mean of the encoder's ramp, written by one attention head
    RAMP_STEP = 0.05
    # Sublayers add a fraction of a unit per channel, so the residual stream, and with it the
    # layer-norm scale the length estimate passes through, stays close to one.
    SUBLAYER_GAIN = 0.5
    LOGIT_SCALE = 5.0  # standard deviation of the logits: sharp, so beam search follows one path
    # The end-of-sentence logit rises by about LOGIT_SCALE per decoding step around its
    # threshold, so the length it picks is near-deterministic.
    EOS_SHARPNESS = LOGIT_SCALE / RAMP_STEP

    def __init__(self, shape: ModelShape, generator: np.random.Generator, ratio: float) -> None:
        self.shape = shape
        self.d = shape.d_model
        self.random = generator
        self.ratio = ratio

    def spec(self, pieces: list[str]) -> transformer_spec.TransformerSpec:
        shape = self.shape
        spec = transformer_spec.TransformerSpec.from_config(
            (shape.encoder_layers, shape.decoder_layers), shape.heads
        )
        vocabulary = len(pieces)
        self._embeddings(
            spec.encoder, vocabulary, reserved=[self.SOURCE_RAMP], ramp=self.SOURCE_RAMP
        )
        self._layer_norm(spec.encoder.layer_norm)
        for layer in spec.encoder.layer:
            self._self_attention(layer.self_attention, reserved=[self.SOURCE_RAMP])
            self._feed_forward(layer.ffn, reserved=[self.SOURCE_RAMP])
        decoder_reserved = [self.TARGET_RAMP, self.SOURCE_LENGTH]
        self._embeddings(spec.decoder, vocabulary, reserved=decoder_reserved, ramp=self.TARGET_RAMP)
        self._layer_norm(spec.decoder.layer_norm)
        for index, layer in enumerate(spec.decoder.layer):
            self._self_attention(layer.self_attention, reserved=decoder_reserved)
            self._cross_attention(layer.attention, reserved=decoder_reserved, measure=index == 0)
            self._feed_forward(layer.ffn, reserved=decoder_reserved)
        self._projection(spec.decoder.projection, pieces)
        spec.register_source_vocabulary(pieces)
        spec.register_target_vocabulary(pieces)
        return spec

    def _normal(self, rows: int, columns: int, scale: float) -> np.ndarray:
        return self.random.normal(0.0, scale, (rows, columns)).astype(np.float32)

    def _linear(self, linear, rows: int, columns: int, gain: float = 1.0) -> None:
        linear.weight = self._normal(rows, columns, gain / np.sqrt(columns))
        linear.bias = np.zeros(rows, np.float32)

    def _layer_norm(self, norm) -> None:
        norm.gamma = np.ones(self.d, np.float32)
        norm.beta = np.zeros(self.d, np.float32)

    def _embeddings(self, stack, vocabulary: int, reserved: list[int], ramp: int) -> None:
        # CTranslate2 multiplies embeddings by sqrt(d_model): unit variance per channel.
        weight = self._normal(vocabulary, self.d, 1.0 / np.sqrt(self.d))
        weight[:, reserved] = 0.0
        embeddings = stack.embeddings[0] if isinstance(stack.embeddings, list) else stack.embeddings
        embeddings.weight = weight
        positions = np.arange(MAX_POSITIONS, dtype=np.float32)[:, None]
        frequencies = np.power(10_000.0, -np.arange(0, self.d, 2, dtype=np.float32) / self.d)
        encodings = np.zeros((MAX_POSITIONS, self.d), np.float32)
        encodings[:, 0::2] = np.sin(positions * frequencies)
        encodings[:, 1::2] = np.cos(positions * frequencies)
        encodings[:, reserved] = 0.0
        # Zero mean across channels, so layer norm's mean subtraction leaves the ramp alone.
        encodings -= encodings.sum(axis=1, keepdims=True) / (self.d - len(reserved))
        encodings[:, reserved] = 0.0
        encodings[:, ramp] = positions[:, 0] * self.RAMP_STEP
        stack.position_encodings.encodings = encodings

    def _self_attention(self, attention, reserved: list[int]) -> None:
        self._layer_norm(attention.layer_norm)
        self._linear(attention.linear[0], 3 * self.d, self.d)
        self._output(attention.linear[-1], self.d, reserved)

    def _cross_attention(self, attention, reserved: list[int], measure: bool) -> None:
        self._layer_norm(attention.layer_norm)
        self._linear(attention.linear[0], self.d, self.d)
        self._linear(attention.linear[1], 2 * self.d, self.d)
        self._output(attention.linear[-1], self.d, reserved)
        if measure:
            # Head 0 with a zero query attends uniformly to the source; its first value
            # dimension reads the source ramp, so it returns the ramp's mean, (length-1)/2
            # steps, which the output projection writes into the SOURCE_LENGTH channel times
            # 2 * ratio: the decoder's clock reaches it after about ratio * length steps.
            head = self.d // self.shape.heads
            attention.linear[0].weight[:head] = 0.0
            values = attention.linear[1].weight[self.d :]
            values[0] = 0.0
            values[0, self.SOURCE_RAMP] = 1.0
            attention.linear[-1].weight[:, 0] = 0.0
            attention.linear[-1].weight[self.SOURCE_LENGTH, 0] = (
                2.0 * self.ratio * self._encoder_scale()
            )

    def _encoder_scale(self) -> float:
        # The encoder's final layer norm divides the ramp by the spread of the residual stream:
        # 1 from the embeddings, 1/2 from the sinusoids and about 1/4 per layer from the
        # sublayers at SUBLAYER_GAIN (measured on the seed for 1 and 6 layers).
        return float(np.sqrt(1.5 + 0.25 * self.shape.encoder_layers))

    def _feed_forward(self, ffn, reserved: list[int]) -> None:
        self._layer_norm(ffn.layer_norm)
        self._linear(ffn.linear_0, self.shape.ffn, self.d)
        self._output(ffn.linear_1, self.shape.ffn, reserved)

    def _output(self, linear, columns: int, reserved: list[int]) -> None:
        self._linear(linear, self.d, columns, gain=self.SUBLAYER_GAIN)
        linear.weight[reserved] = 0.0

    def _projection(self, projection, pieces: list[str]) -> None:
        self._linear(projection, len(pieces), self.d, gain=self.LOGIT_SCALE)
        projection.weight[:, [self.TARGET_RAMP, self.SOURCE_LENGTH]] = 0.0
        # End of sentence once the clock passes the source length estimate. Equal and opposite
        # weights make the layer norm's mean cancel out of the difference.
        end = pieces.index("</s>")
        projection.weight[end] = 0.0
        projection.weight[end, self.TARGET_RAMP] = self.EOS_SHARPNESS
        projection.weight[end, self.SOURCE_LENGTH] = -self.EOS_SHARPNESS
        # ... where it overtakes the largest of the other logits, about scale * sqrt(2 ln V).
        projection.bias[end] = self.LOGIT_SCALE * np.sqrt(2 * np.log(len(pieces)))
        for special in ("<unk>", "<s>"):
            projection.bias[pieces.index(special)] = -1e4


class _CopyingTransformer:
    """Fills a TransformerSpec whose decoding reproduces the source, by construction.

    The residual stream (encoder and decoder alike) has two blocks of channels:

    * a code: each vocabulary piece's embedding is a balanced ±1 vector, so every code has
      zero mean and the same norm;
    * a clock: for each frequency ω_k = π / 2^k the channels (cos ωp, sin ωp, -cos ωp,
      -sin ωp) at position p, again zero mean and a constant norm.

    So every layer norm sees a mean of 0 and a known variance and is a fixed scale, which the
    construction divides out. All self-attention and feed-forward sublayers are zero, and so
    are the decoder's embeddings: the encoder hands on code + clock per source position, the
    decoder starts each step from its clock alone. Its cross-attention has one head whose
    query and key read the clocks: step t scores source position s by Σ_k cos(ω_k (t - s)),
    which is K at s = t, while at any other position fewer than 2^K away the term of the
    lowest set bit of |t - s| is -1, a margin of at least 2 that the weights scale to
    ATTENTION_MARGIN logits, so the attention is one-hot on position t. Its value reads that
    position's code into the decoder, and the output projection, whose row for each piece is
    the piece's own code, turns it back into that piece. CTranslate2 appends </s> to the
    source (`add_source_eos` in the model's config), so the step after the last piece copies
    </s> and decoding ends exactly there. An <unk> in the source is copied as <unk>, which
    `replace_unknowns` turns back into the source piece the head attended to.
    """

    CODE_CHANNELS = 64
    # Tells apart positions up to 2^10 - 1 apart: CTranslate2 reads at most 1024 source tokens.
    CLOCK_FREQUENCIES = 10
    CLOCK_CHANNELS = 4 * CLOCK_FREQUENCIES
    WIDTH = CODE_CHANNELS + CLOCK_CHANNELS
    # Logits between the right source position and any other in the attention, and between
    # the copied piece and any other in the output: int8 rounding moves them by a few percent.
    ATTENTION_MARGIN = 40.0
    LOGIT_MARGIN = 30.0

    @classmethod
    def check(cls, shape: ModelShape, target_prefix: str) -> None:
        if shape.heads != 1 or shape.d_model < cls.WIDTH:
            raise ValueError(
                f"a copying model needs one attention head and d_model >= {cls.WIDTH} "
                "(shape=COPYING)"
            )
        if target_prefix:
            raise ValueError("a copying model copies from the first decoding step: no prefix")

    def __init__(self, shape: ModelShape, generator: np.random.Generator) -> None:
        self.check(shape, "")
        self.shape = shape
        self.d = shape.d_model
        self.random = generator
        code, clock = self.CODE_CHANNELS, self.CLOCK_CHANNELS
        # Layer norm scales (mean 0, so the root mean square over d_model channels) of a
        # stream holding a code and a clock, and of one holding a clock only.
        self.scale_full = float(np.sqrt((code + clock / 2) / self.d))
        self.scale_clock = float(np.sqrt(clock / 2 / self.d))

    def spec(self, pieces: list[str]) -> transformer_spec.TransformerSpec:
        shape = self.shape
        spec = transformer_spec.TransformerSpec.from_config(
            (shape.encoder_layers, shape.decoder_layers), shape.heads
        )
        spec.config.add_source_eos = True
        codes = self._codes(len(pieces))
        clock = self._clock()
        # CTranslate2 multiplies embeddings by sqrt(d_model).
        spec.encoder.embeddings[0].weight = self._code_rows(codes / np.sqrt(self.d))
        spec.encoder.position_encodings.encodings = clock
        self._layer_norm(spec.encoder.layer_norm)
        for layer in spec.encoder.layer:
            self._silent_self_attention(layer.self_attention)
            self._silent_feed_forward(layer.ffn)
        spec.decoder.embeddings.weight = np.zeros((len(pieces), self.d), np.float32)
        spec.decoder.position_encodings.encodings = clock
        self._layer_norm(spec.decoder.layer_norm)
        # The last layer copies: its first head is the one CTranslate2 reads for alignments,
        # and so for replace_unknowns.
        last = len(spec.decoder.layer) - 1
        for index, layer in enumerate(spec.decoder.layer):
            self._silent_self_attention(layer.self_attention)
            self._cross_attention(layer.attention, copying=index == last)
            self._silent_feed_forward(layer.ffn)
        self._projection(spec.decoder.projection, codes)
        spec.register_source_vocabulary(pieces)
        spec.register_target_vocabulary(pieces)
        return spec

    def _codes(self, vocabulary: int) -> np.ndarray:
        half = self.CODE_CHANNELS // 2
        balanced = np.array([1.0] * half + [-1.0] * half, np.float32)
        return np.stack([self.random.permutation(balanced) for _ in range(vocabulary)])

    def _code_rows(self, codes: np.ndarray) -> np.ndarray:
        rows = np.zeros((len(codes), self.d), np.float32)
        rows[:, : self.CODE_CHANNELS] = codes
        return rows

    def _clock(self) -> np.ndarray:
        positions = np.arange(MAX_POSITIONS, dtype=np.float32)[:, None]
        angles = positions * (np.pi / 2.0 ** np.arange(self.CLOCK_FREQUENCIES, dtype=np.float32))
        cos, sin = np.cos(angles), np.sin(angles)
        encodings = np.zeros((MAX_POSITIONS, self.d), np.float32)
        block = np.stack([cos, sin, -cos, -sin], axis=2).reshape(MAX_POSITIONS, -1)
        encodings[:, self.CODE_CHANNELS : self.WIDTH] = block
        return encodings

    def _clock_reader(self) -> np.ndarray:
        """The cos and sin channels of each clock frequency (their negatives left out)."""
        starts = self.CODE_CHANNELS + 4 * np.arange(self.CLOCK_FREQUENCIES)
        return np.sort(np.concatenate([starts, starts + 1]))

    def _cross_attention(self, attention, copying: bool) -> None:
        self._layer_norm(attention.layer_norm)
        self._zero_linear(attention.linear[0], self.d, self.d)
        self._zero_linear(attention.linear[1], 2 * self.d, self.d)
        self._zero_linear(attention.linear[2], self.d, self.d)
        if not copying:
            return
        # Queries come from the decoder's clock (scale_clock), keys from the encoder's output
        # (scale_full); CTranslate2 divides scores by sqrt(head size), d_model for one head.
        gain = np.sqrt(self.ATTENTION_MARGIN / 2 * self.scale_clock * self.scale_full)
        gain *= np.sqrt(np.sqrt(self.d))
        clock = self._clock_reader()
        attention.linear[0].weight[clock, clock] = gain
        attention.linear[1].weight[clock, clock] = gain
        code = np.arange(self.CODE_CHANNELS)
        attention.linear[1].weight[self.d + code, code] = 1.0
        # The value is the code over the encoder's layer norm scale: restore it.
        attention.linear[2].weight[code, code] = self.scale_full

    def _projection(self, projection, codes: np.ndarray) -> None:
        similarity = codes @ codes.T
        np.fill_diagonal(similarity, -np.inf)
        closest = float(similarity.max())  # the largest dot product of two pieces' codes
        if closest >= self.CODE_CHANNELS:
            raise ValueError("two vocabulary pieces drew the same code: use another seed")
        # The decoder's final stream is clock + copied code, scaled by scale_full.
        gain = self.LOGIT_MARGIN * self.scale_full / (self.CODE_CHANNELS - closest)
        projection.weight = self._code_rows(codes * gain)
        projection.bias = np.zeros(len(codes), np.float32)

    def _silent_self_attention(self, attention) -> None:
        self._layer_norm(attention.layer_norm)
        self._zero_linear(attention.linear[0], 3 * self.d, self.d)
        self._zero_linear(attention.linear[1], self.d, self.d)

    def _silent_feed_forward(self, ffn) -> None:
        self._layer_norm(ffn.layer_norm)
        self._zero_linear(ffn.linear_0, self.shape.ffn, self.d)
        self._zero_linear(ffn.linear_1, self.d, self.shape.ffn)

    def _layer_norm(self, norm) -> None:
        norm.gamma = np.ones(self.d, np.float32)
        norm.beta = np.zeros(self.d, np.float32)

    @staticmethod
    def _zero_linear(linear, rows: int, columns: int) -> None:
        linear.weight = np.zeros((rows, columns), np.float32)
        linear.bias = np.zeros(rows, np.float32)
