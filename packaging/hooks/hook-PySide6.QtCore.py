"""Digwell override of PyInstaller's PySide6.QtCore hook: only the Qt catalogues Digwell uses.

Qt's own words (message box buttons, file dialogs, a text field's context menu) come from
qtbase_<language>.qm, which app/ui/translation.py loads for the languages Digwell has a
catalogue of (app/i18n/translate.py, CATALOGUES). The other ~13 MB of .qm files would never
be loaded.
"""

import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)

# Keep in step with CATALOGUES in app/i18n/translate.py.
_LANGUAGES = ("de",)
_KEEP = {f"qtbase_{language}.qm" for language in _LANGUAGES}

datas = [
    (src, dest) for src, dest in datas if not src.endswith(".qm") or os.path.basename(src) in _KEEP
]
