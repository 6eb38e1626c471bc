"""Bluesky's repository export (docs/HISTORY.md): a `.car` file (Settings, Account,
Export my data), read with libipld, a maintained IPLD library: `decode_car(bytes)`
gives the header (`roots`: the commit's CID) and every block decoded from DAG-CBOR,
keyed by CID bytes; links inside blocks are CID bytes too.

The root block is the signed commit: `did` (the account) and `data`, the root of the
repository's Merkle Search Tree. The tree's nodes are `{"l": left subtree, "e": [{"p":
bytes shared with the previous key, "k": the rest of the key, "v": the record's CID,
"t": the subtree after it}]}`; a key is `<collection>/<record key>`. Walking it gives
each record its key, and so its address, `https://bsky.app/profile/<did>/post/<rkey>`,
and its id, `at://<did>/app.bsky.feed.post/<rkey>`.

- `app.bsky.feed.post`: `text`, `createdAt`, `reply` (a reply to someone else's post is
  engagement; to one's own, the parent in the same DID, a thread counted once),
  `embed` (an external link, or a quoted post) and link facets give the link.
- `app.bsky.feed.repost`: a repost, a share without words; its link is the post's.

The whole file is read into memory (libipld decodes bytes, not a stream); files are
capped at 500 MB before reading. A CAR that is not a repository is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import libipld

from app.archives import MAX_FILE_BYTES, read_file
from app.errors import DigwellError
from app.history.reading import Progress, in_order, iso_date
from app.history.records import Engagement, HistoryFile, HistoryPost, Problem
from app.i18n import N_, _
from app.text.links import safe_link

POST = "app.bsky.feed.post"
REPOST = "app.bsky.feed.repost"
# Translated where shown, as the object of "Choose …" and as a hint.
ACCEPTED = N_("Bluesky's repository export (.car)")
HINT = N_("Export it again from Bluesky: Settings, Account, Export my data.")
_MAX_NODES = 5_000_000  # tree nodes walked at most (a hostile file may loop)


def read_car(path: Path, on_progress: Progress | None = None) -> HistoryFile:
    """The posts and replies of a Bluesky repository export."""
    data = read_file(path, MAX_FILE_BYTES, _(ACCEPTED))
    total = len(data) * 2
    if on_progress:
        on_progress(len(data) // 2, total)
    try:
        header, blocks = libipld.decode_car(data)
    except (ValueError, TypeError, OverflowError, RecursionError) as err:
        raise DigwellError(
            _("{file} is not a CAR file Digwell can read ({error}).").format(
                file=path.name, error=str(err)[:120]
            ),
            _(HINT),
        ) from None
    del data
    did, tree = _commit(header, blocks, path.name)
    posts: list[HistoryPost] = []
    engagement: list[Engagement] = []
    problems: list[Problem] = []
    for key, cid in _walk(tree, blocks, path.name):
        collection, _sep, rkey = key.partition("/")
        if collection not in (POST, REPOST):
            continue
        where = f"at://{did}/{collection}/{rkey}"
        record = blocks.get(cid)
        if not isinstance(record, dict):
            problems.append(Problem(where, _("its record is not in the file.")))
            continue
        try:
            found = _record(did, collection, rkey, record)
        except ValueError as err:
            problems.append(Problem(where, str(err)))
            continue
        if isinstance(found, HistoryPost):
            posts.append(found)
        elif found is not None:
            engagement.append(found)
    if on_progress:
        on_progress(total, total)
    return HistoryFile("bluesky", in_order(posts), in_order(engagement), problems)


def _commit(header: Any, blocks: dict[bytes, Any], name: str) -> tuple[str, bytes]:
    """(the repository's DID, its tree's root CID) from the root commit."""
    roots = header.get("roots") if isinstance(header, dict) else None
    commit = blocks.get(roots[0]) if isinstance(roots, list) and roots else None
    did = commit.get("did") if isinstance(commit, dict) else None
    tree = commit.get("data") if isinstance(commit, dict) else None
    if not isinstance(did, str) or not did.startswith("did:") or not isinstance(tree, bytes):
        raise DigwellError(
            _(
                "{file} is a CAR file but not a Bluesky repository: its root is not a "
                "repository's commit."
            ).format(file=name),
            _(HINT),
        )
    return did, tree


def _walk(root: bytes, blocks: dict[bytes, Any], name: str) -> list[tuple[str, bytes]]:
    """(key, record CID) of every entry of the repository's tree."""
    entries: list[tuple[str, bytes]] = []
    stack, seen = [root], set()
    while stack:
        cid = stack.pop()
        if cid in seen:
            continue
        seen.add(cid)
        if len(seen) > _MAX_NODES:
            raise DigwellError(_("{file} has a tree too large to walk.").format(file=name), _(HINT))
        node = blocks.get(cid)
        if not isinstance(node, dict) or not isinstance(node.get("e"), list):
            if cid == root:
                raise DigwellError(_("{file} holds no repository tree.").format(file=name), _(HINT))
            continue  # a subtree left out of a partial export
        if isinstance(node.get("l"), bytes):
            stack.append(node["l"])
        key = b""
        for entry in node["e"]:
            if not isinstance(entry, dict) or not isinstance(entry.get("k"), bytes):
                continue
            shared = entry.get("p") if isinstance(entry.get("p"), int) else 0
            key = key[:shared] + entry["k"]
            if isinstance(entry.get("v"), bytes):
                entries.append((key.decode("utf-8", "replace"), entry["v"]))
            if isinstance(entry.get("t"), bytes):
                stack.append(entry["t"])
    return entries


