"""The ranked inbox in the window: themes with unread counts, state and search filters,
single-key commands, and re-ranking after a strategy change."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.strategy.scoring import current_scorer
from app.types import InboxFilter
from app.ui.views.inbox_page import SEARCH_DELAY_MS


def _titles(page):
    model = page.model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def _press(window, *keys):
    view = window.inbox.view
    view.setFocus()
    for key in keys:
        QTest.keyClick(view, key)


def test_themes_list_their_unread_counts_and_filter_the_inbox(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    page = window.inbox
    counts = demo_planner.inbox.unread_counts()
    labels = [page.themes.item(row).text() for row in range(page.themes.count())]
    themes = demo_planner.strategy.themes()
    assert labels[0] == f"All themes  ·  {counts[0]}"
    assert labels[1:] == [f"{t.name}  ·  {counts[t.id]}" for t in themes]
    page.themes.setCurrentRow(1)
    assert page.model.filter.theme_id == themes[0].id
    expected = demo_planner.inbox.ids(None, InboxFilter(themes[0].id))
    assert [page.model.item_id(r) for r in range(page.model.rowCount())] == expected
    first = demo_planner.inbox.rows([expected[0]], themes[0].id)[expected[0]]
    assert first.reason.startswith(themes[0].name + ": ")
    assert page.preview.reason.text().startswith("Why it ranks: ")


def test_keys_move_star_read_and_dismiss_and_the_counts_follow(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    page = window.inbox
    first, second = page.model.item_id(0), page.model.item_id(1)
    unread = demo_planner.inbox.unread_counts()[0]
    _press(window, Qt.Key.Key_J)
    assert page.selected_item_id() == second
    _press(window, Qt.Key.Key_K, Qt.Key.Key_S, Qt.Key.Key_M)
    item = demo_planner.inbox.item(first)
    assert item.starred and item.read
    assert page.preview.star_button.text() == "Unstar"
    qtbot.waitUntil(lambda: page.themes.item(0).text() == f"All themes  ·  {unread - 1}")
    _press(window, Qt.Key.Key_D)
    assert demo_planner.inbox.item(first).dismissed
    assert first not in [page.model.item_id(r) for r in range(page.model.rowCount())]
    assert page.selected_item_id() == second  # the next one takes its place
    assert "Dismissed" in window.statusBar().currentMessage()
    page.show_box.setCurrentIndex(page.show_box.findData("dismissed"))
    assert [page.model.item_id(r) for r in range(page.model.rowCount())] == [first]
    _press(window, Qt.Key.Key_Delete)  # brings it back
    assert not demo_planner.inbox.item(first).dismissed and page.model.rowCount() == 0
    page.show_box.setCurrentIndex(page.show_box.findData("starred"))
    assert [page.model.item_id(r) for r in range(page.model.rowCount())] == [first]


def test_letters_typed_in_the_search_box_are_not_commands(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    page = window.inbox
    page.search.setFocus()
    QTest.keyClicks(page.search, "dsm")
    assert not demo_planner.inbox.item(page.model.item_id(0)).dismissed


def test_search_waits_for_typing_to_pause_then_lists_the_matches(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    page = window.inbox
    QTest.keyClicks(page.search, "golden pa")
    assert page.model.filter.search == ""  # not yet: debounced
    qtbot.waitUntil(lambda: page.model.filter.search == "golden pa", timeout=SEARCH_DELAY_MS * 8)
    titles = _titles(page)
    assert titles and all(
        "golden" in demo_planner.inbox.item(page.model.item_id(r)).summary_text.lower()
        or "golden" in t.lower()
        for r, t in enumerate(titles)
    )
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.filter.search == "", timeout=SEARCH_DELAY_MS * 8)
    assert page.model.rowCount() == min(200, demo_planner.inbox.count(InboxFilter()))


def test_o_opens_the_link_in_the_browser_and_marks_it_read(
    qtbot, open_window, demo_planner, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    window = open_window(demo_planner)
    _press(window, Qt.Key.Key_O)
    item = window.inbox.preview.item
    assert opened == [item.link] and demo_planner.inbox.item(item.id).read


def test_a_saved_strategy_change_reranks_in_its_own_process(db, qtbot, open_window, demo_planner):
    from app.store import themes as themes_q
    from app.store.settings import set_setting
    from app.strategy.scoring import STRATEGY_VERSION_KEY

    window = open_window(demo_planner)
    theme = demo_planner.strategy.themes()[2]
    with db.transaction() as conn:
        themes_q.save_theme(conn, theme._replace(keywords=("zzzz-nothing",)), 2)
        set_setting(conn, STRATEGY_VERSION_KEY, 99)
    assert not demo_planner.inbox.scores_current()
    before = demo_planner.inbox.unread_counts().get(theme.id, 0)
    assert before > 0
    with qtbot.waitSignal(window.work.ranked, timeout=60_000):
        window.work.rank_again()
        assert window.inbox.ranking_note.isVisibleTo(window.inbox)
    assert demo_planner.inbox.scores_current()
    assert demo_planner.inbox.unread_counts().get(theme.id, 0) == 0
    assert not window.inbox.ranking_note.isVisibleTo(window.inbox)


def test_a_new_user_is_offered_a_strategy_or_the_demo(qtbot, open_window, planner):
    window = open_window(planner, demo=False)
    page = window.inbox
    assert page.currentWidget() is page.first_run
    with qtbot.waitSignal(window.demo_requested):
        page.first_run.demo_button.click()
    page.first_run.setup_button.click()
    dialog = window.findChild(__import__("PySide6.QtWidgets").QtWidgets.QDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.stack.setClean()
    dialog.reject()


def test_saving_the_strategy_from_the_window_reranks(qtbot, open_window, demo_planner):
    window = open_window(demo_planner)
    dialog = window.edit_strategy()
    strategy = demo_planner.strategy.load()
    renamed = strategy._replace(
        themes=(strategy.themes[0]._replace(name="Platform craft"), *strategy.themes[1:])
    )
    with qtbot.waitSignal(window.work.ranked, timeout=60_000):
        demo_planner.strategy.save(renamed)
        dialog.saved.emit(1)
    labels = [window.inbox.themes.item(r).text() for r in range(window.inbox.themes.count())]
    assert labels[1].startswith("Platform craft")
    assert demo_planner.inbox.scores_current()
    dialog.stack.setClean()
    dialog.reject()


def test_a_busy_database_is_a_message_not_a_crash(qtbot, open_window, demo_planner, monkeypatch):
    from app.errors import StorageError

    window = open_window(demo_planner)

    def busy(*_args, **_kwargs):
        raise StorageError("The database is busy: another program is holding it.", "")

    monkeypatch.setattr(demo_planner.inbox, "set_starred", busy)
    first = window.inbox.model.item_id(0)
    _press(window, Qt.Key.Key_S)
    assert "busy" in window.statusBar().currentMessage()
    assert not demo_planner.inbox.item(first).starred


def test_an_item_without_a_web_link_says_so_when_asked_to_open(
    db, qtbot, open_window, planner, clock, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    from app.store import feeds as feeds_q
    from app.store import items as items_q
    from app.types import ParsedEntry

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    hostile = ParsedEntry("guid:j", "A hostile link", "", "", "", "Text.", clock.now(), "j")
    with db.transaction() as conn:  # its javascript: link was dropped when parsed
        feed_id = feeds_q.add_feed(conn, "https://x.example/feed", "X", clock.now())
        items_q.upsert_entries(conn, feed_id, [hostile], clock.now(), current_scorer(conn))
    window = open_window(planner, demo=False)
    _press(window, Qt.Key.Key_O)
    assert opened == []
    assert window.statusBar().currentMessage().startswith("This item has no web link")


def test_dismissing_deep_in_the_list_keeps_the_place(db, qtbot, open_window, planner, clock):
    from datetime import timedelta

    from PySide6.QtCore import QModelIndex

    from app.store import feeds as feeds_q
    from app.store import items as items_q
    from app.types import ParsedEntry

    now = clock.now()
    entries = [
        ParsedEntry(
            f"guid:{i}",
            f"Item {i}",
            f"https://x.example/{i}",
            "",
            "",
            "",
            now - timedelta(minutes=i),
            str(i),
        )
        for i in range(450)
    ]
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://x.example/feed", "X", now)
        items_q.upsert_entries(conn, feed_id, entries, now, current_scorer(conn))
    window = open_window(planner, demo=False)
    page, model = window.inbox, window.inbox.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    page._select_row(300)
    doomed, after = model.item_id(300), model.item_id(301)
    _press(window, Qt.Key.Key_D)
    assert planner.inbox.item(doomed).dismissed
    assert model.rowCount() == 449 and model.total() == 449
    assert page.view.currentIndex().row() == 300 and page.selected_item_id() == after
    assert doomed not in [model.item_id(r) for r in range(model.rowCount())]
