"""The tables the fast path copied from feedparser still match the installed one."""

from __future__ import annotations

from app.feeds import fastparse_tables as tables


def test_copied_feedparser_tables_match_the_installed_feedparser():
    import feedparser.api
    from feedparser.datetimes.rfc822 import timezone_names
    from feedparser.html import _cp1252
    from feedparser.mixin import _FeedParserMixin

    handlers = {
        name.split("_", 2)[-1].lower()
        for name in dir(feedparser.api.StrictFeedParser)
        if name.startswith(("_start_", "_end_"))
    }
    assert handlers == tables.HANDLED
    assert _FeedParserMixin.namespaces == tables.FEEDPARSER_NAMESPACES
    assert _cp1252 == tables.CP1252
    assert timezone_names == tables.ZONES
    # Names of unknown namespaces are "prefix_local"; no handler may look like one whose
    # prefix is not a known one, or an unknown prefix could reach it.
    for name in handlers:
        if "_" in name and name != "content_encoded":
            assert name.split("_")[0] in tables.KNOWN_PREFIXES, name
