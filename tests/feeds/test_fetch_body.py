"""Reading a body within the cap: what one network read may inflate to is bounded."""

import gzip
import zlib

import pytest

from app.feeds.fetch_body import Inflater, size_words


def test_a_gzip_bomb_inflates_no_further_than_asked():
    bomb = gzip.compress(bytes(10_000_000))
    inflater = Inflater("gzip")
    assert len(inflater.feed(bomb, 1001)) == 1001


@pytest.mark.parametrize(
    ("coding", "encode"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),  # raw deflate
        ("identity", bytes),
        ("", bytes),
    ],
)
def test_inflater_decodes_what_is_accepted(coding, encode):
    inflater = Inflater(coding)
    assert inflater.feed(encode(b"hello feed"), 1000) + inflater.flush() == b"hello feed"


@pytest.mark.parametrize("coding", ["br", "zstd", "gzip, gzip", "compress"])
def test_inflater_refuses_what_it_cannot_bound(coding):
    with pytest.raises(ValueError):
        Inflater(coding)


@pytest.mark.parametrize(
    ("n", "words"),
    [(12, "12 bytes"), (1024, "1 KB"), (1536, "1.5 KB"), (10 * 1024 * 1024, "10 MB")],
)
def test_size_words(n, words):
    assert size_words(n) == words
