"""The user's own templates: listed with the bundled ones, override by name, duplicate
to edit, picked up without a restart."""

import os

import pytest

from app.compose.templates import TemplateLibrary
from app.errors import TemplateError
from app.paths import resource_path


@pytest.fixture
def library(tmp_path):
    return TemplateLibrary(resource_path("templates"), tmp_path / "mine")


CONTEXT = {
    "item": {"title": "T", "link": "https://t.example/", "author": "", "source": "S",
             "date": "", "summary": "", "first_sentence": "", "id": 1},
    "items": [],
    "theme": {"name": "Th", "hashtags": ["#A"]},
    "profile": {"name": "", "role": "", "goal": ""},
    "take": "My take.",
    "platform": {"key": "linkedin", "name": "LinkedIn", "limit": 3000},
}  # fmt: skip


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_user_template_with_a_bundled_name_overrides_it(library):
    _write(library.user_folder / "quick-share.j2", "{#- name: My quick share -#}\nMine: {{ take }}")
    listed = {t.name: t for t in library.templates()}
    assert listed["quick-share"].title == "My quick share"
    assert listed["quick-share"].user and listed["quick-share"].overrides
    assert sum(t.name == "quick-share" for t in library.templates()) == 1
    assert library.render("quick-share", CONTEXT) == "Mine: My take."


def test_a_new_user_template_is_listed_beside_the_bundled_ones(library):
    before = len(library.templates())
    _write(library.user_folder / "short.j2", "{#-\nname: Short\nkind: help\n-#}\n{{ take }}")
    listed = {t.name: t for t in library.templates()}
    assert len(listed) == before + 1
    assert listed["short"].kind == "help" and listed["short"].user
    assert not listed["short"].overrides


def test_edits_are_picked_up_without_a_restart(library):
    path = library.user_folder / "mine.j2"
    _write(path, "first {{ take }}")
    assert library.render("mine", CONTEXT) == "first My take."
    _write(path, "second {{ take }}")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    assert library.render("mine", CONTEXT) == "second My take."


def test_duplicate_copies_a_bundled_template_to_edit(library):
    info = library.duplicate("quick-share")
    assert info.path == library.user_folder / "quick-share.j2"
    assert info.user and info.overrides
    assert info.path.read_text(encoding="utf-8") == (
        resource_path("templates", "quick-share.j2").read_text(encoding="utf-8")
    )


def test_duplicate_under_a_new_name_adds_a_template_with_its_own_title(library):
    info = library.duplicate("quick-share", "my-share")
    assert info.name == "my-share" and not info.overrides
    assert info.title == "Quick share (my version)"
    assert library.render("my-share", CONTEXT) == library.render("quick-share", CONTEXT)


def test_duplicate_never_overwrites_and_refuses_bad_names(library):
    library.duplicate("quick-share")
    with pytest.raises(TemplateError, match="already have a template"):
        library.duplicate("quick-share")
    for bad in ("../evil", "Upper", "a b", "", "x" * 80):
        with pytest.raises(TemplateError):
            library.duplicate("quick-share", bad)


def test_names_cannot_reach_outside_the_folders(library, tmp_path):
    _write(tmp_path / "secret.j2", "secret")
    for name in ("../secret", "/etc/passwd", "..\\secret"):
        with pytest.raises(TemplateError, match="no template named"):
            library.render(name, CONTEXT)
        with pytest.raises(TemplateError):
            library.info(name)


def test_an_unreadable_user_template_is_listed_with_its_problem(library):
    _write(library.user_folder / "broken.j2", "x")
    (library.user_folder / "broken.j2").write_bytes(b"\xff\xfe\x00bad")
    (broken,) = [t for t in library.templates() if t.name == "broken"]
    assert "cannot be read" in broken.description
    with pytest.raises(TemplateError, match="'broken'"):
        library.render("broken", CONTEXT)


def test_no_user_folder_yet_is_fine(tmp_path):
    library = TemplateLibrary(resource_path("templates"), tmp_path / "not-there")
    assert any(t.name == "quick-share" for t in library.templates())
