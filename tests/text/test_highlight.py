"""Highlighter: terms marked whole-word, case- and accent-insensitively, text escaped."""

from app.text.highlight import HIGHLIGHT_STYLE, Highlighter

MARK = f'<span style="{HIGHLIGHT_STYLE}">'


def test_no_terms_only_escapes():
    assert Highlighter([])("a < b & c") == "a &lt; b &amp; c"


def test_marks_keep_the_text_as_written():
    out = Highlighter(["élan", "ss"])("ÉLAN and Elan; Straße")
    assert out == f"{MARK}ÉLAN</span> and {MARK}Elan</span>; Straße"


def test_a_term_that_is_not_a_word_marks_nothing():
    assert Highlighter(["-", "..."])("a - b ... c") == "a - b ... c"


def test_at_most_64_terms():
    terms = [f"t{i}" for i in range(100)]
    out = Highlighter(terms)(" ".join(terms))
    assert out.count(MARK) == 64


def test_decomposed_accents_fold_with_positions_kept():
    out = Highlighter(["cafe"])("un cafe\u0301 noir")  # e + combining acute, NFC'd first
    assert out == f"un {MARK}café</span> noir"
