from datetime import datetime, timezone

import pytest

from app.compose.context import TAKE_PLACEHOLDER, build_context
from app.compose.platforms import platform
from app.compose.templates import TemplateLibrary
from app.errors import TemplateError
from app.paths import resource_path
from app.types import Item, Profile, Theme

ITEM = Item(
    id=7,
    feed_id=1,
    title="Golden paths, not golden cages",
    link="https://golden.example/paths",
    author="Ada Writer",
    source="Platform Weekly",
    summary_html="",
    summary_text="Paved roads beat mandates. Teams adopt what saves time.",
    published=datetime(2026, 11, 22, 8, 0, tzinfo=timezone.utc),
)
THEME = Theme(
    id=1,
    name="Platform engineering",
    hashtags=("#PlatformEngineering", "#DevEx", "#SRE", "#Kubernetes"),
)


def _context(take=""):
    return build_context(
        [ITEM], theme=THEME, profile=Profile(name="Alex"), take=take, platform=platform("linkedin")
    )


def test_bundled_quick_share_fills_item_source_link_and_placeholder():
    text = TemplateLibrary(resource_path("templates")).render("quick-share", _context())
    assert text.startswith(TAKE_PLACEHOLDER)
    assert '"Golden paths, not golden cages" by Ada Writer, in Platform Weekly:' in text
    assert "https://golden.example/paths" in text
    assert "The short version: Paved roads beat mandates." in text
    assert text.endswith("#PlatformEngineering #DevEx #SRE")
    assert "\n\n\n" not in text


def test_the_take_replaces_the_placeholder():
    text = TemplateLibrary(resource_path("templates")).render(
        "quick-share", _context(take="We did this at work and it halved onboarding time.")
    )
    assert text.startswith("We did this at work")
    assert TAKE_PLACEHOLDER not in text


def test_bundled_template_header():
    (info,) = [
        t
        for t in TemplateLibrary(resource_path("templates")).templates()
        if t.name == "quick-share"
    ]
    assert info.title == "Quick share"
    assert info.kind == "share"
    assert "linkedin" in info.platforms and info.description


def _library(tmp_path, name, source):
    (tmp_path / f"{name}.j2").write_text(source, encoding="utf-8")
    return TemplateLibrary(tmp_path)


def test_undefined_names_are_errors_that_name_template_and_line(tmp_path):
    lib = _library(tmp_path, "broken", "{# name: Broken #}\nline two\n{{ item.nope }}\n")
    with pytest.raises(TemplateError) as info:
        lib.render("broken", _context())
    assert "'broken'" in str(info.value) and "line 3" in str(info.value)


def test_syntax_errors_name_template_and_line(tmp_path):
    lib = _library(tmp_path, "typo", "ok\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"'typo' has an error on line 2"):
        lib.render("typo", _context())


def test_sandbox_refuses_unsafe_attribute_access(tmp_path):
    lib = _library(tmp_path, "sneaky", "{{ item.__class__.__mro__ }}")
    with pytest.raises(TemplateError, match="'sneaky' failed"):
        lib.render("sneaky", _context())


def test_missing_template(tmp_path):
    with pytest.raises(TemplateError, match="no template named 'ghost'"):
        TemplateLibrary(tmp_path).render("ghost", _context())
