"""Choosing a language and translating (docs/TRANSLATION.md)."""

from __future__ import annotations

import pytest

from app.i18n import _, ngettext, pgettext, translate
from app.i18n.pseudo import CLOSE, OPEN, pseudo


@pytest.mark.parametrize(
    ("env", "wanted"),
    [
        ({"DIGWELL_LANGUAGE": "de", "LANG": "en_US.UTF-8"}, ["de"]),
        ({"LANGUAGE": "fr:de", "LANG": "en_US.UTF-8"}, ["fr", "de", "en_US"]),
        ({"LC_ALL": "de_AT.UTF-8", "LANG": "en_GB.UTF-8"}, ["de_AT"]),
        ({"LC_MESSAGES": "de_CH.UTF-8@euro"}, ["de_CH"]),
        ({"LANG": "C.UTF-8"}, []),
        ({}, []),
    ],
)
def test_the_environment_names_the_wanted_languages(env, wanted):
    assert translate.system_languages(env) == wanted


def test_the_system_languages_come_after_the_environment():
    assert translate.system_languages({}, fallback=["de-DE", "en-US"]) == ["de_DE", "en_US"]
    assert translate.system_languages({"LANG": "en_GB"}, fallback=["de-DE"]) == ["en_GB", "de_DE"]


@pytest.mark.parametrize(
    ("wanted", "chosen"),
    [
        (["fr", "de", "en_US"], "de"),  # no French: the next one Digwell has
        (["fr", "en_US", "de"], "en"),  # English asked for before German
        (["de_AT"], "de"),
        (["pseudo"], "pseudo"),
        (["fr"], "en"),
        ([], "en"),
    ],
)
def test_the_first_language_digwell_has_is_chosen(wanted, chosen):
    assert translate.choose_language(wanted) == chosen


def test_german_translates_and_counts_plurals():
    assert translate.use_language("de_DE") == "de"
    assert translate.language() == "de"
    assert _("just now") == "gerade eben"
    one = ngettext("{count} day ago", "{count} days ago", 1).format(count=1)
    three = ngettext("{count} day ago", "{count} days ago", 3).format(count=3)
    assert (one, three) == ("vor 1 Tag", "vor 3 Tagen")
    assert _("A message no catalogue has") == "A message no catalogue has"


def test_english_is_the_source_text():
    translate.use_language("en_US")
    assert _("just now") == "just now"
    assert ngettext("{count} post", "{count} posts", 1) == "{count} post"
    assert ngettext("{count} post", "{count} posts", 0) == "{count} posts"
    assert pgettext("verb", "Post") == "Post"


def test_a_language_without_catalogue_falls_back_to_english():
    assert translate.use_language("fr_FR") == "en"
    assert _("just now") == "just now"


def test_pseudo_lengthens_by_forty_percent_and_keeps_what_formatting_needs():
    text = "Refresh {count} feeds from %s <b>now</b> &amp; &&later"
    out = pseudo(text)
    assert out.startswith(OPEN) and out.endswith(CLOSE)
    for kept in ("{count}", "%s", "<b>", "</b>", "&amp;", "&&"):
        assert kept in out
    assert len(out) >= len(text) * 1.4
    assert "Refresh" not in out and "feeds" not in out
    assert out.format(count=3)  # still a valid format string


def test_pseudo_is_a_language():
    translate.use_language("pseudo")
    assert _("just now") == pseudo("just now")
    assert ngettext("{count} day ago", "{count} days ago", 2) == pseudo("{count} days ago")
    assert pgettext("verb", "Post") == pseudo("Post")
    assert pseudo("") == ""
    assert pseudo("Line\n").endswith(CLOSE + "\n")


def test_english_for_a_while():
    from app.i18n import english

    translate.use_language("de")
    with english():
        assert _("just now") == "just now"
    assert _("just now") == "gerade eben"
