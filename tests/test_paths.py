import sys
from pathlib import Path

import pytest

from app import paths


def test_resources_are_found_from_the_source_checkout():
    assert (paths.resource_path("templates") / "quick-share.j2").is_file()
    assert paths.resource_path("demo", "demo.json").is_file()


def test_a_pyinstaller_bundle_is_searched_first(tmp_path, monkeypatch):
    (tmp_path / "resources" / "templates").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"


def test_an_installed_wheel_layout_is_found(tmp_path, monkeypatch):
    fake_pkg = tmp_path / "site" / "app"
    (fake_pkg / "resources" / "templates").mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(fake_pkg / "paths.py"))
    assert paths.resources_dir() == fake_pkg / "resources"


def test_missing_resources_say_reinstall(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "__file__", str(tmp_path / "a" / "app" / "paths.py"))
    with pytest.raises(FileNotFoundError, match="reinstall"):
        paths.resources_dir()


def test_default_folders_respect_the_sandbox(_sandboxed_home):
    assert Path(_sandboxed_home) in paths.user_data_dir().parents
    assert paths.user_data_dir(demo=True).name.endswith("-demo")


def test_the_log_folder_respects_the_sandbox(_sandboxed_home):
    assert paths.user_log_dir() == Path(_sandboxed_home) / "log" / "Digwell"


def test_the_log_folder_is_the_platform_one_without_the_sandbox(_sandboxed_home, monkeypatch):
    import platformdirs

    monkeypatch.delenv(paths.HOME_OVERRIDE_ENV)
    assert paths.user_log_dir() == platformdirs.user_log_path("Digwell", appauthor=False)
    if sys.platform.startswith("linux"):  # XDG_STATE_HOME points into the test's home
        assert Path(_sandboxed_home) in paths.user_log_dir().parents
