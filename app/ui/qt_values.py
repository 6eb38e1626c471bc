"""Values of `Qt` namespace enums as plain ints, for code on the way to the first paint.

PySide6 builds every enum of the `Qt` namespace at once (about 90; `Qt.Key` alone
has 471 members) the first time anything touches `Qt`, including overloaded calls
such as `QPainter.setPen` or `QAction.setShortcut`: ~35 ms here, a tenth of
start-up. So the start-up path passes these ints where Qt takes ints (item roles)
or QVariants (`setProperty`). tests/ui/test_qt_values.py checks them against `Qt`
and that the first paint leaves `Qt` untouched.
"""

DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole
ACCESSIBLE_DESCRIPTION_ROLE = 12  # Qt.ItemDataRole.AccessibleDescriptionRole
USER_ROLE = 256  # Qt.ItemDataRole.UserRole

PLAIN_TEXT = 0  # Qt.TextFormat.PlainText, for setProperty("textFormat", ...)

KEY_RETURN = 0x01000004  # Qt.Key.Key_Return
KEY_ENTER = 0x01000005  # Qt.Key.Key_Enter
KEY_DELETE = 0x01000007  # Qt.Key.Key_Delete
KEY_SPACE = 0x20  # Qt.Key.Key_Space
STRONG_FOCUS = 11  # Qt.FocusPolicy.StrongFocus, for setProperty("focusPolicy", ...)
NO_MODIFIER = 0  # Qt.KeyboardModifier.NoModifier
SCROLLBAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff, for setProperty
