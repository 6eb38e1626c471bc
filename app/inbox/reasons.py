"""Why an item ranks where it does, in words: the inbox's rows and preview say it."""

from __future__ import annotations

from collections.abc import Iterable


def reason(theme_name: str, terms: Iterable[tuple[str, str]]) -> str:
    """Why an item matches a theme: "Platform engineering: kubernetes (title), sre (summary)"."""
    listed = ", ".join(f"{keyword} ({place})" for keyword, place in terms)
    return f"{theme_name}: {listed}" if listed else theme_name
