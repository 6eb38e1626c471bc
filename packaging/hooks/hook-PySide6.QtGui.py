"""Digwell override of PyInstaller's PySide6.QtGui hook: the stock plugins minus unused ones.

Used through `hookspath` in packaging/digwell.spec; user hooks take priority over the stock
hook of the same name. Dropping plugins here (rather than filtering the Analysis afterwards)
also keeps out the libraries that only those plugins link against.
"""

import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)

# Whole plugin folders Digwell never needs: embedded-Linux EGLFS device integrations and
# evdev/TUIO input plugins (only used by the eglfs/linuxfb platforms; tuiotouch links QtNetwork).
_DROP_DIRS = {"egldeviceintegrations", "generic"}
# Single plugins, by folder and file stem without the "lib" prefix.
_DROP_PLUGINS = {
    # Embedded, framebuffer, Vulkan-display and VNC platforms (kept: xcb, wayland, offscreen,
    # minimal on Linux; windows/cocoa elsewhere). qvnc links QtNetwork, qeglfs the EGLFS libraries.
    "platforms": {"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc"},
    # The GTK3 theme plugin: GTK itself is never bundled, but its dependencies (pango, cairo,
    # gdk-pixbuf, atk...) would be, and would then clash with the user's system GTK at run time.
    # Qt falls back to its own widgets and to the XDG desktop portal for native dialogs.
    "platformthemes": {"qgtk3"},
}


def _plugin_stem(path):
    stem = os.path.basename(path).split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def _keep(entry):
    src, dest = entry
    parts = dest.replace("\\", "/").split("/")
    if "plugins" not in parts:
        return True
    plugin_dir = "/".join(parts[parts.index("plugins") + 1 :])
    if plugin_dir in _DROP_DIRS:
        return False
    return _plugin_stem(src) not in _DROP_PLUGINS.get(plugin_dir, ())


binaries = [entry for entry in binaries if _keep(entry)]
