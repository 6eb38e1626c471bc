"""Which of the user's themes a feed item matches, by which keywords, and where.

Text is compared as words: case-folded, accents dropped, every other character a space
(fold), so "developer-platform" is "developer platform" and "platform's" is "platform s".
A keyword matches whole words; a phrase, consecutive words. Each keyword also matches a few
English inflections of itself, or of a phrase's last word (_forms):

- plural <-> singular: platform/platforms, policy/policies, process/processes, cache/caches;
  a word of 3+ letters gets its plural, a word of 4+ letters ending in -s its singular
  (not -ss, -us, -sis: "status", "analysis"; nor "news", "means", "goods");
- -ing and -ed from a word of 4+ letters: mentor -> mentoring/mentored, scale ->
  scaling/scaled, deploy -> deploying/deployed, ship -> shipping/shipped. Not the other way
  round ("scaling" does not match "scale": "evening" is not "even"), and no other suffix
  ("scale" does not match "scalar"). The price: "react" matches "reacted";
- words of 1-2 letters ("ai", "go") and words with digits ("k8s", "web3") match only as
  written.

Inflections are generated per keyword when a Matcher is built; scoring an item is then a
set intersection of its words with all keyword forms, done in C (str.encode, bytes
translate and split, frozenset.intersection). A phrase is looked for in the text (one
substring test) only when all its words are among the item's.
"""

# No `from __future__ import annotations`: see app/types.py (NamedTuple start-up cost).
import codecs
from collections.abc import Callable, Iterable
from typing import NamedTuple, cast


class ThemeTerms(NamedTuple):
    """What matching needs of a theme."""

    theme_id: int
    keywords: tuple[str, ...]  # words or phrases ("kubernetes", "internal developer platform")
    excluded: tuple[str, ...] = ()  # words or phrases: any of them in title or summary vetoes


class Match(NamedTuple):
    """A theme an item matches, how strongly, and by which keywords."""

    theme_id: int
    relevance: float  # 0 < relevance < 1
    terms: tuple[tuple[str, str], ...]  # (keyword as the user wrote it, "title" or "summary")


_TITLE = "title"
_SUMMARY = "summary"
_TITLE_WEIGHT = 3.0  # a keyword in the title says more about the item than one in its summary
_PHRASE_FACTOR = 1.5  # a phrase is more specific than a word


def fold(text: str) -> str:
    """Text as matching compares it: case-folded, no accents, punctuation as single spaces."""
    return b" ".join(_words(text)).decode()


class _Term(NamedTuple):
    slot: int  # the theme's position in the Matcher
    keyword: str  # as the user wrote it
    title_weight: float
    summary_weight: float


class _Phrase(NamedTuple):
    leading: frozenset[bytes]  # all its words but the last
    forms: tuple[tuple[bytes, bytes], ...]  # (a form of the last word, b" the whole phrase ")


class _Lookup(NamedTuple):
    """What a word found in an item may mean: a keyword, the start of a phrase, or a veto."""

    slot: int
    term: int | None  # index into Matcher._terms; None: an excluded word or phrase
    phrase: _Phrase | None  # None: the word is the keyword


