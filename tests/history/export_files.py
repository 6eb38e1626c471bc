"""Made-up platform exports in each platform's documented shape (docs/HISTORY.md), for
the readers' tests, the import's tests and bench/history.py: LinkedIn's export .zip and
Shares.csv, X's archive (up to a ten-year, 50,000-tweet one, written in seconds),
Mastodon's archive and outbox.json, Bluesky's repository .car (written by
tests/history/car_files.py). Every name, handle, id and text here is invented.
"""

from __future__ import annotations

import hashlib
import json
import random
import struct
import zipfile
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tests.history.car_files import BLUESKY_DID as BLUESKY_DID
from tests.history.car_files import bluesky_car as bluesky_car
from tests.history.car_files import bluesky_post as bluesky_post

# --- LinkedIn ----------------------------------------------------------------------

SHARES_HEADER = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n"
COMMENTS_HEADER = "Date,Link,Message\r\n"


def share_link(n: int) -> str:
    return f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{7100000000000000000 + n}"


# Line 2: an original over three lines with quotes; line 5: a share with a link; line 6:
# a bare repost; line 7: an original with only an image.
SHARES = (
    SHARES_HEADER + f'2024-03-05 14:02:11,{share_link(1)},"Three things I learned shipping '
    'a search index:\r\n""measure first"", then\r\ncache the rest.",,,MEMBER_NETWORK\r\n'
    f"2024-03-12 08:30:00,{share_link(2)},Worth reading on observability budgets.,"
    "https://example.com/observability-budgets,,PUBLIC\r\n"
    f'2024-04-01 17:45:09,{share_link(3)},"",https://www.linkedin.com/feed/update/'
    "urn:li:activity:7000000000000000001,,MEMBER_NETWORK\r\n"
    f"2024-04-20 10:00:00,{share_link(4)},Our team at the offsite.,,"
    "https://media.licdn.example/image/abc,PUBLIC\r\n"
)
COMMENTS = (
    COMMENTS_HEADER + "2024-03-06 09:00:00,https://www.linkedin.com/feed/update/urn:li:"
    'activity:7000000000000000002,"Great write-up, thanks!"\r\n'
    "2024-03-07 12:15:30,https://www.linkedin.com/feed/update/urn:li:activity:"
    '7000000000000000003,"Agreed; ""less is more"" here."\r\n'
)
CONNECTIONS = (
    'Notes:\r\n"Made up."\r\n\r\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Priya,Raman,https://www.linkedin.com/in/priya-raman,,Acme Robotics,Engineer,24 Aug 2023\r\n"
)


def linkedin_zip(
    path: Path,
    shares: str | None = SHARES,
    comments: str | None = COMMENTS,
    connections: str | None = CONNECTIONS,
    extra: dict[str, str | bytes] | None = None,
) -> Path:
    """LinkedIn's export .zip: Shares.csv, Comments.csv, Connections.csv and others."""
    members: dict[str, str | bytes] = {"Profile.csv": "First Name,Last Name\r\nAda,Lovelace\r\n"}
    if shares is not None:
        members["Shares.csv"] = "\ufeff" + shares
    if comments is not None:
        members["Comments.csv"] = comments
    if connections is not None:
        members["Connections.csv"] = "\ufeff" + connections
    members.update(extra or {})
    return write_zip(path, members)


# --- X -----------------------------------------------------------------------------

X_ACCOUNT_ID = "1012345678901234567"
X_USERNAME = "ada_writes"


def x_date(at: datetime) -> str:
    """X's created_at, in English whatever the locale."""
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    at = at.astimezone(timezone.utc)
    return f"{days[at.weekday()]} {months[at.month - 1]} {at.day:02d} {at:%H:%M:%S} +0000 {at.year}"


