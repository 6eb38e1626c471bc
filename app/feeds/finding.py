"""Finding a feed to subscribe to: the address itself, or the feeds a web page links to
(autodiscovery), fetched as politely as a refresh fetches."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from app.errors import DigwellError
from app.i18n import _

if TYPE_CHECKING:
    from app.credentials import FeedSecret

# (url) -> (status, lower-cased headers, body); injectable for tests.
Getter = Callable[[str], tuple[int, dict[str, str], bytes]]


class FeedChoice(NamedTuple):
    url: str
    title: str
    kind: str


def http_get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One polite GET through the fetcher (same caps, same User-Agent)."""
    from app.feeds.fetch import FetchRequest
    from app.feeds.fetch_pool import fetch_all_sync

    request = FetchRequest(0, url, headers=tuple((headers or {}).items()))
    (result,) = fetch_all_sync([request])
    if result.status == "error" and result.http_status is None:
        raise DigwellError(result.error, _("Check the address and your connection."))
    return result.http_status or 0, result.headers, result.body or b""


def find_feeds(
    url: str, get: Getter | None = None, *, secret: FeedSecret | None = None
) -> list[FeedChoice]:
    """The feed at `url`, or the feeds a web page links to (autodiscovery). A private
    feed's `secret` signs the requests in. "example.com/blog" means https://."""
    from app.feeds.discover import discover

    if get is None:
        headers = None
        if secret is not None:
            from app.credentials import auth_headers

            headers = auth_headers(secret)
        get = functools.partial(http_get, headers=headers)
    return [FeedChoice(f.url, f.title, f.kind) for f in discover(url, get)]
