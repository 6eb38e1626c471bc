"""A private feed's secret as a record: checked on construction, never shown, and the
HTTP headers it makes."""

from __future__ import annotations

import pytest

from app.credentials.secret import CredentialsError, FeedSecret, auth_headers, new_ref
from app.errors import DigwellError

TOKEN = "s3cr3t-T0ken"
SECRETS = [
    FeedSecret("basic", "alex", TOKEN),
    FeedSecret("bearer", "", TOKEN),
    FeedSecret("header", "X-API-Key", TOKEN),
]


@pytest.mark.parametrize("secret", SECRETS, ids=lambda s: s.kind)
def test_repr_and_str_hide_the_value(secret: FeedSecret):
    for text in (repr(secret), str(secret), f"{secret}", repr([secret])):
        assert TOKEN not in text
        assert "<hidden>" in text
    assert repr(SECRETS[0]) == "FeedSecret(kind='basic', name='alex', value=<hidden>)"


def test_basic_header_is_base64_of_utf8_name_colon_password():
    headers = auth_headers(FeedSecret("basic", "alex", "pässwörd"))
    assert headers == {"Authorization": "Basic YWxleDpww6Rzc3fDtnJk"}


def test_bearer_and_custom_headers():
    assert auth_headers(FeedSecret("bearer", "", TOKEN)) == {"Authorization": f"Bearer {TOKEN}"}
    assert auth_headers(FeedSecret("header", "X-API-Key", TOKEN)) == {"X-API-Key": TOKEN}


@pytest.mark.parametrize(
    "name",
    [
        "",
        "X API Key",
        "X-API-Key:",
        "X-Tök",
        "X-Key\r\nEvil",
        f"Authorization: Bearer {TOKEN}",
        "Host",
        "content-length",
        "Transfer-Encoding",
        "Connection",
        "Keep-Alive",
        "Upgrade",
        "TE",
        "Proxy-Authorization",
    ],
)
def test_invalid_or_connection_managed_header_names_are_refused(name: str):
    with pytest.raises(CredentialsError) as caught:
        FeedSecret("header", name, "value")
    assert "header" in caught.value.message
    assert TOKEN not in str(caught.value)


@pytest.mark.parametrize(
    ("kind", "name", "value"),
    [
        ("digest", "alex", TOKEN),
        (TOKEN, "", ""),  # arguments in the wrong order: never echoed
        ("bearer", "alex", TOKEN),
        ("bearer", "", ""),
        ("bearer", "", TOKEN + "\n"),
        ("header", "X-API-Key", TOKEN + "\r\nHost: evil"),
        ("header", "X-API-Key", ""),
        ("header", TOKEN, ""),  # a token is a valid header name: still never echoed
        ("header", TOKEN, "line\nbreak"),
        ("basic", "al:ex", TOKEN),
        ("basic", "", ""),
        ("basic", "alex", None),
    ],
)
def test_invalid_secrets_are_refused_without_echoing_them(kind, name, value):
    with pytest.raises(CredentialsError) as caught:
        FeedSecret(kind, name, value)
    assert isinstance(caught.value, DigwellError)
    assert TOKEN not in str(caught.value)


def test_replace_and_make_validate_too():
    with pytest.raises(CredentialsError):
        SECRETS[2]._replace(name="Host")
    with pytest.raises(CredentialsError):
        FeedSecret._make(["bearer", "x", TOKEN])
    assert SECRETS[0]._replace(value="other").value == "other"


def test_basic_password_may_be_empty_or_any_text():
    assert FeedSecret("basic", "token-as-user", "").value == ""
    assert FeedSecret("basic", "alex", "pä:ss wörd\n").name == "alex"


def test_new_ref_is_a_fresh_uuid4_hex():
    refs = {new_ref() for _ in range(50)}
    assert len(refs) == 50
    assert all(len(r) == 32 and int(r, 16) >= 0 for r in refs)
