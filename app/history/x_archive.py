"""X's archive (docs/HISTORY.md): `data/tweets.js` (and `tweets-part1.js`, ...; before
2022 `tweet.js`), each a JavaScript assignment of a JSON array,

    window.YTD.tweets.part0 = [ {"tweet": {"id_str": "...", "full_text": "...",
      "created_at": "Wed Oct 10 20:19:24 +0000 2018", "entities": {"urls": [...]},
      "in_reply_to_status_id_str": "...", "in_reply_to_user_id_str": "..."}}, ... ]

and `data/account.js` with the account's id and username. A ten-year archive is some
60 MB of tweets.js: it is streamed (ijson over the zip member's bytes, after the
assignment is checked), and only the few fields used are kept per tweet.

A retweet ("RT @..." or a retweeted_status) is a repost. A reply to someone else is
engagement, not a post. A reply to oneself (to the account's id, or to a tweet in the
archive) continues a thread of one's own: only the thread's first tweet is a post.
A file that is not the assignment, or whose JSON is cut short, is refused whole.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import IO, Any, NamedTuple

import ijson

from app.archives import MB, Prefixed, ZipArchive, basename, check_file
from app.errors import DigwellError
from app.history.reading import Progress, cut_short, in_order, reporter, x_date
from app.history.records import Engagement, HistoryFile, HistoryPost, Problem
from app.i18n import N_, _
from app.text.links import safe_link

TWEETS_FILE = re.compile(r"^tweets?(-part\d+)?\.js$")
ACCOUNT_FILE = "account.js"
MEMBER_LIMIT = 400 * MB  # one tweets.js; ten years of daily tweeting is ~60 MB
_ACCOUNT_LIMIT = 1 * MB
_HEAD = 4096  # the assignment is in the first few bytes
_ASSIGNMENT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*window\.YTD\.(\w+)\.part\d+\s*=\s*(?=[\[{])")
# Translated where shown.
HINT = N_("Import the .zip X sent you as it is (Settings, Your account, Download an archive).")


class _Tweet(NamedTuple):
    """What is kept of one tweet while the rest of the file is read."""

    id: str
    text: str
    at: str
    link: str
    reply_to: str  # the status replied to
    reply_user: str  # the account replied to (id)
    reply_name: str  # its screen name
    retweet: bool


class Account(NamedTuple):
    id: str = ""
    username: str = ""


def is_tweets_member(path: str) -> bool:
    """Whether a zip member is one of the archive's tweets files (data/tweets.js...)."""
    parts = path.casefold().split("/")
    return len(parts) >= 2 and parts[-2] == "data" and bool(TWEETS_FILE.match(parts[-1]))


def read_x_zip(archive: ZipArchive, on_progress: Progress | None = None) -> HistoryFile:
    """The posts and replies of X's archive .zip."""
    members = [i for i in archive.members if is_tweets_member(i.filename)]
    members.sort(key=lambda i: (i.filename.count("/"), _part(i.filename)))
    if not members:
        raise DigwellError(_("{file} holds no data/tweets.js.").format(file=archive.name), _(HINT))
    problems: list[Problem] = []
    account = Account()
    found = [i for i in archive.members if i.filename.casefold().endswith("data/account.js")]
    if found:
        try:
            account = read_account(archive.read(found[0], _ACCOUNT_LIMIT))
        except DigwellError as err:
            problems.append(
                Problem(
                    found[0].filename,
                    # Translators: {error} says why account.js cannot be read.
                    _("{error} The posts' links use x.com/i/.").format(error=err.message),
                )
            )
    total = sum(i.file_size for i in members)
    report = reporter(on_progress, total)
    tweets: list[_Tweet] = []
    done = 0
    for member in members:
        at = done
        seen = None if report is None else (lambda n, at=at: report(at + n))
        with archive.open(member, MEMBER_LIMIT, _(HINT), progress=seen) as stream:
            tweets.extend(read_tweets(stream, member.filename, problems))
        done += member.file_size
    if on_progress:
        on_progress(total, total)
    return _history(tweets, account, problems)


def read_x_js(path: Path, on_progress: Progress | None = None) -> HistoryFile:
    """A tweets.js on its own (no account.js: links use x.com/i/status/)."""
    size = check_file(path, _("X's tweets.js, or the archive's .zip"))
    problems: list[Problem] = []
    try:
        with path.open("rb") as stream:
            tweets = list(read_tweets(stream, path.name, problems))
    except OSError as err:
        raise DigwellError(
            _("{path} cannot be read ({reason}).").format(path=path, reason=err.strerror)
        ) from None
    if on_progress:
        on_progress(size, size)
    return _history(tweets, Account(), problems)