class Matcher:
    """Scores feed items against a fixed set of themes."""

    def __init__(self, themes: Iterable[ThemeTerms]) -> None:
        self._theme_ids: list[int] = []
        self._terms: list[_Term] = []
        index: dict[bytes, list[_Lookup]] = {}
        for slot, theme in enumerate(themes):
            self._theme_ids.append(theme.theme_id)
            seen: set[bytes] = set()
            for keyword in theme.keywords:
                words = _words(keyword)
                folded = b" ".join(words)
                if not words or folded in seen:
                    continue
                seen.add(folded)
                weight = _PHRASE_FACTOR if len(words) > 1 else 1.0
                self._terms.append(_Term(slot, keyword.strip(), weight * _TITLE_WEIGHT, weight))
                _index_words(index, words, slot, len(self._terms) - 1)
            for keyword in theme.excluded:
                if words := _words(keyword):
                    _index_words(index, words, slot, None)
        self._index = {word: tuple(lookups) for word, lookups in index.items()}
        self._vocabulary = frozenset(index)

    def match(self, title: str, text: str) -> tuple[Match, ...]:
        """The themes the item matches and none vetoes, best first (ties: lower theme_id first)."""
        if not self._vocabulary:  # no keywords at all (themes from OPML folders, say)
            return ()
        title_words = _words(title)
        text_words = _words(text)
        in_title = self._vocabulary.intersection(title_words)
        in_text = self._vocabulary.intersection(text_words)
        if not in_title and not in_text:
            return ()
        found: dict[int, str] = {}  # term -> where: the title if it is there
        vetoed: set[int] = set()
        self._look_up(in_title, title_words, _TITLE, found, vetoed)
        self._look_up(in_text, text_words, _SUMMARY, found, vetoed)

        weighed: dict[int, list[tuple[float, int]]] = {}
        for term, place in found.items():
            slot, _, title_weight, summary_weight = self._terms[term]
            if slot not in vetoed:
                weight = title_weight if place == _TITLE else summary_weight
                weighed.setdefault(slot, []).append((-weight, term))
        matches = []
        for slot, terms in weighed.items():
            terms.sort()  # heaviest first, then in the user's order
            total = -sum(weight for weight, _ in terms)
            # One summary word: 1/3, one title word: 3/5; more terms approach 1.
            shown = tuple((self._terms[term].keyword, found[term]) for _, term in terms)
            matches.append(Match(self._theme_ids[slot], total / (total + 2), shown))
        matches.sort(key=_best_first)
        return tuple(matches)

    def _look_up(
        self,
        hits: frozenset[bytes],
        words: list[bytes],
        place: str,
        found: dict[int, str],
        vetoed: set[int],
    ) -> None:
        line = b""  # the words as one string, for phrases; built only if one may be there
        for word in hits:
            for slot, term, phrase in self._index[word]:
                if term in found or slot in vetoed:
                    continue
                if phrase:
                    # Substring tests cost ~1 µs each on a long summary: skip them unless all
                    # the phrase's words are there (a phrase's first word is often "on", "team").
                    if not phrase.leading <= hits:
                        continue
                    line = line or b" %s " % b" ".join(words)
                    if not any(last in hits and whole in line for last, whole in phrase.forms):
                        continue
                if term is None:
                    vetoed.add(slot)
                else:
                    found[term] = place


def _best_first(match: Match) -> tuple[float, int]:
    return -match.relevance, match.theme_id


def _index_words(
    index: dict[bytes, list[_Lookup]], words: list[bytes], slot: int, term: int | None
) -> None:
    """File a word under each of its forms, a phrase under its first word."""
    if len(words) == 1:
        for form in _forms(words[0]):
            index.setdefault(form, []).append(_Lookup(slot, term, None))
        return
    leading = b" ".join(words[:-1])
    endings = _forms(words[-1])
    forms = tuple((last, b" %s %s " % (leading, last)) for last in endings)
    index.setdefault(words[0], []).append(
        _Lookup(slot, term, _Phrase(frozenset(words[:-1]), forms))
    )
    for word in (*words[1:-1], *endings):
        index.setdefault(word, [])  # not a lookup, but _look_up needs to know it is there


# Folding. ASCII text goes through str.encode and bytes.translate only; each run of
# non-ASCII characters is handed to _fold_run by the encoder. Words come out as UTF-8 bytes,
# which bytes.split cuts at ASCII spaces only: UTF-8 never uses ASCII bytes inside a letter.
_FOLD_ERRORS = "digwell.strategy.fold"
_ASCII_WORDS = bytes(
    (ord(chr(b).lower()) if chr(b).isalnum() else 0x20) if b < 0x80 else b for b in range(256)
)
_RUN_CACHE_SIZE = 50_000


def _words(text: str) -> list[bytes]:
    return text.encode("ascii", _FOLD_ERRORS).translate(_ASCII_WORDS).split()


