"""Masking secrets in log text: the rules, and the registered secrets (app.log_masking)."""

from __future__ import annotations

import json
import re
from urllib.parse import quote, quote_plus

import pytest

from app import log_masking

SECRET = "s3cr3t-Tok3n-7f2c9a"  # never written anywhere, by any rule


@pytest.fixture(autouse=True)
def _forget_secrets():
    yield
    log_masking.forget_secrets()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # header lines
        (f"Authorization: Bearer {SECRET}", "Authorization: ***"),
        (f"authorization:Basic {SECRET}", "authorization:***"),
        (f"Proxy-Authorization: Digest {SECRET}", "Proxy-Authorization: ***"),
        (f"Cookie: sid={SECRET}; theme=dark", "Cookie: ***"),
        (f"Set-Cookie: session={SECRET}; Path=/", "Set-Cookie: ***"),
        (f"X-Api-Key: {SECRET}", "X-Api-Key: ***"),
        (f"X-Auth-Token: {SECRET}", "X-Auth-Token: ***"),
        (f"Private-Token: {SECRET}\nnext line", "Private-Token: ***\nnext line"),
        (f"X-Client-Secret: {SECRET}", "X-Client-Secret: ***"),
        # dict items, JSON, keyword arguments, httpcore's header tuples
        (
            f"{{'Authorization': 'Bearer {SECRET}', 'Accept': 'text/xml'}}",
            "{'Authorization': '***', 'Accept': 'text/xml'}",
        ),
        (f'{{"api_key": "{SECRET}", "n": 1}}', '{"api_key": "***", "n": 1}'),
        ("{'token': 12345678, 'n': 1}", "{'token': ***, 'n': 1}"),
        (
            f"[(b'Set-Cookie', b'sid={SECRET}'), (b'Content-Length', b'10')]",
            "[(b'Set-Cookie', b'***'), (b'Content-Length', b'10')]",
        ),
        (f"{{'password': 'it\\'s {SECRET}'}}", "{'password': '***'}"),
        (f"Secret(token='{SECRET}')", "Secret(token=***)"),
        # URLs
        (
            f"https://reader:{SECRET}@example.org/feed",
            "https://***@example.org/feed",
        ),
        (
            f"http://reader:p@{SECRET}@example.org:8080/feed?x=1",
            "http://***@example.org:8080/feed?x=1",
        ),
        (
            f"https://e.org/f?page=2&token={SECRET}&lang=en",
            "https://e.org/f?page=2&token=***&lang=en",
        ),
        (f"https://e.org/f?key={SECRET}", "https://e.org/f?key=***"),
        (f"https://e.org/f?secret={SECRET}", "https://e.org/f?secret=***"),
        (f"https://e.org/f?password={SECRET}", "https://e.org/f?password=***"),
        (f"https://e.org/f?apikey={SECRET}", "https://e.org/f?apikey=***"),
        (f"https://e.org/f?ACCESS_TOKEN={SECRET}#top", "https://e.org/f?ACCESS_TOKEN=***#top"),
        (f"https://e.org/f?se=2026&sig={SECRET}", "https://e.org/f?se=2026&sig=***"),
        (f'"GET /f?api_key={SECRET} HTTP/1.1"', '"GET /f?api_key=*** HTTP/1.1"'),
        # schemes without their header
        (f"sent Bearer {SECRET} again", "sent Bearer *** again"),
        ("sent Basic cmVhZGVyOnNlY3JldA== again", "sent Basic *** again"),
    ],
)
def test_credential_like_values_are_masked(raw, expected):
    assert log_masking.redact(raw) == expected
    assert log_masking.redact(expected) == expected  # idempotent


@pytest.mark.parametrize(
    "plain",
    [
        "refreshed 12 feeds in 3.2 s",
        "https://example.org/feed.xml?page=2&lang=en",
        "author: Alex Morgan",
        "keywords: kubernetes, platform",
        "Secrets are kept in the system keyring: Secret Service",
        "KeyError: 'feed_id'",
        "app.credentials.CredentialsError: The secret was NOT saved: the keyring is locked.",
        "uses Basic authentication",
        "mailto me at alex@example.org",
        "",
    ],
)
def test_ordinary_text_is_left_alone(plain):
    assert log_masking.redact(plain) == plain


def test_registered_secrets_are_masked_wherever_they_appear():
    secret = "plain words with 'quotes' & spaces/é"
    log_masking.register_secret(secret)
    for shown in (
        f"the value is {secret}.",
        repr({"x": secret}),
        f"?q={quote(secret, safe='')}",
        f"?q={quote_plus(secret)}",
        json.dumps({"x": secret}),
        json.dumps({"x": secret}, ensure_ascii=False),
        f"line one\n  File x, line 2\nValueError: {secret}",
    ):
        redacted = log_masking.redact(shown)
        assert secret not in redacted
        assert "***" in redacted


def test_short_and_non_text_secrets_are_not_registered():
    log_masking.register_secret("abc")
    log_masking.register_secret(None)  # type: ignore[arg-type]
    assert log_masking.redact("abc and abcd") == "abc and abcd"


def test_registering_from_many_threads_is_safe():
    import threading

    def register(n):
        for i in range(50):
            log_masking.register_secret(f"thread-{n}-secret-{i}")
            log_masking.redact("nothing")

    threads = [threading.Thread(target=register, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert log_masking.redact("thread-3-secret-49 x") == "*** x"


def test_the_spelled_out_regex_flags_are_re_s():
    assert (log_masking._IGNORECASE, log_masking._MULTILINE) == (re.IGNORECASE, re.MULTILINE)
