"""User templates are untrusted: escapes fail with a message, runaways are stopped."""

import time

import pytest

from app.compose.render_process import RenderProcess
from app.compose.templates import TemplateLibrary
from app.errors import TemplateError


@pytest.fixture(scope="module")
def renderer():
    process = RenderProcess(time_limit_s=2.0)
    yield process
    process.close()


def _render(tmp_path, renderer, source, context=None):
    (tmp_path / "t.j2").write_text(source, encoding="utf-8")
    return TemplateLibrary(tmp_path, renderer=renderer).render("t", context or {})


ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ '{0.__class__.__mro__}'.format(1) }}",
    "{{ '{0.__globals__}'.format_map({'0': lipsum}) }}",
    "{{ self.__init__.__globals__ }}",
    "{% set x = [] %}{{ x.append(1) }}",  # immutable: no mutating lists
    "{{ range.__self__ }}",
]


@pytest.mark.parametrize("source", ESCAPES)
def test_sandbox_escapes_fail_with_a_message(tmp_path, renderer, source):
    with pytest.raises(TemplateError) as info:
        _render(tmp_path, renderer, "Hello\n" + source)
    message = str(info.value)
    assert "'t'" in message
    assert "unsafe" in message or "undefined" in message or "line 2" in message


RUNAWAYS = {
    "nested loops": "{% for a in range(99999) %}{% for b in range(99999) %}"
    "{% for c in range(99999) %}{% endfor %}{% endfor %}{% endfor %}",
    "doubling with ~": '{% set ns = namespace(s="x") %}{% for i in range(60) %}'
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
    "repetition": '{{ "x" * 10000000000 }}',
    "list doubling": "{% set ns = namespace(l=[1]) %}{% for i in range(80) %}"
    "{% set ns.l = ns.l + ns.l %}{% endfor %}{{ ns.l|length }}",
    "padding": '{{ "x".ljust(2000000000) }}',
    "format width": '{{ "{:>2000000000}".format(1) }}',
    "percent width": '{{ "%2000000000d" % 1 }}',
    "center filter": '{{ "x"|center(2000000000) }}',
    "replace blowup": '{% set s = "y" * 150000 %}{{ s.replace("", s) }}',
    "huge output": "{% for i in range(99999) %}{{ 'many words ' * 100 }}{% endfor %}",
    "recursion": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
}


@pytest.mark.parametrize("source", RUNAWAYS.values(), ids=RUNAWAYS.keys())
def test_runaway_templates_are_stopped_within_two_seconds(tmp_path, renderer, source):
    started = time.monotonic()
    with pytest.raises(TemplateError) as info:
        _render(tmp_path, renderer, source)
    # 2 s is the limit; the rest is the margin of a busy 2-core machine.
    assert time.monotonic() - started < 3.5
    message = str(info.value)
    assert "'t'" in message
    assert any(
        words in message
        for words in ("stopped", "longer than", "too large", "too much memory", "without end")
    ), message
    # The renderer recovers: the next template renders.
    assert _render(tmp_path, renderer, "fine {{ 1 + 1 }}") == "fine 2"


def test_a_loop_is_stopped_at_the_time_limit_with_a_clear_message(tmp_path, renderer):
    started = time.monotonic()
    with pytest.raises(TemplateError, match=r"stopped after 2 seconds: it takes too long"):
        _render(tmp_path, renderer, RUNAWAYS["nested loops"])
    assert 1.9 < time.monotonic() - started < 3.5


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("one\ntwo\n{{ nope }}\n", 3),
        ("one\n{% for x in items %}\n{{ x.title }}\n{{ x.missing }}\n{% endfor %}", 4),
        ("a\nb\nc\nd\n{{ 1 / 0 }}", 5),
        ("{#-\nname: T\n-#}\nhello\n{{ item.title | nosuchfilter }}", 5),
        ("a\n{% if %}\n", 2),
        ("a\nb\n{% for x in y %}\nno end", 4),
    ],
)
def test_every_error_names_the_template_and_the_right_line(tmp_path, renderer, source, line):
    context = {"items": [{"title": "T"}], "item": {"title": "T"}, "y": [1]}
    with pytest.raises(TemplateError) as info:
        _render(tmp_path, renderer, source, context)
    assert "'t'" in str(info.value)
    assert f"line {line}" in str(info.value)


def test_an_error_in_an_included_template_names_that_template(tmp_path, renderer):
    (tmp_path / "part.j2").write_text("ok\n{{ missing }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"line 2 of 'part'"):
        _render(tmp_path, renderer, "{% include 'part.j2' %}")


def test_a_normal_render_is_quick_once_the_process_runs(tmp_path, renderer):
    _render(tmp_path, renderer, "warm")
    started = time.monotonic()
    for n in range(20):
        assert _render(tmp_path, renderer, "n={{ n }}", {"n": n}) == f"n={n}"
    assert time.monotonic() - started < 2.0
