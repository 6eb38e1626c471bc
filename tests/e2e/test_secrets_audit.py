"""Secrets audit: a private feed's password or token, once given to Digwell, is found in
no file it writes: data, config, cache and log folders, OPML exports and backups, with
debug logging on and a refresh that includes a failing 401."""

import argparse
import base64
import io
import uuid
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from app.credentials import FeedSecret

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Private</title>'
    b"<link>https://example.org/</link><item><title>Members only</title>"
    b"<link>https://example.org/1</link><guid>p1</guid></item></channel></rss>"
)


def _needles(secret: str) -> list[bytes]:
    """The secret as it could be written: plain, in a Basic header, URL- or UTF-16-encoded."""
    basic = base64.b64encode(f"me:{secret}".encode()).decode()
    forms = {secret, basic, quote(secret, safe=""), basic.rstrip("=")}
    return [f.encode() for f in forms] + [secret.encode("utf-16-le")]


def _contents(path: Path) -> list[tuple[str, bytes]]:
    """A file's bytes, and each member's if it is a zip (a backup)."""
    data = path.read_bytes()
    found = [(str(path), data)]
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found += [(f"{path}!{n}", archive.read(n)) for n in archive.namelist()]
    return found


@pytest.fixture
def audited(db, planner, memory_keyring, feed_server, tmp_path, _sandboxed_home):
    """A data folder with four private feeds (Basic, Basic refused with 401, bearer token,
    custom header), refreshed with debug logging, exported and backed up."""
    from app.commands import refresh as refresh_command
    from app.log_file import log_file
    from app.logs import setup_logging, stop_logging

    canary = f"canary-{uuid.uuid4().hex}"
    secrets = {
        "/basic.xml": FeedSecret("basic", "me", canary + "-basic"),
        "/refused.xml": FeedSecret("basic", "me", canary + "-refused"),
        "/bearer.xml": FeedSecret("bearer", "", canary + "-bearer"),
        "/header.xml": FeedSecret("header", "X-Api-Key", canary + "-header"),
    }
    for path in secrets:
        feed_server.route(path, body=RSS, status=401 if path == "/refused.xml" else 200)
    setup_logging(debug=True, process="app")
    try:
        for path, secret in secrets.items():
            planner.feeds.subscribe(feed_server.url(path), secret=secret)
        args = argparse.Namespace(json_progress=False, all=True, background=False)
        refresh_command.run(planner, args)
        exports = tmp_path / "exports"
        exports.mkdir()
        planner.feeds.export_opml(exports / "subscriptions.opml")
        planner.backups.back_up(exports / "backup.zip")
    finally:
        stop_logging()
    seen = [h for path in secrets for h in feed_server.headers_seen[path]]
    return {
        "secrets": [s.value for s in secrets.values()],
        "folders": [_sandboxed_home, db.path.parent, exports],
        "log": log_file(),
        "requests": seen,
    }


def test_the_secrets_were_really_used(audited):
    # Otherwise finding them nowhere would prove nothing.
    sent = " ".join(" ".join(h.values()) for h in audited["requests"])
    assert "Bearer " + audited["secrets"][2] in sent
    assert audited["secrets"][3] in sent
    log = audited["log"].read_text(encoding="utf-8")
    assert "401" in log and "DEBUG" in log  # the refusal and debug lines were written


def test_no_file_holds_a_secret(audited):
    files = sorted(
        {p for folder in audited["folders"] for p in Path(folder).rglob("*") if p.is_file()}
    )
    assert any(p.suffix == ".zip" for p in files) and any(p.suffix == ".log" for p in files)
    assert any(p.name == "digwell.sqlite3" for p in files)
    leaks = [
        (name, needle)
        for path in files
        for name, data in _contents(path)
        for secret in audited["secrets"]
        for needle in _needles(secret)
        if needle in data
    ]
    assert leaks == []
