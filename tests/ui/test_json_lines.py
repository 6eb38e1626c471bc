"""Progress lines from a child command, read in arbitrary chunks."""

from app.ui.json_lines import JsonLines


def test_objects_come_whole_whatever_the_chunks_and_noise_is_skipped():
    lines = JsonLines()
    assert lines.feed(b'{"event": "sta') == []
    assert lines.feed(b'rt", "total": 2}\nwarning: something\n[1, 2]\n{"a"') == [
        {"event": "start", "total": 2}
    ]
    assert lines.feed(b": 1}\n") == [{"a": 1}]
    assert lines.feed(b'{"event": "done"}') == []
    assert lines.finish() == [{"event": "done"}]
    assert lines.finish() == []
