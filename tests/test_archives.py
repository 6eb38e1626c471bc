"""Reading exports safely (app/archives.py, docs/HISTORY.md): files capped before they
are opened, zip members streamed with their size checked by header and by the bytes
read, zip bombs and unsafe names refused, nothing extracted to disk."""

from __future__ import annotations

import io
import os
import struct
import zipfile

import pytest

import app.archives as archives
from app.archives import (
    MAX_FILE_BYTES,
    Prefixed,
    ZipArchive,
    check_file,
    looks_like_zip,
    read_file,
    safe_member_name,
)
from app.errors import DigwellError
from tests.history.export_files import lie_about_size, write_zip

HINT = "Import the .zip as the platform sent it."


def _zip(tmp_path, members, name="export.zip"):
    return write_zip(tmp_path / name, members)


def test_members_are_found_by_name_and_streamed(tmp_path):
    text = "".join(f"line {n}\n" for n in range(20_000)).encode()
    path = _zip(tmp_path, {"Export/Deep/Shares.csv": text, "Shares.csv": b"top", "x/": b""})
    seen = []
    with ZipArchive(path, HINT) as archive:
        found = archive.find(lambda name: name == "shares.csv")
        assert [i.filename for i in found] == ["Shares.csv", "Export/Deep/Shares.csv"]
        with archive.open(found[1], 10**6, progress=seen.append) as stream:
            chunks = iter(lambda: stream.read(1000), b"")
            assert b"".join(chunks) == text
        assert archive.read(found[0], 10) == b"top"
    assert [i.filename for i in archive.members] == ["Export/Deep/Shares.csv", "Shares.csv"]
    assert sorted(os.listdir(tmp_path)) == ["export.zip"]  # nothing extracted


def test_progress_is_told_every_megabyte(tmp_path):
    data = os.urandom(3 * 1024 * 1024 + 5)
    path = _zip(tmp_path, {"big.bin": data})
    seen = []
    with (
        ZipArchive(path, HINT) as archive,
        archive.open(archive.members[0], 10 * 2**20, progress=seen.append) as stream,
    ):
        while stream.read(64 * 1024):
            pass
    assert len(seen) == 3 and seen == sorted(seen) and seen[-1] <= len(data)


def test_a_file_that_is_not_a_zip_is_refused_with_the_hint(tmp_path):
    path = tmp_path / "export.zip"
    path.write_text("Date,ShareLink\n")
    assert not looks_like_zip(path)
    with pytest.raises(DigwellError, match="is not a zip file") as err:
        ZipArchive(path, HINT)
    assert err.value.hint == HINT


def test_a_zip_cut_short_is_refused(tmp_path):
    path = _zip(tmp_path, {"Shares.csv": os.urandom(50_000)})
    path.write_bytes(path.read_bytes()[:30_000])
    assert looks_like_zip(path)
    with pytest.raises(DigwellError, match="is not a zip file"):
        ZipArchive(path, HINT)


@pytest.mark.parametrize(
    "name",
    ["../Shares.csv", "/etc/Shares.csv", "C:\\Shares.csv", "a/../../b.csv", "data\\tweets.js"],
)
def test_a_zip_with_an_unsafe_member_name_is_refused(tmp_path, name):
    path = _zip(tmp_path, {"Shares.csv": b"x", name: b"x"})
    with pytest.raises(DigwellError, match="could point outside"):
        ZipArchive(path, HINT)


def test_member_names():
    assert safe_member_name("data/tweets.js")
    assert safe_member_name("a..b/Shares.csv")  # dots inside a name are fine
    bad = ("", "..", "../x", "x/../../y", "/x", "\\x", "c:x", "x\\y", "a\0b", "D:/x")
    for name in bad:
        assert not safe_member_name(name), name


def test_a_member_declared_larger_than_the_limit_is_refused_unread(tmp_path):
    path = _zip(tmp_path, {"Shares.csv": b"x" * 5000})
    with ZipArchive(path, HINT) as archive, pytest.raises(DigwellError, match="larger than"):
        archive.open(archive.members[0], 1024)


def test_a_member_declaring_a_huge_size_is_refused_unread(tmp_path):
    path = _zip(tmp_path, {"data/tweets.js": b"[" + b"1," * 1000 + b"1]"})
    lie_about_size(path, "data/tweets.js", 0xFFFFFFF0)  # 4 GB
    with ZipArchive(path, HINT) as archive, pytest.raises(DigwellError, match="larger than 400 MB"):
        archive.open(archive.members[0], 400 * 2**20)


def test_a_member_that_inflates_beyond_what_it_declares_is_refused(tmp_path):
    # 3 MB of zeros pack to a few KB; the headers claim 100 bytes.
    path = _zip(tmp_path, {"outbox.json": b"0" * 3_000_000})
    lie_about_size(path, "outbox.json", 100)
    with ZipArchive(path, HINT) as archive:
        assert archive.members[0].file_size == 100
        with pytest.raises(DigwellError, match=r"outbox\.json in export\.zip cannot be read"):
            archive.read(archive.members[0], 10**9)


