"""Pack the Linux one-folder bundle with its desktop files and an install script.

    python packaging/make_tarball.py [DIST_FOLDER] [--out FOLDER]

DIST_FOLDER is PyInstaller's output (default dist/digwell). The result, in --out (default
dist/), is digwell-<version>-linux-<machine>.tar.gz holding one folder:

    digwell-<version>-linux-<machine>/
        digwell/          the bundle (digwell/digwell is the executable)
        share/            applications/, metainfo/ and icons/hicolor/, laid out as under
                          ~/.local/share (the files `digwell desktop install` writes)
        install.sh        ./install.sh installs into ~/.local; ./install.sh --uninstall
        README.txt

The file list comes from app/desktop/layout.py, the same one `digwell desktop install` uses.
See packaging/README.md, "Linux tarball".
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import __version__  # noqa: E402
from app.desktop.layout import desktop_files  # noqa: E402

INSTALL_SCRIPT = ROOT / "packaging" / "install.sh"
README = """Digwell {version} for Linux ({machine})

Install into your home folder (menu entry, icons, the `digwell` command in ~/.local/bin):

    ./install.sh

Remove it again (your Digwell data folder is kept):

    ~/.local/lib/digwell/install.sh --uninstall

Or run it in place without installing: ./digwell/digwell
"""


class TarballError(Exception):
    """The inputs are not what a tarball needs; the message says which."""


def check_dist(dist: Path) -> None:
    executable = dist / "digwell"
    if not executable.is_file():
        raise TarballError(f"no executable at {executable}: build with packaging/digwell.spec")
    if not (dist / "_internal").is_dir():
        raise TarballError(f"no _internal/ folder in {dist}: is it a one-folder bundle?")


def stage(dist: Path, resources: Path, top: Path, version: str, machine: str) -> None:
    """Lay out the tarball's folder at `top`."""
    shutil.copytree(dist, top / "digwell", symlinks=True)
    for item in desktop_files():
        source = resources / item.source
        if not source.is_file():
            raise TarballError(f"missing {source} (see app/desktop/layout.py)")
        target = top / "share" / item.target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    shutil.copyfile(INSTALL_SCRIPT, top / "install.sh")
    (top / "install.sh").chmod(0o755)
    (top / "README.txt").write_text(README.format(version=version, machine=machine))


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # No build machine's user names in the archive.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def make_tarball(
    dist: Path,
    out: Path,
    *,
    resources: Path = ROOT / "resources",
    version: str = __version__,
    machine: str | None = None,
) -> Path:
    """Build the .tar.gz in `out` and return its path."""
    check_dist(dist)
    machine = machine or platform.machine() or "unknown"
    name = f"digwell-{version}-linux-{machine}"
    out.mkdir(parents=True, exist_ok=True)
    archive = out / f"{name}.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp) / name
        stage(dist, resources, top, version, machine)
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(top, arcname=name, filter=_normalise)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pack the Linux bundle into a tarball.")
    parser.add_argument("dist", nargs="?", type=Path, default=ROOT / "dist" / "digwell")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder")
    args = parser.parse_args(argv)
    try:
        archive = make_tarball(args.dist, args.out)
    except TarballError as error:
        print(f"make_tarball: {error}", file=sys.stderr)
        return 1
    size_mb = archive.stat().st_size / 1e6
    print(f"wrote {archive} ({size_mb:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
