"""Rendering one template to post text, every failure as a message naming template and line.

Runs inside the render process (see render_process); plain functions, so tests can
call them directly too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.compose.sandbox import PostSandbox

_FIX = "Fix the template and try again."
_PICK = "Pick one of the templates listed in the composer."


@lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...]) -> PostSandbox:
    from app.compose.sandbox import make_environment

    return make_environment(list(folders))


def render_text(folders: list[Path], name: str, filename: str, context: dict[str, Any]) -> str:
    """The tidied text of a template; raises TemplateError with the template and line."""
    kind, *rest = render_reply(folders, name, filename, context)
    if kind == "ok":
        return rest[0]
    from app.errors import TemplateError

    raise TemplateError(rest[0], rest[1])


def render_reply(
    folders: list[Path], name: str, filename: str, context: dict[str, Any]
) -> tuple[str, ...]:
    """("ok", text) or ("error", message, hint): plain values that cross a pipe."""
    import jinja2

    from app.compose.sandbox import render_capped

    try:
        text = render_capped(_environment(tuple(folders)), filename, context)
    except jinja2.TemplateNotFound as err:
        missing = err.name if err.name != filename else name
        return ("error", f"There is no template named '{missing}'.", _PICK)
    except jinja2.TemplateSyntaxError as err:
        where = _template_name(err.name or filename)
        problem = f"has an error on line {err.lineno}: {err.message}"
        return ("error", f"The template '{where}' {problem}.", _FIX)
    except MemoryError:
        problem = "was stopped: it used too much memory (does it build a huge text?)"
        return ("error", f"The template '{name}' {problem}.", _FIX)
    except RecursionError as err:
        problem = f"failed{_line_of(err, name)}: it calls itself without end"
        return ("error", f"The template '{name}' {problem}.", _FIX)
    except Exception as err:  # any error a template makes is the template's, not ours
        problem = f"failed{_line_of(err, name)}: {_describe(err)}"
        return ("error", f"The template '{name}' {problem}.", _FIX)
    return ("ok", tidy_output(text))


def _template_name(filename: str) -> str:
    return Path(filename).name.removesuffix(".j2")


def _describe(err: BaseException) -> str:
    text = str(err).rstrip(".") or type(err).__name__
    if type(err).__name__ in ("UndefinedError", "SecurityError", "TooLargeError"):
        return text
    return f"{text} ({type(err).__name__})"


def _line_of(err: BaseException, name: str) -> str:
    """' on line N' (' of OTHER' when in an included template) from the innermost
    traceback frame inside a template."""
    tb = err.__traceback__
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (tb.tb_lineno, _template_name(filename))
        tb = tb.tb_next
    if found is None:
        return ""
    line, where = found
    return f" on line {line}" if where == name else f" on line {line} of '{where}'"


def tidy_output(text: str) -> str:
    """Lines without trailing spaces, at most one blank line in a row, no outer blanks."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
