#!/bin/sh
# Install Digwell from this unpacked bundle into your home folder (no root needed):
#
#   ./install.sh              install, or update an earlier install
#   ./install.sh --uninstall  take everything back out (your Digwell data stays)
#
# Where things go (see packaging/README.md, "Linux tarball"):
#   the bundle      $DIGWELL_PREFIX/lib/digwell/   (DIGWELL_PREFIX defaults to ~/.local)
#   the command     $DIGWELL_PREFIX/bin/digwell    (a symbolic link into the bundle)
#   menu entry      $XDG_DATA_HOME/applications/io.github.digwell.Digwell.desktop
#   AppStream data  $XDG_DATA_HOME/metainfo/io.github.digwell.Digwell.metainfo.xml
#   icons           $XDG_DATA_HOME/icons/hicolor/*/apps/io.github.digwell.Digwell*.{png,svg}
# (XDG_DATA_HOME defaults to ~/.local/share). These are the files `digwell desktop install`
# writes for a pip install; the menu entry here starts the bundle by its full path.
set -eu

APP_ID=io.github.digwell.Digwell
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${DIGWELL_PREFIX:-$HOME/.local}
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG=${XDG_CONFIG_HOME:-$HOME/.config}
LIB_DIR=$PREFIX/lib/digwell
BIN_LINK=$PREFIX/bin/digwell
EXE=$LIB_DIR/digwell/digwell

fail() {
    echo "install.sh: $1" >&2
    exit 1
}

# The files of share/ (relative paths), which are installed under $DATA.
share_files() {
    (cd "$1/share" && find . -type f | sed 's|^\./||' | sort)
}

# A desktop-entry Exec value for $EXE: quoted when it holds spaces. Characters that would need
# the spec's double escaping are refused instead.
exec_value() {
    case "$EXE" in
    *[\"\`\$\\%]*) fail "the install folder '$LIB_DIR' holds one of \" \` \$ \\ %; set DIGWELL_PREFIX to another folder" ;;
    *[!A-Za-z0-9/._+,:=@-]*) printf '"%s"' "$EXE" ;;
    *) printf '%s' "$EXE" ;;
    esac
}

# Copy the .desktop file with every `Exec=digwell ...` pointing at the bundle's executable.
write_desktop() {
    exec_cmd=$(exec_value)
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in
        "Exec=digwell") printf 'Exec=%s\n' "$exec_cmd" ;;
        "Exec=digwell "*) printf 'Exec=%s %s\n' "$exec_cmd" "${line#Exec=digwell }" ;;
        "TryExec="*) printf 'TryExec=%s\n' "$EXE" ;;
        *) printf '%s\n' "$line" ;;
        esac
    done <"$1" >"$2"
}

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
    fi
}

install_all() {
    [ -x "$HERE/digwell/digwell" ] || fail "no bundle at $HERE/digwell/digwell: run me from the unpacked tarball"
    [ -f "$HERE/share/applications/$APP_ID.desktop" ] || fail "no $APP_ID.desktop under $HERE/share"
    exec_value >/dev/null
    if [ "$HERE" != "$LIB_DIR" ]; then
        if [ -e "$LIB_DIR" ] && [ ! -f "$LIB_DIR/install.sh" ]; then
            fail "$LIB_DIR exists and is not a Digwell bundle; move it away first"
        fi
        rm -rf "$LIB_DIR"
        mkdir -p "$LIB_DIR"
        cp -R "$HERE/digwell" "$HERE/share" "$HERE/install.sh" "$LIB_DIR/"
    fi
    mkdir -p "$PREFIX/bin"
    if [ -e "$BIN_LINK" ] && [ ! -L "$BIN_LINK" ]; then
        echo "install.sh: $BIN_LINK is another digwell (a pip install?); left as it is" >&2
    else
        ln -sf "$EXE" "$BIN_LINK"
        echo "installed $BIN_LINK -> $EXE"
    fi
    for rel in $(share_files "$LIB_DIR"); do
        mkdir -p "$DATA/$(dirname "$rel")"
        case "$rel" in
        applications/*.desktop) write_desktop "$LIB_DIR/share/$rel" "$DATA/$rel" ;;
        *) cp "$LIB_DIR/share/$rel" "$DATA/$rel" ;;
        esac
        echo "installed $DATA/$rel"
    done
    refresh_caches
    echo "Digwell is installed: find it in your menu, or run $BIN_LINK"
}

uninstall_all() {
    source_dir=$LIB_DIR
    [ -d "$source_dir/share" ] || source_dir=$HERE
    [ -d "$source_dir/share" ] || fail "no installed bundle at $LIB_DIR and no share/ next to me"
    for rel in $(share_files "$source_dir"); do
        if [ -f "$DATA/$rel" ]; then
            rm -f "$DATA/$rel"
            echo "removed $DATA/$rel"
        fi
        # Folders left empty, up to (not including) $DATA.
        dir=$(dirname "$DATA/$rel")
        while [ "$dir" != "$DATA" ] && rmdir "$dir" 2>/dev/null; do
            dir=$(dirname "$dir")
        done
    done
    # The start-at-login entry, if Digwell wrote one for this bundle.
    autostart=$CONFIG/autostart/$APP_ID.desktop
    if [ -f "$autostart" ] && grep -qF "$EXE" "$autostart"; then
        rm -f "$autostart"
        echo "removed $autostart"
    fi
    if [ -L "$BIN_LINK" ] && [ "$(readlink "$BIN_LINK")" = "$EXE" ]; then
        rm -f "$BIN_LINK"
        echo "removed $BIN_LINK"
    fi
    if [ -f "$LIB_DIR/install.sh" ]; then
        rm -rf "$LIB_DIR"
        echo "removed $LIB_DIR"
    fi
    refresh_caches
    echo "Digwell is uninstalled; your data folder was not touched"
}

case "${1:-}" in
"") install_all ;;
--uninstall) uninstall_all ;;
-h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' ;;
*) fail "unknown option '$1' (use --uninstall or --help)" ;;
esac
