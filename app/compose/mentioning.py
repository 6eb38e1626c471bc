"""People in a draft's text, and their mentions per platform (docs/PEOPLE.md, "Mentions").

Pure rules over text: the keys a text may name people by (app/text/names.py), the
longest names it holds, and a text with its people's mentions turned from one platform's
form to another's. Who those people are is the store's answer (app/compose/credits.py).

- A name is matched as 1 to 4 words, ignoring case, accents and punctuation, never across
  a sentence's punctuation, the longest first; a one-word name only where the text
  writes it with a capital ("Will", not "will").
- A mention is `@h` (X, Threads), `@handle.bsky.social` (Bluesky) or `@user@server`
  (Mastodon); an e-mail address is not one. Names inside links and mentions don't count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from app.people.mentions import mention
from app.text.names import handle_key, name_key
from app.types import Person

MAX_NAME_WORDS = 4
# `@user`, `@user.bsky.social`, `@user@server`; not "me@example.com" nor "a/@b".
_MENTION = re.compile(
    r"(?<![\w@/.=+-])@[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?"
)
_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# Words of a name run through spaces, apostrophes and hyphens, not through sentence marks.
_BREAK = re.compile(r"[^\w\s'’\-]+|_+")
_WORD = re.compile(r"[^\W_]+")
# What may not follow a mention for it to be the whole mention (a longer handle, a server).
_MENTION_END = r"(?![\w-]|[.@][A-Za-z0-9_])"


def mention_keys(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each @mention in the text, in order."""
    found = []
    for m in _MENTION.finditer(text):
        key = handle_key(m.group(0))
        if key:
            found.append((m.start(), m.end(), key))
    return found


def name_grams(text: str) -> list[tuple[int, list[tuple[int, str]]]]:
    """For each word that may start a name: (its start, [(end, `n:` key) for 1 to 4
    words, longest first]). A single word only when it does not start in lower case."""
    blank = _blank(text, [(m.start(), m.end()) for m in _LINK.finditer(text)])
    blank = _blank(blank, [(s, e) for s, e, _ in mention_keys(text)])
    grams: list[tuple[int, list[tuple[int, str]]]] = []
    for segment in _segments(blank):
        words = [(m.start(), m.end(), name_key(m.group(0))) for m in _WORD.finditer(text, *segment)]
        words = [w for w in words if w[2]]
        for i, (start, _, _) in enumerate(words):
            options = []
            for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
                if n == 1 and text[start].islower():
                    continue
                key = " ".join(w[2] for w in words[i : i + n])
                options.append((words[i + n - 1][1], "n:" + key))
            if options:
                grams.append((start, options))
    return grams


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with these spans turned into a sentence mark (so no name runs over them)."""
    out = list(text)
    for start, end in spans:
        out[start:end] = "." * (end - start)
    return "".join(out)


def _segments(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` between sentence marks, as (start, end)."""
    segments, at = [], 0
    for m in _BREAK.finditer(text):
        if m.start() > at:
            segments.append((at, m.start()))
        at = m.end()
    if at < len(text):
        segments.append((at, len(text)))
    return segments


def lookup_keys(text: str) -> list[str]:
    """Every key the text may name a person by (to look up in one query)."""
    keys = [key for _, _, key in mention_keys(text)]
    keys += [key for _, options in name_grams(text) for _, key in options]
    return list(dict.fromkeys(keys))


def matches(text: str, known: set[str]) -> list[str]:
    """The keys of `known` the text names, in order of appearance: mentions, and the
    longest names that do not overlap."""
    hits = [(start, key) for start, _, key in mention_keys(text) if key in known]
    taken_until = -1
    for start, options in name_grams(text):
        if start < taken_until:
            continue
        for end, key in options:
            if key in known:
                hits.append((start, key))
                taken_until = end
                break
    return [key for _, key in sorted(hits)]


def retarget(text: str, people: Sequence[Person], old: str, new: str) -> str:
    """The text with each person's mention for platform `old` written as their mention
    for `new` (`Priya Raman` on LinkedIn becomes `@priya` on X), whole mentions only."""
    if old == new:
        return text
    for person in people:
        before, after = mention(person, old), mention(person, new)
        if before == after or not before:
            continue
        start = r"(?<![\w@/.])" if before.startswith("@") else r"(?<![\w@])"
        pattern = re.compile(start + re.escape(before) + _MENTION_END, re.IGNORECASE)
        text = pattern.sub(after.replace("\\", "\\\\"), text)
    return text


def owner(key: str, candidates: Sequence[Person], platform: str) -> Person | None:
    """Who of the people holding `key` the text means: for a mention, the one whose
    handle on the draft's platform it is; else the earliest added."""
    if not candidates:
        return None
    if key.startswith("@"):
        for person in candidates:
            if handle_key(mention(person, platform)) == key:
                return person
    return min(candidates, key=lambda p: p.id)
