"""The Jinja2 environment templates render in: sandboxed, immutable, strict, size-capped.

Jinja2's sandbox stops templates from reaching Python internals but puts no bound on
the text they build. The guards here catch the usual ways of building a huge string
(repetition, powers, concatenation, padding to a huge width, huge output) with a clear
message. What they miss is stopped by the render process (`render_process`), which has
a time limit and, where the OS allows, a memory limit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from app.compose.filters import FILTERS
from app.i18n import _, formats

if TYPE_CHECKING:
    from jinja2 import nodes
    from jinja2.compiler import Frame

# A post is at most a few thousand characters; a template's output or any value it
# builds may be far larger than that, but never more than this.
MAX_TEXT = 200_000
# A number passed to a call (a width, a count) above this is refused.
MAX_NUMBER_ARG = 100_000
_HUGE_FORMAT_WIDTH = re.compile(r"[%:]\D{0,3}\d{6,}")


class TooLargeError(SecurityError):
    """A template tried to build a value larger than MAX_TEXT."""


def _too_large() -> TooLargeError:
    # Translators: why a template was stopped; follows "The template 'x' failed: ".
    return TooLargeError(
        _("it builds a text longer than {count} characters").format(count=formats.number(MAX_TEXT))
    )


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 0


class _CheckedConcat(CodeGenerator):
    """Compiles `a ~ b` to a join that refuses results over MAX_TEXT."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class PostSandbox(ImmutableSandboxedEnvironment):
    """Sandboxed, no mutation of lists or dicts, undefined names are errors, no value
    or output larger than MAX_TEXT."""

    code_generator_class = _CheckedConcat
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def checked_concat(self, values: tuple[Any, ...]) -> str:
        parts = [str(v) for v in values]
        if sum(len(p) for p in parts) > MAX_TEXT:
            raise _too_large()
        return "".join(parts)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if _size(seq) and isinstance(times, int) and _size(seq) * times > MAX_TEXT:
                    raise _too_large()
        elif operator == "**":
            if isinstance(right, int) and abs(right) > 1000 and abs(left) > 1:
                # Translators: why a template was stopped; follows "The template 'x' failed: ".
                raise SecurityError(_("it raises a number to a huge power"))
        elif operator == "+":
            if _size(left) + _size(right) > MAX_TEXT:
                raise _too_large()
        elif operator == "%" and isinstance(left, str) and _HUGE_FORMAT_WIDTH.search(left):
            raise _too_large()
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None and _HUGE_FORMAT_WIDTH.search(value.__self__):

            def refuse(*_args: Any, **_kwargs: Any) -> str:
                raise _too_large()

            return refuse
        return wrapped

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool):
                if abs(value) > MAX_NUMBER_ARG:
                    raise SecurityError(
                        _("it passes the number {number} to a call; too large").format(number=value)
                    )
            elif isinstance(value, str) and _HUGE_FORMAT_WIDTH.search(value):
                raise _too_large()
        return super().call(__context, __obj, *args, **kwargs)


def make_environment(folders: list[Path]) -> PostSandbox:
    """The environment for templates found in `folders` (earlier ones win by name)."""
    env = PostSandbox(
        loader=FileSystemLoader([str(f) for f in folders]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=True,  # a user's edit shows at the next render
    )
    env.filters.update(_checked_filters(env.filters))
    env.filters.update(FILTERS)
    return env


def _checked_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """Jinja's filters that pad or repeat, refusing huge widths (filters are called
    directly, not through `call`)."""

    def checked(name: str) -> Any:
        original = filters[name]

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for value in (*args[1:], *kwargs.values()):
                if isinstance(value, int) and abs(value) > MAX_NUMBER_ARG:
                    # Translators: {name} is a template filter's name (center, indent…).
                    raise SecurityError(
                        _("it passes the number {number} to '{name}'; too large").format(
                            number=value, name=name
                        )
                    )
            return original(*args, **kwargs)

        for attr in ("jinja_pass_arg",):
            if hasattr(original, attr):
                setattr(wrapper, attr, getattr(original, attr))
        return wrapper

    return {n: checked(n) for n in ("center", "indent", "wordwrap", "truncate") if n in filters}


def render_capped(env: PostSandbox, filename: str, context: dict[str, Any]) -> str:
    """Render, refusing output over MAX_TEXT as it is produced."""
    template = env.get_template(filename)
    parts: list[str] = []
    size = 0
    for chunk in template.generate(context):
        size += len(chunk)
        if size > MAX_TEXT:
            raise _too_large()
        parts.append(chunk)
    return "".join(parts)