def read_account(data: bytes) -> Account:
    """The account's id and username from data/account.js."""
    found = _ASSIGNMENT.match(data[:_HEAD])
    try:
        if not found or found.group(1) != b"account":
            raise ValueError(_("it is not window.YTD.account.part0 = [...]"))
        entries = json.loads(data[found.end() :])
        account = entries[0]["account"]
        return Account(str(account.get("accountId", "")), str(account.get("username", "")))
    except (ValueError, LookupError, TypeError, AttributeError) as err:
        raise DigwellError(
            _("account.js cannot be read ({error}).").format(error=str(err)[:80])
        ) from None


def read_tweets(stream: IO[bytes], where: str, problems: list[Problem]) -> list[_Tweet]:
    """The tweets of one tweets.js stream; DigwellError if it is not X's assignment or
    its JSON is broken (then nothing of it is kept)."""
    head = stream.read(_HEAD)
    found = _ASSIGNMENT.match(head)
    if not found or found.group(1) not in (b"tweets", b"tweet"):
        raise DigwellError(
            _(
                "{file} is not X's list of tweets: it does not start with "
                "“window.YTD.tweets.part0 = [”."
            ).format(file=where),
            _(HINT),
        )
    body = Prefixed(head[found.end() :], stream)
    tweets: list[_Tweet] = []
    try:
        for number, item in enumerate(ijson.items(body, "item", use_float=True), 1):
            tweet = item.get("tweet", item) if isinstance(item, dict) else None
            kept = _kept(tweet) if isinstance(tweet, dict) else None
            if kept is None:
                problems.append(
                    Problem(
                        _("{file} item {number}").format(file=where, number=number),
                        _("it is not a tweet."),
                    )
                )
            else:
                tweets.append(kept)
    except ijson.JSONError as err:
        raise cut_short(where, err) from None
    return tweets


def _kept(tweet: dict[str, Any]) -> _Tweet | None:
    tweet_id = tweet.get("id_str") or tweet.get("id")
    if not isinstance(tweet_id, (str, int)) or isinstance(tweet_id, bool):
        return None
    text = tweet.get("full_text") or tweet.get("text") or ""
    text = text if isinstance(text, str) else ""
    entities = tweet.get("entities")
    urls = entities.get("urls") if isinstance(entities, dict) else None
    link = ""
    for url in urls if isinstance(urls, list) else ():
        if isinstance(url, dict):
            expanded = safe_link(str(url.get("expanded_url") or ""))
            short = url.get("url")
            if expanded and isinstance(short, str) and short:
                text = text.replace(short, expanded)  # t.co links, as written
            link = link or expanded
    retweeted = tweet.get("retweeted_status")
    if isinstance(retweeted, dict):
        link = _retweeted_link(retweeted) or link
    return _Tweet(
        str(tweet_id),
        unescape(text),
        str(tweet.get("created_at") or ""),
        link,
        str(tweet.get("in_reply_to_status_id_str") or ""),
        str(tweet.get("in_reply_to_user_id_str") or ""),
        str(tweet.get("in_reply_to_screen_name") or ""),
        isinstance(retweeted, dict) or text.startswith("RT @"),
    )


def _retweeted_link(retweeted: dict[str, Any]) -> str:
    user = retweeted.get("user")
    name = user.get("screen_name") if isinstance(user, dict) else None
    status = retweeted.get("id_str")
    if isinstance(status, str) and status.isdigit():
        return f"https://x.com/{name if isinstance(name, str) and name else 'i'}/status/{status}"
    return ""


def _history(tweets: list[_Tweet], account: Account, problems: list[Problem]) -> HistoryFile:
    own = {t.id for t in tweets}
    me = account.username.casefold()
    base = (
        f"https://x.com/{account.username}/status/"
        if account.username
        else "https://x.com/i/status/"
    )
    posts: list[HistoryPost] = []
    engagement: list[Engagement] = []
    for tweet in tweets:
        try:
            at = x_date(tweet.at)
        except ValueError as err:
            problems.append(Problem(_("tweet {id}").format(id=tweet.id), str(err)))
            continue
        url = base + tweet.id
        if tweet.retweet:
            posts.append(HistoryPost("x", tweet.id, at, tweet.text, url, tweet.link, repost=True))
        elif tweet.reply_to or tweet.reply_user:
            if _to_self(tweet, account, own, me):
                continue  # a thread of one's own counts once, by its first tweet
            engagement.append(Engagement("x", "reply", tweet.id, at, url))
        else:
            posts.append(HistoryPost("x", tweet.id, at, tweet.text, url, tweet.link))
    return HistoryFile("x", in_order(posts), in_order(engagement), problems)


def _to_self(tweet: _Tweet, account: Account, own: set[str], me: str) -> bool:
    """A reply to the account itself, or to one of the archive's own tweets."""
    if account.id and tweet.reply_user == account.id:
        return True
    return tweet.reply_to in own or (bool(me) and tweet.reply_name.casefold() == me)


def _part(name: str) -> int:
    found = re.search(r"part(\d+)\.js$", basename(name))
    return int(found.group(1)) if found else 0