def tweet(
    tweet_id: str,
    text: str,
    at: datetime,
    urls: Iterable[str] = (),
    reply_to: str = "",
    reply_user: str = "",
    reply_name: str = "",
) -> dict[str, Any]:
    """One {"tweet": {...}} entry as X's archive writes it (strings for numbers)."""
    url_entities = []
    for n, url in enumerate(urls):
        short = f"https://t.co/{hashlib.sha1(url.encode()).hexdigest()[:10]}"
        url_entities.append(
            {"url": short, "expanded_url": url, "display_url": url.split("//", 1)[-1][:25],
             "indices": [str(n), str(n + 23)]}
        )  # fmt: skip
        text = f"{text} {short}"
    body: dict[str, Any] = {
        "edit_info": {
            "initial": {
                "editTweetIds": [tweet_id],
                "editableUntil": (at + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "editsRemaining": "5",
                "isEditEligible": True,
            }
        },
        "retweeted": False,
        "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
        "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": url_entities},
        "display_text_range": ["0", str(len(text))],
        "favorite_count": str(len(text) % 17),
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": str(len(text) % 5),
        "id": tweet_id,
        "created_at": x_date(at),
        "favorited": False,
        "full_text": text,
        "lang": "en",
    }
    if reply_to or reply_user:
        body.update(
            in_reply_to_status_id_str=reply_to,
            in_reply_to_status_id=reply_to,
            in_reply_to_user_id_str=reply_user,
            in_reply_to_user_id=reply_user,
            in_reply_to_screen_name=reply_name,
        )
    return {"tweet": body}


def tweets_js(tweets: Iterable[dict[str, Any]], part: int = 0, name: str = "tweets") -> str:
    """A tweets.js: the assignment, then the JSON array as X indents it."""
    items = ",\n".join(json.dumps(t, indent=2, separators=(",", " : ")) for t in tweets)
    return f"window.YTD.{name}.part{part} = [\n{items}\n]"


def account_js(account_id: str = X_ACCOUNT_ID, username: str = X_USERNAME) -> str:
    entry = {
        "account": {
            "email": "ada@example.com",
            "createdVia": "web",
            "username": username,
            "accountId": account_id,
            "createdAt": "2012-05-01T10:00:00.000Z",
            "accountDisplayName": "Ada Writes",
        }
    }
    return "window.YTD.account.part0 = " + json.dumps([entry], indent=2, separators=(",", " : "))


_WORDS = """
    search index latency cache observability budget team hiring mentoring platform
    reliability release review design testing python rust database query pipeline
    career writing talk conference onboarding incident postmortem roadmap metrics
    product users feedback feature flag rollout migration schema backup
""".split()  # noqa: SIM905 -- a word list
START = datetime(2016, 11, 1, 9, 0, tzinfo=timezone.utc)


def many_tweets(n: int, seed: int = 19, start: datetime = START) -> Iterable[dict[str, Any]]:
    """`n` tweets over ten years, newest first as X writes them: mostly originals, some
    sharing links, retweets, replies to others and threads of one's own."""
    rng = random.Random(seed)
    step = timedelta(days=3650) / max(n, 1)
    previous = ""
    for i in range(n - 1, -1, -1):
        at = start + step * i + timedelta(seconds=rng.randrange(600))
        tweet_id = str(1060000000000000000 + i * 1000 + rng.randrange(1000))
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(13, 54)))
        roll = rng.random()
        if roll < 0.1:
            yield tweet(tweet_id, f"RT @grace_h: {words}", at)
        elif roll < 0.2:
            other = str(2000000000 + rng.randrange(10**6))
            parent = str(1050000000000000000 + rng.randrange(10**15))
            yield tweet(tweet_id, f"@someone_{other[-4:]} {words}", at, (), parent, other, "x")
        elif roll < 0.25 and previous:
            yield tweet(tweet_id, words, at, (), previous, X_ACCOUNT_ID, X_USERNAME)
        elif roll < 0.45:
            yield tweet(tweet_id, words, at, [f"https://example.com/{rng.choice(_WORDS)}/{i}"])
        else:
            yield tweet(tweet_id, words, at)
        previous = tweet_id


