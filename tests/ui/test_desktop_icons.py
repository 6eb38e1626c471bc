"""The window's and the tray's icons (docs/DESKTOP.md): the theme's by the application
ID once installed, else the bundled files; the tray's symbolic where the panel expects
one colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QIcon

from app.desktop import install
from app.desktop.layout import APP_ID, ICON_NAME, SYMBOLIC_ICON_NAME
from app.ui.app import make_application
from app.ui.icon import bundled_icon, symbolic_icon, tray_icon
from app.ui.tray import Tray

RESOURCES = Path(__file__).parents[2] / "resources"


@pytest.fixture
def theme_paths():
    """Qt's icon theme and its search path, put back afterwards."""
    saved, name = QIcon.themeSearchPaths(), QIcon.themeName()
    yield
    QIcon.setThemeSearchPaths(saved)
    QIcon.setThemeName(name)


def _system_hicolor(folder: Path) -> Path:
    """A system's hicolor theme as the hicolor-icon-theme package ships it: the
    index.theme naming its folders (made up here, with only the folders needed)."""
    folders = [f"{s}x{s}/apps" for s in (16, 24, 32, 48, 64, 128, 256, 512)]
    lines = ["[Icon Theme]", "Name=Hicolor", f"Directories={','.join(folders)},scalable/apps,"
             "symbolic/apps", ""]  # fmt: skip
    for folder_name in folders:
        size = folder_name.split("x")[0]
        lines += [f"[{folder_name}]", f"Size={size}", "Context=Applications", "Type=Threshold", ""]
    lines += ["[scalable/apps]", "Size=128", "MinSize=8", "MaxSize=512", "Type=Scalable", ""]
    lines += ["[symbolic/apps]", "Size=16", "MinSize=8", "MaxSize=512", "Type=Scalable", ""]
    theme = folder / "hicolor"
    theme.mkdir(parents=True)
    (theme / "index.theme").write_text("\n".join(lines), encoding="utf-8")
    return folder


def test_the_window_names_its_desktop_file(qapp):
    assert make_application().desktopFileName() == APP_ID


def test_bundled_icon_has_every_size(qapp):
    sizes = {s.width() for s in bundled_icon().availableSizes()}
    assert sizes == {16, 24, 32, 48, 64, 128, 256, 512}


def test_installed_icons_are_found_by_the_theme(qapp, tmp_path, theme_paths):
    system = _system_hicolor(tmp_path / "system")
    QIcon.setThemeName("hicolor")
    QIcon.setThemeSearchPaths([str(tmp_path / "share" / "icons"), str(system)])
    assert QIcon.fromTheme(ICON_NAME).isNull()
    install.install(tmp_path / "share", RESOURCES, which=lambda _name: None)
    QIcon.setThemeSearchPaths([str(tmp_path / "share" / "icons"), str(system)])  # looked again
    assert not QIcon.fromTheme(ICON_NAME).isNull()
    assert not QIcon.fromTheme(SYMBOLIC_ICON_NAME).isNull()


def _colours(icon: QIcon, size: int) -> set[str]:
    image = icon.pixmap(size, size).toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_symbolic_icon_is_drawn_in_one_ink(qapp):
    assert _colours(symbolic_icon(QColor("#ff0000")), 32) == {"#ff0000"}


def test_tray_icon_is_symbolic_on_kde_and_colour_on_windows(qapp, tmp_path, theme_paths):
    QIcon.setThemeSearchPaths([str(tmp_path)])  # nothing installed: the bundled one
    colour = bundled_icon()
    assert tray_icon(colour, platform="win32", desktop="KDE") is colour
    assert tray_icon(colour, platform="linux", desktop="XFCE") is colour
    symbolic = tray_icon(colour, platform="linux", desktop="KDE")
    assert len(_colours(symbolic, 32)) == 1
    assert len(_colours(colour, 32)) > 1


def test_tray_on_gnome_shows_the_symbolic_icon(qapp, tmp_path, theme_paths, monkeypatch):
    QIcon.setThemeSearchPaths([str(tmp_path)])
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
    tray = Tray(bundled_icon())
    assert len(_colours(tray.tray_icon.icon(), 32)) == 1
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "XFCE")
    plain = Tray(bundled_icon())
    assert len(_colours(plain.tray_icon.icon(), 32)) > 1
