"""The library of draft templates: bundled ones, rendered in a Jinja2 sandbox."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from app.errors import TemplateError

TEMPLATE_SUFFIX = ".j2"
_HEADER = re.compile(r"\A\s*\{#-?(.*?)-?#\}", re.DOTALL)
_KINDS = ("share", "original", "credit", "help")


class TemplateInfo(NamedTuple):
    """A template's header: what it is for."""

    name: str
    title: str
    description: str
    kind: str
    platforms: tuple[str, ...]
    path: Path


def read_header(path: Path) -> TemplateInfo:
    """Parse the `{# key: value #}` header at the top of a template file."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise TemplateError(f"The template {path.name} cannot be read: {err}.") from err
    fields: dict[str, str] = {}
    match = _HEADER.match(source)
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                fields[key.strip().lower()] = value.strip()
    name = path.name.removesuffix(TEMPLATE_SUFFIX)
    kind = fields.get("kind", "share")
    return TemplateInfo(
        name=name,
        title=fields.get("name", name.replace("-", " ").capitalize()),
        description=fields.get("description", ""),
        kind=kind if kind in _KINDS else "share",
        platforms=tuple(p.strip() for p in fields.get("platforms", "").split(",") if p.strip()),
        path=path,
    )


class TemplateLibrary:
    """Templates found in one folder, rendered with undefined names as errors."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._env: Any = None

    def templates(self) -> list[TemplateInfo]:
        """Every template, by title."""
        paths = sorted(self.folder.glob(f"*{TEMPLATE_SUFFIX}"))
        return sorted((read_header(p) for p in paths), key=lambda t: t.title.lower())

    def info(self, name: str) -> TemplateInfo:
        path = self.folder / f"{name}{TEMPLATE_SUFFIX}"
        if not path.is_file():
            raise TemplateError(
                f"There is no template named '{name}'.",
                "Pick one of the templates listed in the composer.",
            )
        return read_header(path)

    def _environment(self) -> Any:
        if self._env is None:
            # Imported on first use: Jinja2 is not needed to open the window.
            from jinja2 import FileSystemLoader, StrictUndefined
            from jinja2.sandbox import ImmutableSandboxedEnvironment

            self._env = ImmutableSandboxedEnvironment(
                loader=FileSystemLoader(self.folder),
                undefined=StrictUndefined,
                autoescape=False,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=False,
                auto_reload=True,
            )
        return self._env

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Render a template; any failure names the template and line."""
        import jinja2

        filename = f"{name}{TEMPLATE_SUFFIX}"
        try:
            text = self._environment().get_template(filename).render(context)
        except jinja2.TemplateNotFound:
            raise TemplateError(
                f"There is no template named '{name}'.",
                "Pick one of the templates listed in the composer.",
            ) from None
        except jinja2.TemplateSyntaxError as err:
            raise TemplateError(
                f"The template '{name}' has an error on line {err.lineno}: {err.message}.",
                "Fix the template and try again.",
            ) from err
        except (
            jinja2.UndefinedError,
            jinja2.exceptions.SecurityError,
            TypeError,
            ValueError,
            ZeroDivisionError,
        ) as err:
            raise TemplateError(
                f"The template '{name}' failed{_line_of(err, filename)}: {err}.",
                "Fix the template and try again.",
            ) from err
        return _tidy_output(text)


def _line_of(err: BaseException, filename: str) -> str:
    tb = err.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(filename):
            line = tb.tb_lineno
        tb = tb.tb_next
    return f" on line {line}" if line else ""


def _tidy_output(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
