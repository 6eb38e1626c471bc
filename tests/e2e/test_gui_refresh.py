"""End to end: feeds subscribed with the real CLI, refreshed from the real window, which
runs `digwell refresh` in its own process against a local feed server."""

import os
import subprocess
import sys

from PySide6.QtCore import Qt

from app.clock import NOW_ENV
from app.planner import Planner
from tests.conftest import NOW
from tests.feed_server import FeedServer, rss

TIMEOUT_MS = 60_000


def test_subscribe_with_the_cli_then_refresh_from_the_window(qtbot, tmp_path, clock, monkeypatch):
    from app.ui.app import build_window

    monkeypatch.setenv(NOW_ENV, NOW.isoformat())
    data = tmp_path / "data"
    with FeedServer() as server:
        for n in range(3):
            server.route(f"/f{n}.xml", body=rss(f"feed{n}", 5), etag=f'"e{n}"')
        server.route("/dead.xml", status=500, body=b"oops")
        opml = tmp_path / "subs.opml"
        outlines = "".join(
            f'<outline type="rss" text="F{n}" xmlUrl="{server.url(f"/f{n}.xml")}"/>'
            for n in range(3)
        )
        opml.write_text(
            '<?xml version="1.0"?><opml version="2.0"><head/><body>'
            f'<outline text="Platform">{outlines}'
            f'<outline type="rss" text="Dead" xmlUrl="{server.url("/dead.xml")}"/>'
            "</outline></body></opml>"
        )
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "app",
                "feeds",
                "import-opml",
                str(opml),
                "--data-dir",
                str(data),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env=dict(os.environ),
        )
        assert out.returncode == 0, out.stderr

        planner = Planner.open(data, clock=clock)
        try:
            window = build_window(planner, demo=False)
            qtbot.addWidget(window)
            window.show()
            qtbot.waitExposed(window)
            assert (
                window.inbox.empty is not None
                and window.inbox.currentWidget() is window.inbox.empty
            )

            with qtbot.waitSignal(window.work.refreshed, timeout=TIMEOUT_MS) as done:
                qtbot.mouseClick(window.work.refresh_status.button, Qt.MouseButton.LeftButton)
            report = done.args[0]
            assert (report["feeds"], report["ok"], report["errors"], report["added"]) == (
                4,
                3,
                1,
                15,
            )
            assert window.inbox.model.total() == 15
            assert window.inbox.currentWidget() is not window.inbox.empty
            assert window.work.refresh_status.errors.text() == "1 feed with errors"
            assert window.nav.item(2).text() == "Feeds  ·  4"

            # Again: nothing changed, so the server answers 304 and nothing is re-read.
            server.reset_counters()
            with qtbot.waitSignal(window.work.refreshed, timeout=TIMEOUT_MS) as done:
                window.work.refresh_now()
            assert done.args[0]["not_modified"] == 3
            assert sum(server.sent_bytes[f"/f{n}.xml"] for n in range(3)) == 0
            assert window.inbox.model.total() == 15
            window.close()
        finally:
            planner.close()
