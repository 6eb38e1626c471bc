"""The one guard every format runs on bytes before parsing them."""

import pytest

from app.errors import DigwellError, FeedError
from app.feeds.incoming import (
    MARKER_CODECS,
    MIB,
    Guard,
    encoded_markers,
    refuse_unreadable,
)


class ThingError(DigwellError):
    pass


GUARD = Guard(
    ThingError,
    too_big="The thing is {size} MB, over Digwell's {limit} MB limit; it was not read.",
    empty="The thing is empty.",
    max_bytes=2 * MIB,
    too_big_hint="Send a smaller thing.",
    empty_hint="Send something.",
    markers=encoded_markers("<!BAD", "<!bad"),
    refused=("The thing holds a bad marker.", "Take it out."),
)


def _refusal(body: bytes, guard: Guard = GUARD) -> tuple[type, str, str]:
    with pytest.raises(DigwellError) as caught:
        refuse_unreadable(body, guard)
    return type(caught.value), caught.value.message, caught.value.hint


def test_a_body_within_bounds_passes():
    refuse_unreadable(b"<ok/>", GUARD)
    refuse_unreadable(b"x" * (2 * MIB), GUARD)  # the cap itself is allowed


def test_over_the_cap_is_refused_in_the_guard_s_words():
    assert _refusal(b" " * (2 * MIB + 1)) == (
        ThingError,
        "The thing is 2 MB, over Digwell's 2 MB limit; it was not read.",
        "Send a smaller thing.",
    )


def test_the_size_is_checked_before_anything_is_scanned():
    # A huge body full of markers is refused for its size, not read for markers.
    body = b"<!BAD" * (2 * MIB // 5 + 1)
    assert _refusal(body)[1].startswith("The thing is 2 MB")


def test_the_size_is_rounded_to_whole_megabytes():
    assert _refusal(b" " * 3_600_000, GUARD._replace(max_bytes=MIB))[1] == (
        "The thing is 4 MB, over Digwell's 1 MB limit; it was not read."
    )


@pytest.mark.parametrize("body", [b"", b" ", b"\n\t\r ", b"\x0b\x0c"])
def test_empty_or_blank_is_refused(body):
    assert _refusal(body) == (ThingError, "The thing is empty.", "Send something.")


def test_an_ignored_prefix_alone_is_empty():
    bom = b"\xef\xbb\xbf"
    with_bom = GUARD._replace(ignored_prefix=bom)
    assert _refusal(bom + b" \n", with_bom)[1] == "The thing is empty."
    refuse_unreadable(bom + b"{}", with_bom)
    # Without it, a byte order mark is content: the parser says what it makes of it.
    refuse_unreadable(bom, GUARD)


@pytest.mark.parametrize("codec", MARKER_CODECS)
@pytest.mark.parametrize("marker", ["<!BAD", "<!bad"])
def test_a_marker_is_refused_in_every_encoding(codec, marker):
    body = f"<?xml version='1.0'?>{marker} x><doc/>".encode(codec)
    assert _refusal(body) == (ThingError, "The thing holds a bad marker.", "Take it out.")


def test_encoded_markers_spells_each_marker_in_each_codec():
    assert encoded_markers("<!A") == (b"<!A", b"<\x00!\x00A\x00", b"\x00<\x00!\x00A")


@pytest.mark.parametrize("padding", [b" " * 5_000_000, b"<!--" + b"x" * 1_000_000 + b"-->"])
def test_a_marker_far_into_the_body_is_refused(padding):
    assert _refusal(b"<?xml version='1.0'?>" + padding + b"<!BAD a>")[0] is ThingError


def test_a_marker_at_the_very_end_is_refused():
    assert _refusal(b"x" * (2 * MIB - 5) + b"<!BAD")[0] is ThingError


def test_other_case_mixes_are_not_markers():
    refuse_unreadable(b"<!Bad x>", GUARD)  # only the spellings the guard names


def test_no_markers_means_nothing_is_refused_for_its_content():
    refuse_unreadable(b"<!BAD>", GUARD._replace(markers=()))


def test_the_guard_raises_the_format_s_own_error():
    assert _refusal(b"", GUARD._replace(error=FeedError))[0] is FeedError
