"""Digwell override of PyInstaller's PySide6.QtCore hook: no Qt translation files.

Digwell's interface is English only and installs no QTranslator, so the ~7 MB of qt_*.qm and
qtbase_*.qm catalogues would never be loaded. Remove this override once the app is localised.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)

datas = [(src, dest) for src, dest in datas if not src.endswith(".qm")]
