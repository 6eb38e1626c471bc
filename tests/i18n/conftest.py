"""Tests that choose a language put English back afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.i18n import formats, translate


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    translate.use_language("en_GB")
    formats.use_locale("en_GB")