def x_archive_zip(
    path: Path,
    n_tweets: int = 0,
    tweets: Iterable[dict[str, Any]] | None = None,
    account: bool = True,
    parts: int = 1,
    extra: dict[str, str | bytes] | None = None,
) -> Path:
    """X's archive .zip: `data/tweets.js` (split over `parts` files: tweets.js,
    tweets-part1.js, ...) of `tweets`, or of `n_tweets` made-up ones (50,000 make some
    60 MB of tweets.js, written in a few seconds), data/account.js, and the archive's
    other files."""
    listed = list(tweets) if tweets is not None else list(many_tweets(n_tweets))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("Your archive.html", "<html><body>Your archive</body></html>")
        if account:
            archive.writestr("data/account.js", account_js())
        archive.writestr("data/like.js", "window.YTD.like.part0 = []")
        for part in range(parts):
            name = "data/tweets.js" if part == 0 else f"data/tweets-part{part}.js"
            with archive.open(name, "w", force_zip64=True) as stream:
                _write_tweets_js(stream, listed[part::parts], part)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def _write_tweets_js(stream: Any, tweets: list[dict[str, Any]], part: int) -> None:
    """tweets_js, written in pieces (a 60 MB string is never built)."""
    stream.write(f"window.YTD.tweets.part{part} = [\n".encode())
    for n, item in enumerate(tweets):
        text = json.dumps(item, indent=2, separators=(",", " : "))
        stream.write(((",\n" if n else "") + text).encode())
    stream.write(b"\n]")


# --- Mastodon ----------------------------------------------------------------------

MASTODON_ACTOR = "https://social.example/users/ada"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


def note(
    n: int,
    content: str,
    published: str,
    reply_to: str | None = None,
    to: Iterable[str] = (PUBLIC,),
) -> dict[str, Any]:
    """A Create of a Note, as Mastodon's outbox.json has it."""
    status = f"{MASTODON_ACTOR}/statuses/{110000000000000000 + n}"
    return {
        "id": f"{status}/activity",
        "type": "Create",
        "actor": MASTODON_ACTOR,
        "published": published,
        "to": list(to),
        "cc": [f"{MASTODON_ACTOR}/followers"] if PUBLIC in to else [],
        "object": {
            "id": status,
            "type": "Note",
            "summary": None,
            "inReplyTo": reply_to,
            "published": published,
            "url": f"https://social.example/@ada/{110000000000000000 + n}",
            "attributedTo": MASTODON_ACTOR,
            "to": list(to),
            "cc": [],
            "sensitive": False,
            "content": content,
            "contentMap": {"en": content},
            "attachment": [],
            "tag": [],
        },
    }


def status_uri(n: int) -> str:
    return f"{MASTODON_ACTOR}/statuses/{110000000000000000 + n}"


def boost(n: int, published: str, boosted: str | dict[str, Any]) -> dict[str, Any]:
    """An Announce: a boost of someone else's post."""
    return {
        "id": f"{status_uri(n)}/activity",
        "type": "Announce",
        "actor": MASTODON_ACTOR,
        "published": published,
        "to": [PUBLIC],
        "cc": [f"{MASTODON_ACTOR}/followers"],
        "object": boosted,
    }


def outbox_json(items: Iterable[dict[str, Any]]) -> str:
    listed = list(items)
    outbox = {
        "@context": [
            "https://www.w3.org/ns/activitystreams",
            {"ostatus": "http://ostatus.org#", "sensitive": "as:sensitive"},
        ],
        "id": "outbox.json",
        "type": "OrderedCollection",
        "totalItems": len(listed),
        "orderedItems": listed,
    }
    return json.dumps(outbox, indent=2)


def mastodon_zip(path: Path, items: Iterable[dict[str, Any]]) -> Path:
    """Mastodon's archive: outbox.json, actor.json, likes.json, bookmarks.json."""
    return write_zip(
        path,
        {
            "outbox.json": outbox_json(items),
            "actor.json": json.dumps({"id": MASTODON_ACTOR, "type": "Person"}),
            "likes.json": json.dumps({"type": "OrderedCollection", "orderedItems": []}),
            "bookmarks.json": json.dumps({"type": "OrderedCollection", "orderedItems": []}),
        },
    )


# --- zips ------------------------------------------------------------------------------


def write_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def lie_about_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size `member`'s headers declare (a zip bomb's trick)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, size)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
