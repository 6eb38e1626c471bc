"""Masking secrets in log text: credential-like headers and fields, user:password@ in
URLs, credential-like query parameters, and every string given to `register_secret`
(app.credentials registers each secret it saves or loads).

Needs no `logging`, `re` or `typing` at import (the patterns are compiled when a line
first needs them), so the credentials module and the report dialog use it cheaply.
"""

from __future__ import annotations

import _thread

TYPE_CHECKING = False  # typing itself costs ~1.5 ms to import
if TYPE_CHECKING:
    import re
    from collections.abc import Callable

MASK = "***"
# Shorter strings are not registered: masking them would mangle every line (the other
# rules still catch the usual places a short secret could appear).
MIN_SECRET_LENGTH = 4


_secrets: dict[str, None] = {}  # insertion-ordered set
_secrets_lock = _thread.allocate_lock()  # registered from worker threads, read while logging
_secret_cache: tuple[int, tuple[str, ...]] = (0, ())
_generation = 0


def register_secret(value: str) -> None:
    """Mask `value` (and its quoted, JSON and URL-encoded forms) in every log line from now on.

    Cheap and safe to call often; values shorter than MIN_SECRET_LENGTH are ignored.
    """
    if not isinstance(value, str) or len(value) < MIN_SECRET_LENGTH:
        return
    if value in _secrets:
        return
    import json
    from urllib.parse import quote, quote_plus

    variants = {
        value,
        repr(value)[1:-1],
        json.dumps(value)[1:-1],
        json.dumps(value, ensure_ascii=False)[1:-1],
        quote(value, safe=""),
        quote_plus(value, safe=""),
    }
    global _generation
    with _secrets_lock:
        for variant in variants:
            if len(variant) >= MIN_SECRET_LENGTH:
                _secrets[variant] = None
        _secrets[value] = None
        _generation += 1


def forget_secrets() -> None:
    """For tests: the registry as a fresh process has it."""
    global _generation
    with _secrets_lock:
        _secrets.clear()
        _generation += 1


def _registered() -> tuple[str, ...]:
    """The registered strings, longest first (so a secret goes before any part of it)."""
    global _secret_cache
    generation, values = _secret_cache
    if generation == _generation:
        return values
    with _secrets_lock:
        generation, values = _generation, tuple(sorted(_secrets, key=len, reverse=True))
    _secret_cache = (generation, values)
    return values


# Names of headers, fields and parameters whose values are credentials: "auth" but not
# "author" or (HTTP 401's) "Unauthorized", "key" but not "keyword" or "keyring".
_NAME = (
    r"[\w.-]*?(?:auth(?!ors?\b|ori[sz]ed\b)|token|secret|passw|pwd|credential|cookie"
    r"|session|signature|key(?!words?\b|ring))[\w.-]*"
)
# ...unless it names an exception or a warning (KeyError: 'x', CredentialsError: ...).
_NOT_ERROR = r"(?![\w.-]*(?:error|exception|warning|exit)\b)"
_B64 = r"A-Za-z0-9+/"


def _mask_quoted_value(m: re.Match[str]) -> str:
    quote = m.group("vq")
    if quote is None:
        return m.group("key") + MASK
    prefix = "b" if m.group("value").startswith("b") else ""
    return f"{m.group('key')}{prefix}{quote}{MASK}{quote}"


# Most lines name nothing like a credential: looking for these words (~1 µs) spares them
# the name rules (~20 µs each on a line of 100 characters).
_NAME_WORDS = (
    "auth",
    "token",
    "secret",
    "pw",
    "pass",
    "credential",
    "cookie",
    "session",
    "sig",
    "key",
)
_IGNORECASE = 2  # re.IGNORECASE and re.MULTILINE, without importing re to spell them
_MULTILINE = 8
# (what a line must contain for the rule to apply: one of _NAME_WORDS (None) or a string,
# pattern, flags, replacement). Each is compiled when first needed: ~2 ms for all of them.
_RULES: list[tuple[str | None, str, int, str | Callable[[re.Match[str]], str]]] = [
    # 'Authorization': 'Bearer x' / "token": "x" / (b'Set-Cookie', b'x') / 'key': 12
    (
        None,
        rf"""(?P<key>b?(?P<kq>['"]){_NOT_ERROR}{_NAME}(?P=kq)\s*[:,=]\s*)"""
        r"""(?P<value>b?(?P<vq>['"])(?:\\.|(?!(?P=vq)).)*(?P=vq)|[^\s,}\])][^,}\])\r\n]*)""",
        _IGNORECASE,
        _mask_quoted_value,
    ),
    # Authorization: Bearer x   (a header line: the rest of the line)
    (
        None,
        rf"(?<![\w.-])(?P<name>{_NOT_ERROR}{_NAME}[ \t]*:[ \t]*)(?!\*\*\*[ \t]*$)\S[^\r\n]*",
        _IGNORECASE | _MULTILINE,
        rf"\g<name>{MASK}",
    ),
    # scheme://user:password@host
    (
        "@",
        r"(?P<scheme>\b[a-z][a-z0-9+.-]*://)[^/?#\s'\"<>]+@",
        _IGNORECASE,
        rf"\g<scheme>{MASK}@",
    ),
    # ?access_token=x&sig=y, api_key=x
    (
        None,
        rf"(?<![\w.%-])(?P<name>{_NOT_ERROR}(?:{_NAME}|sig|pw|pass)=)(?!\*\*\*)"
        r"""(?:"[^"]*"|'[^']*'|[^&#\s'"<>]+)""",
        _IGNORECASE,
        rf"\g<name>{MASK}",
    ),
    # Bearer x, and Basic x when x looks like base64 (not "Basic authentication")
    ("Bearer", r"\bBearer[ \t]+(?!\*\*\*)[\w.~+/=-]+", 0, f"Bearer {MASK}"),
    (
        "Basic",
        rf"\bBasic[ \t]+(?=[{_B64}]{{8}})[{_B64}](?=[a-z0-9+/]*[A-Z0-9+/=])[{_B64}]*=*",
        0,
        f"Basic {MASK}",
    ),
]
_compiled: dict[str, re.Pattern[str]] = {}


def _pattern(source: str, flags: int) -> re.Pattern[str]:
    pattern = _compiled.get(source)
    if pattern is None:
        import re

        pattern = _compiled[source] = re.compile(source, flags)
    return pattern


def redact(text: str) -> str:
    """`text` with registered secrets and credential-like values replaced by "***"."""
    if not text:
        return text
    # `in` for each (~50 ns) beats one regex alternation of them all, which tries every
    # alternative at every position.
    for secret in _registered():
        if secret in text:
            text = text.replace(secret, MASK)
    lowered = text.lower()
    named = any(word in lowered for word in _NAME_WORDS)
    for needs, source, flags, replacement in _RULES:
        if named if needs is None else needs in text:
            text = _pattern(source, flags).sub(replacement, text)
    return text
