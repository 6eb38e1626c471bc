"""Steps 2-5 of the main loop through the real widgets: read, draft, copy, mark posted."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from app.compose.context import TAKE_PLACEHOLDER
from app.planner import Planner
from app.strategy.scoring import current_scorer
from app.ui.views.drafts_page import DraftIdRole


def _click_row(qtbot, view, row):
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _wait_for_draft(qtbot, window):
    """Drafting renders off the GUI thread: wait for the composer to show the draft."""
    item_id = window.inbox.selected_item_id()

    def shown():
        draft = window.drafts.composer.draft
        return draft is not None and draft.item_ids == (item_id,)

    qtbot.waitUntil(shown, timeout=10_000)


def _wait_for_headline(qtbot, window, text):
    """The card follows what changed on the window's next turn."""
    qtbot.waitUntil(lambda: window.cadence.headline.text() == text)


def test_read_draft_copy_and_mark_posted(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    inbox = window.inbox
    assert inbox.currentWidget() is not inbox.empty
    assert inbox.model.rowCount() >= 100

    # 2. Select an item: the preview shows its title, source, date and summary.
    _click_row(qtbot, inbox.view, 2)
    item_id = inbox.selected_item_id()
    item = demo_planner.inbox.item(item_id)
    preview = inbox.preview
    assert preview.title.text() == item.title
    assert item.source in preview.meta.text()
    assert "ago" in preview.meta.text() or "yesterday" in preview.meta.text()
    assert item.summary_text.split("\n")[0][:40] in preview.body.toPlainText()

    # 3. Draft: the composer opens filled from the bundled template.
    qtbot.mouseClick(preview.draft_button, Qt.MouseButton.LeftButton)
    _wait_for_draft(qtbot, window)
    composer = window.drafts.composer
    assert window.pages.currentWidget() is window.drafts
    text = composer.editor.toPlainText()
    assert item.title in text and item.link in text and item.source in text
    assert TAKE_PLACEHOLDER in text
    # It is editable, and the placeholder is selected: typing replaces it.
    assert composer.editor.textCursor().selectedText() == TAKE_PLACEHOLDER
    qtbot.keyClicks(composer.editor, "This matches what we saw migrating 40 services.")
    edited = composer.editor.toPlainText()
    assert edited.startswith("This matches what we saw")

    # 4. Copy: the clipboard holds the draft as plain text.
    qtbot.mouseClick(composer.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == edited

    # 5. Mark posted: the cadence card counts it.
    assert window.cadence.headline.text() == "0 of 3 posts this week"
    qtbot.mouseClick(composer.posted_button, Qt.MouseButton.LeftButton)
    _wait_for_headline(qtbot, window, "1 of 3 posts this week")
    assert composer.editor.isReadOnly()
    assert "1 of 3 this week" in window.statusBar().currentMessage()
    assert composer.status.text().startswith("Posted on LinkedIn")
    post = demo_planner.cadence.posts()[0]  # the newest; the demo's year of posts is older
    assert (post.item_id, post.platform, post.text) == (item_id, "linkedin", edited)


def test_keyboard_draft_copy_and_post(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    window.inbox.view.setFocus()
    QTest.keyClick(window.inbox.view, Qt.Key.Key_Down)
    item_id = window.inbox.selected_item_id()
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _wait_for_draft(qtbot, window)
    assert window.drafts.composer.draft.item_ids == (item_id,)
    qtbot.keyClicks(window.drafts.composer.editor, "Read this.")
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_C, mods)
    assert QGuiApplication.clipboard().text() == window.drafts.composer.editor.toPlainText()
    QTest.keyClick(window, Qt.Key.Key_M, mods)
    _wait_for_headline(qtbot, window, "1 of 3 posts this week")


def test_post_and_draft_are_there_after_relaunch(qtbot, open_window, demo_planner, data_dir, clock):
    window = open_window(demo_planner)
    _click_row(qtbot, window.inbox.view, 0)
    qtbot.mouseClick(window.inbox.preview.draft_button, Qt.MouseButton.LeftButton)
    _wait_for_draft(qtbot, window)
    qtbot.keyClicks(window.drafts.composer.editor, "Worth your time.")
    qtbot.mouseClick(window.drafts.composer.posted_button, Qt.MouseButton.LeftButton)
    _click_row(qtbot, window.inbox.view, 1)
    qtbot.mouseClick(window.inbox.preview.draft_button, Qt.MouseButton.LeftButton)
    _wait_for_draft(qtbot, window)
    composer = window.drafts.composer
    composer.editor.selectAll()
    qtbot.keyClicks(composer.editor, "Typed, never saved by hand.")
    # Autosave, no explicit save: wait for the status to say so.
    qtbot.waitUntil(lambda: composer.status.text() == "Saved", timeout=3000)
    window.close()
    demo_planner.close()

    reopened = Planner.open(data_dir, clock=clock)
    again = open_window(reopened)
    assert again.cadence.headline.text() == "1 of 3 posts this week"
    drafts = again.drafts
    assert drafts.draft_count() == 1  # open drafts only, at first
    drafts.view_box.setCurrentIndex(drafts.view_box.findText("All"))
    assert drafts.draft_count() == 2
    states = {
        drafts.list.item(r).text().split("\n")[1].split(" ·")[0]
        for r in range(drafts.draft_count())
    }
    assert states == {"Draft", "Posted"}
    again.nav.setCurrentRow(1)
    texts = [
        reopened.drafting.draft(drafts.list.item(r).data(DraftIdRole)).text
        for r in range(drafts.draft_count())
    ]
    assert "Typed, never saved by hand." in texts
    again.close()
    reopened.close()


def test_closing_the_window_saves_pending_edits(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    qtbot.mouseClick(window.inbox.preview.draft_button, Qt.MouseButton.LeftButton)
    _wait_for_draft(qtbot, window)
    composer = window.drafts.composer
    composer.editor.selectAll()
    qtbot.keyClicks(composer.editor, "Last words")
    draft_id = composer.draft.id
    window.close()  # before the autosave timer fires
    assert demo_planner.drafting.draft(draft_id).text == "Last words"


def test_posting_with_the_placeholder_left_in_is_refused_with_a_message(
    qtbot, open_window, demo_planner
):
    window = open_window(demo_planner)
    qtbot.mouseClick(window.inbox.preview.draft_button, Qt.MouseButton.LeftButton)
    _wait_for_draft(qtbot, window)
    qtbot.mouseClick(window.drafts.composer.copy_button, Qt.MouseButton.LeftButton)
    assert "still has a placeholder to fill" in window.statusBar().currentMessage()
    qtbot.mouseClick(window.drafts.composer.posted_button, Qt.MouseButton.LeftButton)
    box = window.messages.last_error
    assert box is not None and box.isVisible()
    assert box.text() == "This draft still has the placeholder for your take."
    assert window.cadence.headline.text() == "0 of 3 posts this week"
    assert _posted_from_drafts(demo_planner) == []
    box.close()


def test_preview_shows_feed_text_literally_and_loads_nothing(
    db, qtbot, open_window, planner, clock
):
    from app.store import feeds as feeds_q
    from app.store import items as items_q
    from app.types import ParsedEntry

    hostile = ParsedEntry(
        key="guid:x",
        title="<b>Not bold</b>",
        link="https://x.example/a?b=1&c=2",
        author="",
        summary_html="",
        summary_text='<img src="https://tracker.example/p.gif"> & <a href="javascript:x">y</a>',
        published=clock.now(),
    )
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://x.example/feed", "X", clock.now())
        items_q.upsert_entries(conn, feed_id, [hostile], clock.now(), current_scorer(conn))
    window = open_window(planner)
    preview = window.inbox.preview
    assert preview.title.text() == "<b>Not bold</b>"
    text = preview.body.toPlainText()
    assert '<img src="https://tracker.example/p.gif"> & <a href="javascript:x">y</a>' in text
    assert "https://x.example/a?b=1&c=2" in text
    # The only link in the rendered body is the item's own http(s) link.
    assert preview.body.document().toHtml().count("<a href=") == 1


def test_a_hostile_item_renders_inert_with_its_links_showing_their_targets(
    db, qtbot, open_window, planner, clock, monkeypatch
):
    from app.store import feeds as feeds_q
    from app.store import items as items_q
    from app.types import ParsedEntry
    from app.ui.views.preview import SafeTextBrowser

    hostile = ParsedEntry(
        key="guid:h",
        title="Hostile",
        link="https://x.example/h",
        author="",
        summary_html=(
            "<p onclick='x()'>Read <a href='https://real.example/post'>this post</a>"
            " or <a href='javascript:steal()'>that</a>.</p><script>alert(1)</script>"
            "<img src='https://tracker.example/p.gif' width='1' height='1'>"
            "<p style='background:url(https://tracker.example/b.png)'>End.</p>"
        ),
        summary_text="Read this post or that. End.",
        published=clock.now(),
    )
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://x.example/feed", "X", clock.now())
        items_q.upsert_entries(conn, feed_id, [hostile], clock.now(), current_scorer(conn))
    asked = []
    real = SafeTextBrowser.loadResource
    monkeypatch.setattr(
        SafeTextBrowser,
        "loadResource",
        lambda self, t, url: asked.append(url) or real(self, t, url),
    )
    window = open_window(planner)
    body = window.inbox.preview.body
    text = body.toPlainText()
    assert "Read this post (real.example/post) or that." in text
    assert "alert" not in text and "End." in text
    html = body.document().toHtml()
    assert "javascript" not in html and "tracker.example" not in html and "<img" not in html
    assert html.count("<a href=") == 2  # the post's link and the item's own
    assert all(not url.toString().startswith("http") for url in asked)


def test_draft_shortcuts_do_nothing_away_from_the_composer(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_M, mods)
    assert _posted_from_drafts(demo_planner) == []
    assert window.statusBar().currentMessage().startswith("Open a draft first")


def test_links_open_in_the_browser_only_when_http(qtbot, open_window, demo_planner, monkeypatch):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    window = open_window(demo_planner)
    preview = window.inbox.preview
    qtbot.mouseClick(preview.open_button, Qt.MouseButton.LeftButton)
    assert opened == [preview.item.link] and opened[0].startswith("https://")
    with qtbot.waitSignal(preview.link_refused):
        preview.body.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert len(opened) == 1
    assert "is not a web link" in window.statusBar().currentMessage()


def test_from_an_item_to_posts_on_linkedin_and_on_x(qtbot, open_window, demo_planner):
    """The main loop (README.md; the user guide's steps): an inbox item to a post worth
    publishing on LinkedIn and on X, in a handful of keystrokes and clicks."""
    window = open_window(demo_planner)
    _click_row(qtbot, window.inbox.view, 0)
    item = demo_planner.inbox.item(window.inbox.selected_item_id())
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

    # LinkedIn: draft, type the take over the selected placeholder, copy, mark posted.
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _wait_for_draft(qtbot, window)
    composer = window.drafts.composer
    qtbot.keyClicks(composer.editor, "Adoption came from speed, not mandates.")
    composer._update_counts()
    assert composer.counters.counts["linkedin"].ok
    QTest.keyClick(window, Qt.Key.Key_C, ctrl_shift)
    linkedin_text = QGuiApplication.clipboard().text()
    assert linkedin_text.startswith("Adoption came from speed") and item.link in linkedin_text
    QTest.keyClick(window, Qt.Key.Key_M, ctrl_shift)

    # X: draft again, switch to X, re-draft, type a take, copy, mark posted.
    window.nav.setCurrentRow(0)
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: composer.draft is not None and composer.draft.state == "draft")
    composer.platform_box.setCurrentIndex(composer.platform_box.findData("x"))
    qtbot.mouseClick(composer.redraft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Drafted again" in window.statusBar().currentMessage(), timeout=10_000)
    qtbot.keyClicks(composer.editor, "Speed beats mandates.")
    composer._update_counts()
    x_count = composer.counters.counts["x"]
    assert x_count.ok and x_count.count <= 280
    QTest.keyClick(window, Qt.Key.Key_C, ctrl_shift)
    assert QGuiApplication.clipboard().text().startswith("Speed beats mandates.")
    QTest.keyClick(window, Qt.Key.Key_M, ctrl_shift)

    posts = _posted_from_drafts(demo_planner)
    assert sorted(p.platform for p in posts) == ["linkedin", "x"]
    _wait_for_headline(qtbot, window, "2 of 3 posts this week")


def _posted_from_drafts(planner):
    """Posts marked posted from a draft (the demo's own year of posts has no draft)."""
    return [p for p in planner.cadence.posts() if p.draft_id is not None]
