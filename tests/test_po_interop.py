"""Catalogs we did not write come out of a load and save exactly as `msgcat` writes them: the
committed Django catalogs (BSD, `tests/data/django`), and the cases `benchmarks/interop.py`
found on Django, Sphinx, django-allauth and Weblate."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from translate.files import catalog_bytes, load_catalog
from translate.po import read_po

needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext missing")
DJANGO = Path(__file__).parent / "data" / "django"
CATALOGS = sorted(DJANGO.rglob("*.po"))

CASES = {
    "trailing blanks in comments": (
        '# Copyright (C) 2024 \nmsgid ""\nmsgstr ""\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n# note \n#. extracted  \n'
        'msgid "a"\nmsgstr "b"\n'
    ),
    "fuzzy plural whose first form is translated": (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : 2);\\n"\n\n'
        '#, fuzzy\n#~| msgid "a second ago"\n#~ msgid "a day ago"\n'
        '#~ msgid_plural "%(count)s days ago"\n#~ msgstr[0] "pred sekundo"\n#~ msgstr[1] ""\n'
        '#~ msgstr[2] "pred %(count)s"\n#~ msgstr[3] "pred %(count)s"\n\n'
        '#, fuzzy\nmsgid "x"\nmsgid_plural "xs"\nmsgstr[0] ""\nmsgstr[1] "y"\nmsgstr[2] ""\n'
        'msgstr[3] ""\n'
    ),
}


def msgcat(data: bytes) -> bytes:
    return subprocess.run(["msgcat", "-"], input=data, capture_output=True, check=True).stdout


@needs_gettext
@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(DJANGO)))
def test_django_catalog_is_written_as_msgcat_writes_it(path: Path) -> None:
    assert catalog_bytes(load_catalog(path), str(path)) == msgcat(path.read_bytes())


@needs_gettext
@pytest.mark.parametrize("name", CASES)
def test_found_differences_stay_fixed(name: str) -> None:
    text = CASES[name]
    assert catalog_bytes(read_po(text), name) == msgcat(text.encode())
