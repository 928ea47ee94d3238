"""The line breaker's fast path (regular expressions over a string of classes, bisection over
columns) chooses the same breaks as its line-for-line port of libunistring's loop."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from translate import linebreak

# Characters of every class the fast path handles, and some it hands to the reference loop.
ALPHABET = (
    "aZ09 \u00a0\u202f-\u2010\u2013\u2014/,.:;!?\"'«»“”‘’()[]{}$%+\\…·"
    "حلب،؟٪١٠\u064e\u0650Алеппо日本語。、ァッーー：ㄱ가각\u0301\u0e01\u0eb0"
    "\u05d1\u05d7\u05e8\u058a\u17d4\u0f0b\u0cbf\u0cc6\u200b\u200d\u2060\U0001f1e6\U0001f600"
)

texts = st.text(alphabet=ALPHABET, max_size=160)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(min_value=5, max_value=80), st.integers(min_value=0, max_value=20))
def test_fast_path_equals_libunistring_loop(text: str, width: int, start: int) -> None:
    classes = linebreak.class_string(text)
    expected = linebreak._reference_wrap(text, classes, set(), width, start)
    assert linebreak.Breaker(text, set()).breaks(width, start) == expected


@settings(max_examples=200, deadline=None)
@given(texts)
def test_fast_opportunities_equal_libunistring_loop(text: str) -> None:
    classes = linebreak.class_string(text)
    if linebreak._STATEFUL.search(classes) is not None:
        return
    states = linebreak.reference_breaks([ord(code) - 0xC0 for code in classes])
    expected = [i for i, state in enumerate(states) if state == linebreak._POSSIBLE]
    assert linebreak._opportunities(classes) == expected