def test_a_member_compressed_like_a_zip_bomb_is_refused_unread(tmp_path):
    path = _zip(tmp_path, {"data/tweets.js": b"\0" * (20 * 2**20)})
    with ZipArchive(path, HINT) as archive:
        member = archive.members[0]
        assert member.file_size > 500 * member.compress_size
        with pytest.raises(DigwellError, match="as a zip bomb does"):
            archive.open(member, 400 * 2**20)


def test_ordinary_text_compression_is_not_taken_for_a_bomb(tmp_path):
    text = "".join(
        f'{{"id": "{n}", "text": "post number {n * 7919 % 10007}"}},\n' for n in range(50_000)
    )
    path = _zip(tmp_path, {"outbox.json": text})
    with ZipArchive(path, HINT) as archive:
        assert len(archive.read(archive.members[0], 10**8)) == len(text)


def test_a_zip_claiming_many_gigabytes_in_all_is_refused(tmp_path):
    path = _zip(tmp_path, {f"part{n}.csv": b"x" for n in range(5)})
    for n in range(5):
        lie_about_size(path, f"part{n}.csv", 0xFFFFFFF0)
    with pytest.raises(DigwellError, match="claims to unpack to over 16 GB"):
        ZipArchive(path, HINT)


def test_what_one_archive_hands_out_is_capped_in_all(tmp_path, monkeypatch):
    monkeypatch.setattr(archives, "MAX_READ_BYTES", 1500)
    path = _zip(tmp_path, {"a.csv": os.urandom(1000), "b.csv": os.urandom(1000)})
    with ZipArchive(path, HINT) as archive:
        archive.read(archive.members[0], 10**6)
        with pytest.raises(DigwellError, match=r"unpacks to over .* \(at b\.csv\)"):
            archive.read(archive.members[1], 10**6)


def _set_end_record(path, entries=None, directory=None):
    data = bytearray(path.read_bytes())
    at = data.rfind(b"PK\x05\x06")
    if entries is not None:
        struct.pack_into("<HH", data, at + 8, entries, entries)
    if directory is not None:
        struct.pack_into("<I", data, at + 12, directory)
    path.write_bytes(bytes(data))


def test_a_central_directory_too_large_to_hold_is_refused_before_parsing(tmp_path):
    path = _zip(tmp_path, {"a.csv": b"x"})
    _set_end_record(path, directory=200 * 2**20)
    with pytest.raises(DigwellError, match="Digwell reads zips of up to 200,000 files"):
        ZipArchive(path, HINT)


def test_a_zip64_end_record_is_read_for_the_count(tmp_path, monkeypatch):
    monkeypatch.setattr(archives, "MAX_MEMBERS", 3)
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(5):
            archive.writestr(f"{n}.csv", b"x")
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    directory_at = struct.unpack_from("<I", data, end + 16)[0]
    # Rewrite the end as zip64 writes it: a zip64 end record, its locator, then the
    # classic end record with its counts saturated.
    record = struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, 5, 5,
                         end - directory_at, directory_at)  # fmt: skip
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, end, 1)
    classic = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                          0xFFFFFFFF, 0)  # fmt: skip
    path.write_bytes(bytes(data[:end]) + record + locator + classic)
    with pytest.raises(DigwellError, match="lists 5 files"):
        ZipArchive(path, HINT)


def test_an_encrypted_member_is_refused(tmp_path):
    path = _zip(tmp_path, {"Shares.csv": b"Date\n"})
    data = bytearray(path.read_bytes())
    data[data.find(b"PK\x01\x02") + 8] |= 0x1  # the central directory's "encrypted" flag
    path.write_bytes(bytes(data))
    with ZipArchive(path, HINT) as archive, pytest.raises(DigwellError, match="encrypted"):
        archive.read(archive.members[0], 10**6)


def test_a_file_over_500_mb_is_refused_before_it_is_opened(tmp_path):
    path = tmp_path / "archive.zip"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing written
    with pytest.raises(DigwellError, match="over 500 MB"):
        check_file(path, "an export")
    with pytest.raises(DigwellError, match="over 500 MB"):
        ZipArchive(path, HINT)


@pytest.mark.parametrize("kind", ["missing", "folder", "empty"])
def test_files_that_cannot_be_exports(tmp_path, kind):
    path = tmp_path / "export.zip"
    if kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"")
    message = {"missing": "There is no file", "folder": "is a folder", "empty": "is empty"}
    with pytest.raises(DigwellError, match=message[kind]):
        check_file(path, "an export")


def test_a_whole_file_is_read_up_to_its_limit(tmp_path):
    path = tmp_path / "repo.car"
    path.write_bytes(b"x" * 2000)
    assert read_file(path, 2000, "a .car") == b"x" * 2000
    with pytest.raises(DigwellError, match="larger than"):
        read_file(path, 1999, "a .car")


def test_prefixed_gives_the_head_then_the_rest():
    stream = io.BufferedReader(Prefixed(b"[1,", io.BytesIO(b"2,3]")), 2)
    assert stream.read() == b"[1,2,3]"
