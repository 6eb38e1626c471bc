"""The Linux bundle tarball (packaging/make_tarball.py) and its install script
(packaging/install.sh): built here from a stand-in dist folder, unpacked, installed into a
temporary home and uninstalled again (packaging/README.md, "Linux tarball")."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from app.desktop.layout import APP_ID, desktop_files
from tests.packaging.scripts import load_script

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="install.sh needs a POSIX sh")


@pytest.fixture(scope="module")
def tarball_module() -> ModuleType:
    return load_script("make_tarball")


def fake_dist(folder: Path) -> Path:
    """A one-folder bundle's shape: an executable that answers --version, and _internal/."""
    dist = folder / "digwell"
    (dist / "_internal" / "resources").mkdir(parents=True)
    (dist / "_internal" / "libstand-in.so").write_bytes(b"\x7fELF stand-in")
    executable = dist / "digwell"
    executable.write_text('#!/bin/sh\necho "digwell stand-in $*"\n')
    executable.chmod(0o755)
    return dist


def unpack(tarball_module: ModuleType, tmp_path: Path) -> Path:
    archive = tarball_module.make_tarball(
        fake_dist(tmp_path / "dist"), tmp_path / "out", version="9.8.7", machine="x86_64"
    )
    assert archive.name == "digwell-9.8.7-linux-x86_64.tar.gz"
    with tarfile.open(archive) as tar:
        assert all(member.uid == 0 and member.uname == "" for member in tar.getmembers())
        tar.extractall(tmp_path / "unpacked", filter="tar")
    return tmp_path / "unpacked" / "digwell-9.8.7-linux-x86_64"


def run_install(script: Path, home: Path, *args: str, **env: str) -> str:
    environ = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        **env,
    }
    result = subprocess.run(
        ["sh", str(script), *args], env=environ, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_tarball_holds_bundle_desktop_files_and_install_script(
    tarball_module: ModuleType, tmp_path: Path
) -> None:
    top = unpack(tarball_module, tmp_path)
    assert os.access(top / "digwell" / "digwell", os.X_OK)
    assert (top / "digwell" / "_internal" / "libstand-in.so").is_file()
    assert os.access(top / "install.sh", os.X_OK)
    assert "./install.sh" in (top / "README.txt").read_text()
    for item in desktop_files():
        assert (top / "share" / item.target).is_file(), item.target


def test_install_puts_every_file_in_place_and_uninstall_takes_them_back(
    tarball_module: ModuleType, tmp_path: Path
) -> None:
    top, home = unpack(tarball_module, tmp_path), tmp_path / "home"
    user_data = home / "data" / "digwell" / "digwell.sqlite3"
    user_data.parent.mkdir(parents=True)
    user_data.write_bytes(b"the user's posts")

    output = run_install(top / "install.sh", home)
    installed_exe = home / ".local" / "lib" / "digwell" / "digwell" / "digwell"
    link = home / ".local" / "bin" / "digwell"
    assert link.is_symlink() and Path(os.readlink(link)) == installed_exe
    runs = subprocess.run([str(link), "--version"], capture_output=True, text=True, check=True)
    assert runs.stdout.strip() == "digwell stand-in --version"
    for item in desktop_files():
        assert (home / "data" / item.target).is_file(), output
    desktop = (home / "data" / "applications" / f"{APP_ID}.desktop").read_text()
    shipped = (top / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    expected = [
        line.replace("Exec=digwell", f"Exec={installed_exe}", 1)
        for line in shipped.splitlines()
        if line.startswith("Exec=")
    ]
    assert len(expected) >= 2  # the application and its actions
    assert [line for line in desktop.splitlines() if line.startswith("Exec=")] == expected
    icon = home / "data" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png"
    assert (
        icon.read_bytes() == (top / "share" / "icons/hicolor/256x256/apps" / icon.name).read_bytes()
    )

    # Removing the unpacked folder must not matter: the installed copy uninstalls itself.
    shutil.rmtree(top)
    run_install(home / ".local" / "lib" / "digwell" / "install.sh", home, "--uninstall")
    assert not link.exists() and not link.is_symlink()
    assert not (home / ".local" / "lib" / "digwell").exists()
    for item in desktop_files():
        assert not (home / "data" / item.target).exists(), item.target
    assert not (home / "data" / "icons").exists()  # emptied folders go too
    assert user_data.read_bytes() == b"the user's posts"


def test_install_into_a_folder_with_spaces_quotes_exec(
    tarball_module: ModuleType, tmp_path: Path
) -> None:
    top, home = unpack(tarball_module, tmp_path), tmp_path / "home"
    prefix = tmp_path / "my apps"
    run_install(top / "install.sh", home, DIGWELL_PREFIX=str(prefix))
    desktop = (home / "data" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{prefix}/lib/digwell/digwell/digwell"\n' in desktop


def test_install_leaves_a_pip_installed_digwell_command_alone(
    tarball_module: ModuleType, tmp_path: Path
) -> None:
    top, home = unpack(tarball_module, tmp_path), tmp_path / "home"
    pip_script = home / ".local" / "bin" / "digwell"
    pip_script.parent.mkdir(parents=True)
    pip_script.write_text("#!/bin/sh\n# pip's console script\n")
    output = run_install(top / "install.sh", home)
    assert "left as it is" in output
    assert pip_script.read_text() == "#!/bin/sh\n# pip's console script\n"
    run_install(top / "install.sh", home, "--uninstall")
    assert pip_script.is_file()


def test_uninstall_removes_the_autostart_entry_of_this_bundle_only(
    tarball_module: ModuleType, tmp_path: Path
) -> None:
    top, home = unpack(tarball_module, tmp_path), tmp_path / "home"
    run_install(top / "install.sh", home)
    autostart = home / "config" / "autostart" / f"{APP_ID}.desktop"
    autostart.parent.mkdir(parents=True)
    exe = home / ".local" / "lib" / "digwell" / "digwell" / "digwell"
    autostart.write_text(f"[Desktop Entry]\nType=Application\nExec={exe} --tray\n")
    run_install(top / "install.sh", home, "--uninstall")
    assert not autostart.exists()


def test_make_tarball_refuses_a_folder_that_is_not_a_bundle(
    tarball_module: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(tarball_module.TarballError, match="no executable"):
        tarball_module.make_tarball(tmp_path / "empty", tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (Debian package desktop-file-utils)",
)
def test_installed_desktop_file_validates(tarball_module: ModuleType, tmp_path: Path) -> None:
    top, home = unpack(tarball_module, tmp_path / "with space"), tmp_path / "home"
    run_install(top / "install.sh", home, DIGWELL_PREFIX=str(tmp_path / "with space"))
    desktop = home / "data" / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
