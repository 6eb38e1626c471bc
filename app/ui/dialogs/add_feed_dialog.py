"""Add a feed: paste a feed or website address, pick among the feeds found, choose
themes, and sign in if the feed is private (the secret goes to the OS keyring only)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DigwellError
from app.i18n import N_, _, ngettext
from app.planner import Planner
from app.types import Feed
from app.ui.background import BackgroundCall
from app.ui.dialogs.form_parts import problem_style
from app.ui.look import heading, quiet
from app.ui.views.theme_picker import ThemePicker

KIND_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
# (kind, menu text, name label or "" when there is no name, secret label)
AUTH_KINDS = (
    ("basic", N_("User name and password"), N_("User name"), N_("Password")),
    ("bearer", N_("Access token"), "", N_("Token")),
    ("header", N_("Custom header (API key)"), N_("Header name"), N_("Header value")),
)
# What is said when a sign-in field is left empty, by the field's label.
EMPTY_FIELD = {
    "User name": N_("The user name is empty."),
    "Password": N_("The password is empty."),
    "Token": N_("The token is empty."),
    "Header name": N_("The header name is empty."),
    "Header value": N_("The header value is empty."),
}
ChoiceRole = Qt.ItemDataRole.UserRole + 1


def error_text(err: BaseException) -> str:
    if isinstance(err, DigwellError):
        return f"{err.message} {err.hint}".strip()
    return _("Something went wrong: {error}").format(error=err)


class SignInBox(QGroupBox):
    """The private-feed part: how to sign in, and the secret. Says plainly whether a
    system keyring can keep the secret; without one it stays disabled."""

    def __init__(
        self, keyring_status: Callable[[], tuple[bool, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(_("This feed is private: sign in"), parent)
        self._keyring_status = keyring_status  # asked when first ticked (keyring is slow)
        self.setObjectName("signInBox")
        self.setCheckable(True)
        self.setChecked(False)
        self.kind = QComboBox()
        for key, text, _name, _secret in AUTH_KINDS:
            self.kind.addItem(_(text), key)
        self.name = QLineEdit()
        self.name.setObjectName("authName")
        self.secret = QLineEdit()
        self.secret.setObjectName("authSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel()
        self.note.setObjectName("keyringNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        quiet(self.note)
        self.form = QFormLayout(self)
        self.form.addRow(_("Sign in with"), self.kind)
        self.form.addRow(_("User name"), self.name)
        self.form.addRow(_("Password"), self.secret)
        self.form.addRow(self.note)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.toggled.connect(self._toggled)
        self._keyring_ok: bool | None = None
        self._kind_changed()

    def _kind_changed(self) -> None:
        _key, _text, name_label, secret_label = AUTH_KINDS[self.kind.currentIndex()]
        self.form.setRowVisible(self.name, bool(name_label))
        if name_label:
            self.form.labelForField(self.name).setText(_(name_label))
        self.form.labelForField(self.secret).setText(_(secret_label))

    def _toggled(self, on: bool) -> None:
        if on and self._keyring_ok is None:
            self._keyring_ok, sentence = self._keyring_status()
            if self._keyring_ok:
                # Translators: follows a sentence on where the feeds' secrets are kept.
                sentence += " " + _("Digwell's own files, exports and messages never contain them.")
            else:
                sentence += " " + _(
                    "Subscribe without signing in, or set up a system keyring first."
                )
            self.note.setText(sentence)
        for widget in (self.kind, self.name, self.secret):
            widget.setEnabled(on and bool(self._keyring_ok))

    def wanted(self) -> bool:
        return self.isChecked()

    def value(self):
        """The FeedSecret entered, or None when the feed is not private; raises
        DigwellError when a needed field is empty or no keyring can keep it."""
        if not self.isChecked():
            return None
        from app.credentials.secret import FeedSecret

        if not self._keyring_ok:
            raise DigwellError(
                self.note.text(), _("Subscribe without signing in, or set up a keyring.")
            )
        key, _text, name_label, secret_label = AUTH_KINDS[self.kind.currentIndex()]
        name = self.name.text().strip() if name_label else ""
        if name_label and not name:
            raise DigwellError(_(EMPTY_FIELD[name_label]), _("Fill it in to sign in."))
        if not self.secret.text():
            raise DigwellError(_(EMPTY_FIELD[secret_label]), _("Fill it in to sign in."))
        return FeedSecret(kind=key, name=name, value=self.secret.text())


class AddFeedDialog(QDialog):
    """Finds the feeds at an address in the background, then subscribes to the one
    picked. `feed` is the new subscription once accepted."""

    def __init__(self, planner: Planner, parent: QWidget | None = None, *, theme: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a feed"))
        self.setObjectName("addFeedDialog")
        self.resize(560, 600)
        self._planner = planner
        self._call: BackgroundCall | None = None
        self._found_for = ""  # the address the list of found feeds belongs to
        self._subscribe_when_found = False
        self.feed: Feed | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QLabel(_("Add a feed")), 1.3))
        layout.addLayout(self._address_row())
        layout.addWidget(self._status_line())
        layout.addWidget(self._found_list())
        layout.addLayout(self._feed_form(theme))
        self.sign_in = SignInBox(planner.feeds.keyring_status)
        layout.addWidget(self.sign_in)
        layout.addStretch(1)
        layout.addWidget(self._buttons())
        self._update_buttons()

    def _address_row(self) -> QHBoxLayout:
        self.url = QLineEdit()
        self.url.setObjectName("feedAddress")
        self.url.setAccessibleName(_("Feed or website address"))
        self.url.setPlaceholderText(_("https://example.com/blog or its feed address"))
        self.url.textChanged.connect(self._update_buttons)
        self.find_button = QPushButton(_("Find feeds"))
        self.find_button.setObjectName("findFeeds")
        self.find_button.clicked.connect(self.find)
        address = QHBoxLayout()
        address.addWidget(self.url, 1)
        address.addWidget(self.find_button)
        return address

    def _status_line(self) -> QLabel:
        self.status = QLabel(
            _(
                "Paste the address of a website or of its feed. Digwell looks for the feeds "
                "the site offers."
            )
        )
        self.status.setObjectName("findStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        quiet(self.status)
        return self.status

    def _found_list(self) -> QListWidget:
        self.found = QListWidget()
        self.found.setObjectName("foundFeeds")
        self.found.setMaximumHeight(120)
        self.found.hide()
        self.found.currentItemChanged.connect(self._picked)
        return self.found

    def _feed_form(self, theme: str) -> QFormLayout:
        self.name = QLineEdit()
        self.name.setObjectName("feedName")
        self.name.setPlaceholderText(_("The feed's own title"))
        names = [t.name for t in self._planner.strategy.themes()]
        self.themes = ThemePicker(names, [theme] if theme else [])
        form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow(_("Themes"), self.themes)
        return form

    def _buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.subscribe_button = self.buttons.addButton(
            _("Subscribe"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.subscribe_button.setObjectName("subscribeButton")
        self.buttons.accepted.connect(self.subscribe)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    # Finding -------------------------------------------------------------------

    def find(self) -> None:
        """Look for feeds at the address, in the background."""
        address = self.url.text().strip()
        if not address or self._busy():
            return
        try:
            secret = self.sign_in.value()
        except DigwellError as err:
            self._say(error_text(err), error=True)
            return
        planner = self._planner
        self._say(_("Looking for feeds at {address}…").format(address=address))
        self.found.clear()
        self.found.hide()
        self._found_for = ""
        call = BackgroundCall(lambda: planner.feeds.find(address, secret=secret))
        call.done.connect(lambda choices: self._found(address, choices))
        call.failed.connect(self._failed)
        call.done.connect(self._update_buttons)
        call.failed.connect(self._update_buttons)
        self._call = call
        call.start()
        self._update_buttons()

    def _failed(self, err: BaseException) -> None:
        self._subscribe_when_found = False
        self._say(error_text(err), error=True)

    def _busy(self) -> bool:
        return self._call is not None and self._call.is_running()

    def _found(self, address: str, choices) -> None:
        self._found_for = address
        self.found.clear()
        for choice in choices:
            kind = KIND_LABELS.get(choice.kind, choice.kind)
            title = choice.title or _("Untitled feed")
            entry = QListWidgetItem(f"{title}  ·  {kind}\n{choice.url}")
            entry.setData(ChoiceRole, choice)
            entry.setToolTip(choice.url)
            self.found.addItem(entry)
        self.found.setVisible(bool(choices))
        self.found.setCurrentRow(0)
        auto, self._subscribe_when_found = self._subscribe_when_found, False
        if len(choices) == 1:
            self._say(_("Found the feed."))
            if auto:
                self.subscribe()
        else:
            count = len(choices)
            self._say(
                ngettext(
                    "This site offers {count} feed: pick it, then subscribe.",
                    "This site offers {count} feeds: pick one, then subscribe.",
                    count,
                ).format(count=count)
            )

    def _picked(self, current, _previous) -> None:
        choice = current.data(ChoiceRole) if current is not None else None
        if choice is not None:
            self.name.setPlaceholderText(choice.title or _("The feed's own title"))
        self._update_buttons()

    def chosen(self):
        entry = self.found.currentItem()
        if entry is None or self._found_for != self.url.text().strip():
            return None
        return entry.data(ChoiceRole)

    # Subscribing ---------------------------------------------------------------

    def subscribe(self) -> None:
        choice = self.chosen()
        if choice is None:  # "Find and subscribe": subscribe if exactly one is found
            self.find()
            self._subscribe_when_found = self._busy()
            return
        try:
            secret = self.sign_in.value()
            self.feed = self._planner.feeds.subscribe(
                choice.url,
                themes=self.themes.chosen(),
                title=self.name.text().strip() or choice.title,
                secret=secret,
            )
        except DigwellError as err:
            self._say(error_text(err), error=True)
            return
        self.accept()

    def _update_buttons(self, *_args) -> None:
        busy = self._busy()
        self.find_button.setEnabled(bool(self.url.text().strip()) and not busy)
        self.subscribe_button.setEnabled(not busy and bool(self.url.text().strip()))
        chosen = self.chosen() is not None
        self.subscribe_button.setText(_("Subscribe") if chosen else _("Find and subscribe"))
        # Enter finds feeds first, then subscribes to the one picked.
        self.find_button.setDefault(not chosen)
        self.subscribe_button.setDefault(chosen)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.setStyleSheet(problem_style(self.status) if error else "")
