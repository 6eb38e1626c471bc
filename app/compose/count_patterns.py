"""What the counters use of other libraries, loaded when first needed: twitter-text's
URL finder, weights, normalisation and emoji (twitter_text takes ~0.1 s to import),
`regex`'s grapheme clusters and Mastodon's mention pattern (regex ~15 ms).
"""

from __future__ import annotations

import re
import sys
import threading
import types
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypedDict

    import regex

    class UrlEntity(TypedDict):
        """A URL twitter_text's extract_urls_with_indices finds."""

        url: str
        indices: list[int]  # [start, end]

    class EmojiMatchers(TypedDict):
        """_emoji_matchers' pieces of TwitterText."""

        emoji_start: re.Pattern[str]
        emoji_at: Callable[[str], re.Pattern[str]]


# Account::MENTION_RE and Extractor.extract_mentions_or_lists_with_indices in
# Mastodon; [[:word:]] is Unicode there, as `regex`'s \w is.
_MENTION = r"(?<![=/\w])@((?i:[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@(\w+(?:[.-]+\w+)*))?)"

_lock = threading.Lock()
_cache: dict[str, Any] = {}  # "graphemes", "mentions": regex.Pattern; "twitter_text": TwitterText


class TwitterText(types.SimpleNamespace):
    """twitter_text's pieces that the counters use: a namespace, its pieces' types
    declared for the type checker (the package has none)."""

    parse_tweet: Callable[..., Any]
    options: dict[str, Any]  # config["defaults"]: the weights, scale and limits
    extract_urls_with_indices: Callable[..., list[UrlEntity]]
    normalize: Callable[[str], str]
    scale: int
    url_weight: int
    default_weight: int
    light_weight: int
    heavy_extra: int
    heavy: re.Pattern[str]
    weight: Callable[[str], int]
    refused: re.Pattern[str]
    end_mention: re.Pattern[str]
    emoji_start: re.Pattern[str]
    emoji_at: Callable[[str], re.Pattern[str]]


def preload() -> None:
    """Import what the counters need now (~0.1 s), e.g. off the UI thread before the
    composer opens, rather than on the first keystroke that needs it."""
    twitter_text()
    graphemes()
    mastodon_mentions()


def graphemes() -> regex.Pattern[str]:
    """`regex`'s pattern for one grapheme cluster (\\X)."""
    pattern: regex.Pattern[str] | None = _cache.get("graphemes")
    if pattern is None:
        import regex

        pattern = _cache["graphemes"] = regex.compile(r"\X")
    return pattern


def mastodon_mentions() -> regex.Pattern[str]:
    """Mastodon's mention pattern: group 2 is the domain of a remote "@user@domain"."""
    pattern: regex.Pattern[str] | None = _cache.get("mentions")
    if pattern is None:
        import regex

        pattern = _cache["mentions"] = regex.compile(_MENTION)
    return pattern


def twitter_text() -> TwitterText:
    """twitter_text's pieces that the counters use, imported once."""
    tt: TwitterText | None = _cache.get("twitter_text")
    if tt is None:
        with _lock:
            tt = _cache.get("twitter_text") or _load_twitter_text()
            _cache["twitter_text"] = tt
    return tt


def _load_twitter_text() -> TwitterText:
    with _without_pkg_resources():
        from twitter_text import extract_urls_with_indices, parse_tweet
        from twitter_text.config import config
        from twitter_text.parse_tweet import convert_line_ending
        from twitter_text.regexp import emoji as emoji_module
        from twitter_text.regexp.invalid_chars import invalid_chars
        from twitter_text.regexp.latin_accent_chars import latin_accent_chars

    options = config["defaults"]
    weights: set[int] = {r["weight"] for r in options["ranges"]}
    if len(weights) != 1:  # v3 has one weight for all its ranges; count_x's sums rely on it
        raise RuntimeError("twitter_text's weights changed: update app/compose/count_x.py")
    (light,) = weights
    default_weight: int = options["default_weight"]
    light_chars = "".join(
        f"{re.escape(chr(r['start']))}-{re.escape(chr(r['end']))}" for r in options["ranges"]
    )
    light_char = re.compile(f"[{light_chars}]")

    def weight(char: str) -> int:
        return light if light_char.match(char) else default_weight

    return TwitterText(
        parse_tweet=parse_tweet,
        options=options,
        extract_urls_with_indices=extract_urls_with_indices,
        normalize=lambda text: convert_line_ending(unicodedata.normalize("NFC", text)),
        scale=options["scale"],
        url_weight=options["transformed_url_length"] * options["scale"],
        default_weight=default_weight,
        light_weight=light,
        heavy_extra=default_weight - light,
        heavy=re.compile(f"[^{light_chars}]"),
        weight=weight,
        refused=invalid_chars,
        end_mention=re.compile(rf"[@＠{latin_accent_chars.pattern}]|://"),
        **_emoji_matchers(emoji_module),
    )


def _emoji_matchers(emoji_module: types.ModuleType) -> EmojiMatchers:
    """emoji_start finds where an emoji can start; emoji_at(char) is the emoji regex
    cut down to what can match at that character. Falls back to the whole regex if
    the package builds it differently from twitter-text-parser 3.0."""
    pattern = emoji_module.emoji
    multi = emoji_module.multi_codepoint_emoji_joined.split("|")
    single = f"[{emoji_module.single_codepoint_emoji_raw}]"
    escape = re.compile(r"(?:\\U[0-9A-Fa-f]{8})+")
    if pattern.pattern != "|".join([*multi, single]) or not all(map(escape.fullmatch, multi)):
        return {"emoji_start": re.compile(r"(?s)."), "emoji_at": lambda char: pattern}
    by_first: dict[str, list[str]] = {}
    for alternative in multi:  # each is \UXXXXXXXX\UXXXXXXXX...: the first 10 characters
        by_first.setdefault(chr(int(alternative[2:10], 16)), []).append(alternative)
    firsts = "".join(re.escape(char) for char in by_first)
    single_only = re.compile(single, pattern.flags)
    cut: dict[str, re.Pattern[str]] = {}

    def emoji_at(char: str) -> re.Pattern[str]:
        if char not in by_first:
            return single_only
        if char not in cut:
            cut[char] = re.compile("|".join([*by_first[char], single]), pattern.flags)
        return cut[char]

    return {
        "emoji_start": re.compile(f"[{emoji_module.single_codepoint_emoji_raw}{firsts}]"),
        "emoji_at": emoji_at,
    }


@contextmanager
def _without_pkg_resources() -> Iterator[None]:
    """twitter-text-parser 3.0 reads its emoji list with pkg_resources, which recent
    setuptools deprecates (a warning: an error under our pytest settings) and which
    Python 3.12+ virtual environments lack. While it is imported, it gets the one
    function it calls, reading the file with importlib.resources instead."""

    def resource_string(module_name: str, resource: str) -> bytes:
        from importlib.resources import files

        spec = sys.modules[module_name].__spec__
        parent = spec.parent if spec is not None else ""
        return files(parent or module_name).joinpath(resource).read_bytes()

    shim = types.ModuleType("pkg_resources")
    shim.resource_string = resource_string  # type: ignore[attr-defined]
    missing = object()
    saved = sys.modules.get("pkg_resources", missing)
    sys.modules["pkg_resources"] = shim
    try:
        yield
    finally:
        if saved is missing:
            del sys.modules["pkg_resources"]
        else:
            # What was there, None (an import blocker) included: typeshed allows modules only.
            sys.modules["pkg_resources"] = saved  # type: ignore[assignment]