def _record(
    did: str, collection: str, rkey: str, record: dict[str, Any]
) -> HistoryPost | Engagement | None:
    """A post, a repost or a reply from one record; ValueError when it cannot be one."""
    if record.get("$type") != collection:
        raise ValueError(
            # Translators: {found} and {expected} are record types, app.bsky.feed.post.
            _("its record is a {found}, not a {expected}.").format(
                found=str(record.get("$type"))[:60], expected=collection
            )
        )
    at = iso_date(_text(record.get("createdAt")))
    external_id = f"at://{did}/{collection}/{rkey}"
    if collection == REPOST:
        subject = record.get("subject")
        uri = _text(subject.get("uri")) if isinstance(subject, dict) else ""
        return HistoryPost("bluesky", external_id, at, "", "", web_url(uri), repost=True)
    url = f"https://bsky.app/profile/{did}/post/{rkey}"
    reply = record.get("reply")
    if isinstance(reply, dict):
        parent = reply.get("parent")
        uri = _text(parent.get("uri")) if isinstance(parent, dict) else ""
        if uri.startswith(f"at://{did}/"):
            return None  # a thread of one's own counts once, by its first post
        return Engagement("bluesky", "reply", external_id, at, url)
    return HistoryPost("bluesky", external_id, at, _text(record.get("text")), url, _link(record))


def _link(record: dict[str, Any]) -> str:
    """The external link a post embeds, the post it quotes, or its first link facet."""
    embed = record.get("embed")
    if isinstance(embed, dict):
        external = embed.get("external")
        if isinstance(external, dict) and safe_link(_text(external.get("uri"))):
            return safe_link(_text(external.get("uri")))
        quoted = embed.get("record")
        if isinstance(quoted, dict) and isinstance(quoted.get("record"), dict):
            quoted = quoted["record"]  # recordWithMedia: {"record": {"record": ...}}
        if isinstance(quoted, dict) and web_url(_text(quoted.get("uri"))):
            return web_url(_text(quoted.get("uri")))
    for facet in record.get("facets") or ():
        features = facet.get("features") if isinstance(facet, dict) else None
        for feature in features if isinstance(features, list) else ():
            if isinstance(feature, dict) and feature.get("$type") == "app.bsky.richtext.facet#link":
                link = safe_link(_text(feature.get("uri")))
                if link:
                    return link
    return ""


def web_url(uri: str) -> str:
    """bsky.app's address of an at:// post URI; "" for anything else."""
    parts = uri.removeprefix("at://").split("/")
    if uri.startswith("at://") and len(parts) == 3 and parts[1] == POST and all(parts):
        return f"https://bsky.app/profile/{parts[0]}/post/{parts[2]}"
    return ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
