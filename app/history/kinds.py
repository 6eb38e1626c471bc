"""What kind of post an imported one is, and its theme (docs/HISTORY.md, "Kinds and
themes"). Pure rules: the people's keys and the theme matcher are handed in.

- A bare repost, retweet or boost is a `share`, whatever its text.
- Otherwise a post whose text names or @mentions one of the user's people is a
  `credit`: the rule of app/compose/credits.py `named_in` (app/compose/mentioning.py),
  with every key looked up once for the whole file instead of one query a post.
- Otherwise a post that shares a link is a `share`, one without an `original`.
- Its theme is the best theme the inbox's matching finds (app/strategy/matching.py):
  the first line as the title, the rest as the text; none when nothing matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from app.compose import mentioning
from app.history.records import HistoryPost
from app.text.names import handle_key, name_key

_WORD = re.compile(r"[^\W_]+")  # as app/compose/mentioning.py cuts a text into words


class _Match(Protocol):
    @property
    def theme_id(self) -> int: ...


ThemeMatcher = Callable[[str, str], Sequence[_Match]]  # (title, text) -> best first


class Credits:
    """Whether a text names one of the people holding `keys` (`n:` names, `@` handles).

    Most posts name nobody, so a cheap test comes first: a name can only be found where
    the text holds its first word, a mention only where it holds an `@`."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = set(keys)
        self._handles = any(key.startswith("@") for key in self.keys)
        self._first_words = frozenset(
            key[2:].split(" ", 1)[0] for key in self.keys if key.startswith("n:")
        )

    def __bool__(self) -> bool:
        return bool(self.keys)

    def names_someone(self, text: str) -> bool:
        if not self.keys or not text:
            return False
        if (
            self._handles
            and "@" in text
            and any(key in self.keys for _, _, key in mentioning.mention_keys(text))
        ):
            return True
        if not self._first_words:
            return False
        # The words as name_key folds them: plain lower case for ASCII text.
        words = _WORD.findall(text.lower()) if text.isascii() else name_key(text).split()
        if self._first_words.isdisjoint(words):
            return False
        return bool(mentioning.matches(text, self.keys))


def new_people_keys(fields: Iterable[dict[str, str]]) -> set[str]:
    """The name and handle keys of people an import is about to add (a LinkedIn export's
    connections), so its posts crediting them are credits too."""
    keys: set[str] = set()
    for person in fields:
        if key := name_key(person.get("name", "")):
            keys.add("n:" + key)
        for field in ("x", "threads", "mastodon", "bluesky"):
            if handle := handle_key(person.get(field, "")):
                keys.add(handle)
    return keys


def post_kind(post: HistoryPost, credits: Credits) -> str:
    """share, credit or original, by the rules above."""
    if post.repost:
        return "share"
    if credits.names_someone(post.text):
        return "credit"
    return "share" if post.link else "original"


def title_and_text(text: str) -> tuple[str, str]:
    """A post as the matcher takes an item: its first line as the title, the rest as
    the text."""
    first, _, rest = text.strip().partition("\n")
    return first, rest


def post_theme(post: HistoryPost, matcher: ThemeMatcher, themes: set[int]) -> int | None:
    """The best of the user's themes the post matches, or None."""
    if not post.text.strip():
        return None
    for match in matcher(*title_and_text(post.text)):
        if match.theme_id in themes:  # a theme deleted since the last ranking: skip it
            return match.theme_id
    return None