class _RunTable(dict[int, "str | None"]):
    """str.translate table for folded non-ASCII text, filled in as characters turn up."""

    def __missing__(self, code: int) -> str | None:
        import unicodedata  # not at module level: most text never needs it

        char = chr(code)
        if unicodedata.combining(char):
            kept = None  # an accent NFKD took off its letter
        elif char.isalnum() or unicodedata.category(char).startswith("M"):
            kept = char  # letters, digits, and vowel signs (Devanagari, Thai)
        else:
            kept = " "
        self[code] = kept
        return kept


_RUN_TABLE = _RunTable({0x02BC: " "})  # "ʼ" is a letter to Unicode, an apostrophe to writers
_folded_runs: dict[str, bytes] = {}  # words recur: "é" in French, whole words in Russian


def _fold_run(error: UnicodeEncodeError) -> tuple[bytes, int]:
    run = error.object[error.start : error.end]
    folded = _folded_runs.get(run)
    if folded is None:
        import unicodedata

        # casefold before NFKD: "ß" -> "ss", "İ" -> "i" + dot above (dropped as an accent)
        normal = unicodedata.normalize("NFKD", run.casefold())
        folded = normal.translate(_RUN_TABLE).encode()
        if len(_folded_runs) >= _RUN_CACHE_SIZE:
            _folded_runs.clear()
        _folded_runs[run] = folded
    return folded, error.end


# Only str.encode above uses this handler, so it is only ever given UnicodeEncodeError.
codecs.register_error(_FOLD_ERRORS, cast("Callable[[UnicodeError], tuple[bytes, int]]", _fold_run))


# Inflections (see the module docstring): built once per keyword, so clarity over speed.
_VOWELS = frozenset("aeiou")
_NOT_PLURALS = frozenset({"news", "means", "goods"})  # their singular is another word


def _forms(word: bytes) -> list[bytes]:
    """The folded word and the inflections it matches."""
    if len(word) < 3 or not word.isalpha():  # bytes.isalpha: ASCII letters only
        return [word]
    text = word.decode()
    forms = {text}
    singular = _singular(text)
    if singular:
        base, also = singular
        forms.add(also)
    else:
        base = text
    forms.add(base)
    forms.add(_plural(base))
    if len(base) >= 4 and not base.endswith(("ing", "ed")):
        forms.update(_ing_ed(base))
    return sorted(form.encode() for form in forms)


def _singular(word: str) -> tuple[str, str] | None:
    """For a plural: its singular, and another spelling it may have had; else None."""
    if (
        len(word) < 4
        or not word.endswith("s")
        or word.endswith(("ss", "us", "sis"))
        or word in _NOT_PLURALS
    ):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y", word[:-1]  # policies: policy; cookies: cookie
    if word.endswith(("sses", "xes", "zzes", "ches", "shes")):
        return word[:-2], word[:-1]  # processes: process; caches: cache
    return word[:-1], word[:-1]


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _ing_ed(word: str) -> list[str]:
    if word.endswith(("ee", "ye", "oe")):
        return [word + "ing", word + "d"]
    if word.endswith("e"):
        return [word[:-1] + "ing", word + "d"]
    if word.endswith("y") and word[-2] not in _VOWELS:
        return [word + "ing", word[:-1] + "ied"]
    if _ends_consonant_vowel_consonant(word):
        # ship -> shipping; "mentor" -> "mentoring" too, since only stress would tell
        doubled = word + word[-1]
        forms = [doubled + "ing", doubled + "ed"]
        if _vowel_groups(word) > 1:
            forms += [word + "ing", word + "ed"]
        return forms
    return [word + "ing", word + "ed"]


def _ends_consonant_vowel_consonant(word: str) -> bool:
    last, before, third = word[-1], word[-2], word[-3]
    return last not in _VOWELS and last not in "wxy" and before in _VOWELS and third not in _VOWELS


def _vowel_groups(word: str) -> int:
    return sum(
        1
        for i, char in enumerate(word)
        if char in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS)
    )
