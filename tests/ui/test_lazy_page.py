"""LazyPage: a stand-in holds a page's place in the stack until it is first wanted."""

from PySide6.QtWidgets import QLabel, QStackedWidget

from app.ui.lazy_page import LazyPage


def test_a_page_is_built_once_when_first_wanted_in_its_stand_ins_place(qtbot):
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    stack.addWidget(QLabel("first"))
    built: list[QLabel] = []
    wired: list[QLabel] = []

    def build() -> QLabel:
        built.append(QLabel("second"))
        return built[-1]

    lazy = LazyPage(stack, build, wired.append)
    stack.addWidget(QLabel("third"))
    assert built == [] and lazy.page is None and stack.count() == 3
    stand_in = stack.widget(1)

    page = lazy.get()
    assert lazy.get() is page and built == [page] and wired == [page]
    assert stack.count() == 3 and stack.widget(1) is page and stack.indexOf(stand_in) == -1
    assert stack.widget(2).text() == "third"
