"""Rendering one template to post text, every failure as a message naming template and line.

Runs inside the render process (see render_process); plain functions, so tests can
call them directly too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import N_, _

if TYPE_CHECKING:
    from app.compose.sandbox import PostSandbox

_FIX = N_("Fix the template and try again.")
_PICK = N_("Pick one of the templates listed in the composer.")


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
        message = _("There is no template named '{name}'.").format(name=missing)
        return ("error", message, _(_PICK))
    except jinja2.TemplateSyntaxError as err:
        where = _template_name(err.name or filename)
        # Translators: {error} is Jinja's own (English) description of the error.
        message = _("The template '{name}' has an error on line {line}: {error}.").format(
            name=where, line=err.lineno, error=err.message
        )
        return ("error", message, _(_FIX))
    except MemoryError:
        message = _(
            "The template '{name}' was stopped: it used too much memory "
            "(does it build a huge text?)."
        ).format(name=name)
        return ("error", message, _(_FIX))
    except RecursionError as err:
        # Translators: why a template failed; follows "The template 'x' failed: ".
        return ("error", _failed(err, name, _("it calls itself without end")), _(_FIX))
    except Exception as err:  # any error a template makes is the template's, not ours
        return ("error", _failed(err, name, _describe(err)), _(_FIX))
    return ("ok", tidy_output(text))


def _failed(err: BaseException, name: str, reason: str) -> str:
    """'The template 'x' failed on line 3: reason.', naming the line when known (and
    the included template it is in, when another)."""
    found = _line_of(err)
    if found is None:
        # Translators: {reason} says why, e.g. "it calls itself without end".
        return _("The template '{name}' failed: {reason}.").format(name=name, reason=reason)
    line, where = found
    if where == name:
        return _("The template '{name}' failed on line {line}: {reason}.").format(
            name=name, line=line, reason=reason
        )
    # Translators: {other} is the template (included by {name}) holding the line.
    return _("The template '{name}' failed on line {line} of '{other}': {reason}.").format(
        name=name, line=line, other=where, reason=reason
    )


def _template_name(filename: str) -> str:
    return Path(filename).name.removesuffix(".j2")


def _describe(err: BaseException) -> str:
    text = str(err).rstrip(".") or type(err).__name__
    if type(err).__name__ in ("UndefinedError", "SecurityError", "TooLargeError"):
        return text
    return f"{text} ({type(err).__name__})"


def _line_of(err: BaseException) -> tuple[int, str] | None:
    """(line, template name) of the innermost traceback frame inside a template."""
    tb = err.__traceback__
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (tb.tb_lineno, _template_name(filename))
        tb = tb.tb_next
    return found


def tidy_output(text: str) -> str:
    """Lines without trailing spaces, at most one blank line in a row, no outer blanks."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
