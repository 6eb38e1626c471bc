"""Bluesky's repository export as a test writes it (docs/HISTORY.md): DAG-CBOR blocks
encoded with libipld, CID links tagged, a two-level Merkle Search Tree, the signed
commit (its signature made up) and the CAR v1 framing. Only the tests write CARs; the
app reads them with libipld. Every DID and text here is invented."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import libipld

BLUESKY_DID = "did:plc:adawrites2b3c4d5e6f7g8h9"


def cid_of(block: bytes) -> bytes:
    """A CIDv1 (DAG-CBOR, SHA-256), as bytes."""
    return bytes([0x01, 0x71, 0x12, 0x20]) + hashlib.sha256(block).digest()


class Link(bytes):
    """A CID to encode as a DAG-CBOR link (tag 42), not as a byte string."""


def encode(value: Any) -> bytes:
    """DAG-CBOR with links: libipld encodes the structure, each Link's byte string is
    then tagged 42 (the test's own writer: the app only reads, with libipld)."""
    links: list[bytes] = []

    def mark(item: Any) -> Any:
        if isinstance(item, Link):
            links.append(bytes(item))
            return b"\x00" + bytes(item)
        if isinstance(item, dict):
            return {k: mark(v) for k, v in item.items()}
        if isinstance(item, list):
            return [mark(v) for v in item]
        return item

    data = libipld.encode_dag_cbor(mark(value))
    for cid in set(links):
        data = data.replace(b"\x58\x25\x00" + cid, b"\xd8\x2a\x58\x25\x00" + cid)
    return data


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def write_car(path: Path, root: bytes, blocks: dict[bytes, bytes]) -> Path:
    """A CAR v1 file: the header (roots, version), then each block with its CID."""
    header = encode({"roots": [Link(root)], "version": 1})
    out = io.BytesIO()
    out.write(varint(len(header)) + header)
    for cid, block in blocks.items():
        out.write(varint(len(cid) + len(block)) + cid + block)
    path.write_bytes(out.getvalue())
    return path


def bluesky_post(text: str, created: str, **fields: Any) -> dict[str, Any]:
    return {"$type": "app.bsky.feed.post", "text": text, "createdAt": created, "langs": ["en"],
            **fields}  # fmt: skip


def bluesky_car(path: Path, records: dict[str, dict[str, Any]], did: str = BLUESKY_DID) -> Path:
    """A repository export: the signed commit (its signature made up), a two-level
    Merkle Search Tree over `records` (keyed `collection/rkey`), and the records."""
    blocks: dict[bytes, bytes] = {}

    def put(value: Any) -> bytes:
        data = encode(value)
        cid = cid_of(data)
        blocks[cid] = data
        return cid

    leaves = {key: put(record) for key, record in records.items()}
    keys = sorted(leaves)
    # Every fifth key in the root, the runs between them in subtrees (left, then after).
    top = keys[4::5]
    runs, run = [], []
    for key in keys:
        if key in top:
            runs.append(run)
            run = []
        else:
            run.append(key)
    runs.append(run)

    def node(entries: list[tuple[str, bytes | None]], left: bytes | None) -> bytes:
        previous, encoded = b"", []
        for key, subtree in entries:
            raw = key.encode()
            shared = len(_common(previous, raw))
            encoded.append({"p": shared, "k": raw[shared:], "v": Link(leaves[key]),
                            "t": Link(subtree) if subtree else None})  # fmt: skip
            previous = raw
        return put({"l": Link(left) if left else None, "e": encoded})

    subtrees = [node([(k, None) for k in r], None) if r else None for r in runs]
    tree = node(list(zip(top, subtrees[1:], strict=True)), subtrees[0])
    commit = put({"did": did, "version": 3, "data": Link(tree), "rev": "3kabcdefghi2z",
                  "prev": None, "sig": b"\x01" * 64})  # fmt: skip
    return write_car(path, commit, blocks)


def _common(a: bytes, b: bytes) -> bytes:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
