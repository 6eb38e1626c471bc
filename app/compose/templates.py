"""The library of draft templates: bundled ones and the user's own."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from app.compose.render_process import RenderProcess, shared_render_process
from app.errors import TemplateError
from app.i18n import _, language

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
    user: bool = False  # in the user's folder, not bundled
    overrides: bool = False  # a user template hiding the bundled one of its name
    touch: str = ""  # `touch: thanked`: its posts log a `thanked` touch (docs/PEOPLE.md)


def read_header(path: Path, user: bool = False) -> TemplateInfo:
    """Parse the `{# key: value #}` header at the top of a template file."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise TemplateError(
            _("The template {file} cannot be read: {error}.").format(file=path.name, error=err)
        ) from err
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
        user=user,
        touch=fields.get("touch", "").lower(),
    )


class TemplateLibrary:
    """The bundled templates and the user's own (which win by name); rendered in a
    sandbox in a separate, time-limited process (see render_process).

    The bundled ones are in English in `folder`, and translated in `folder/<language>/`
    under the same names (a draft's template is stored by name, so it keeps working when
    the language changes): in the user's language where there is one, else in English.
    """

    def __init__(
        self,
        folder: Path,
        user_folder: Path | None = None,
        renderer: RenderProcess | None = None,
    ) -> None:
        self.folder = folder
        self.user_folder = user_folder
        self._renderer = renderer

    @property
    def bundled_folders(self) -> list[Path]:
        """Where the bundled templates are looked up: in the user's language (the
        folder named after it, when there is one), then in English."""
        translated = self.folder / language()
        if language().isalpha() and translated.is_dir():
            return [translated, self.folder]
        return [self.folder]

    @property
    def folders(self) -> list[Path]:
        """Where templates are looked up, the user's folder first."""
        user = [self.user_folder] if self.user_folder else []
        return user + self.bundled_folders

    def templates(self) -> list[TemplateInfo]:
        """Every template, by title; a user template hides the bundled one of its name,
        a translated one the English one."""
        found: dict[str, TemplateInfo] = {}
        for folder in reversed(self.bundled_folders):
            for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}")):
                info = _header_or_error(path)
                found[info.name] = info
        if self.user_folder and self.user_folder.is_dir():
            for path in sorted(self.user_folder.glob(f"*{TEMPLATE_SUFFIX}")):
                info = _header_or_error(path, user=True)
                found[info.name] = info._replace(overrides=info.name in found)
        return sorted(found.values(), key=lambda t: (t.title.lower(), t.name))

    def info(self, name: str) -> TemplateInfo:
        for folder in self.folders:
            path = folder / f"{name}{TEMPLATE_SUFFIX}"
            if _valid_name(name) and path.is_file():
                user = folder == self.user_folder
                bundled = any((f / path.name).is_file() for f in self.bundled_folders)
                return read_header(path, user=user)._replace(overrides=user and bundled)
        raise _no_template(name)

    def duplicate(self, name: str, new_name: str | None = None) -> TemplateInfo:
        """Copy a template into the user's folder to edit it there (a bundled one in the
        user's language). Under its own name (the default) the copy replaces the bundled
        one; under a new name it is added."""
        if self.user_folder is None:
            raise TemplateError(_("There is no folder for your own templates."))
        source = self.info(name)
        target_name = new_name or name
        if not _valid_name(target_name):
            raise TemplateError(
                _("“{name}” cannot be a template name.").format(name=target_name),
                _("Use lower-case letters, digits and dashes, e.g. my-quick-share."),
            )
        target = self.user_folder / f"{target_name}{TEMPLATE_SUFFIX}"
        if target.exists():
            raise TemplateError(
                _("You already have a template named '{name}'.").format(name=target_name),
                _("Edit it in {folder}, or choose another name.").format(folder=self.user_folder),
            )
        text = source.path.read_text(encoding="utf-8")
        if target_name != name:
            # Translators: the title of the user's copy of the template titled {title}.
            text = _retitle(text, _("{title} (my version)").format(title=source.title))
        try:
            self.user_folder.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as err:
            raise TemplateError(
                _("The template could not be copied to {folder}: {error}.").format(
                    folder=self.user_folder, error=err.strerror
                ),
                _("Check that the folder can be written to."),
            ) from err
        return self.info(target_name)

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Render a template; any failure names the template and line, and a template
        that runs too long or builds a huge text is stopped."""
        if not _valid_name(name):
            raise _no_template(name)
        renderer = self._renderer or shared_render_process()
        return renderer.render(self.folders, name, f"{name}{TEMPLATE_SUFFIX}", context)


_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}\Z")


def _no_template(name: str) -> TemplateError:
    return TemplateError(
        _("There is no template named '{name}'.").format(name=name),
        _("Pick one of the templates listed in the composer."),
    )


def _valid_name(name: str) -> bool:
    return bool(_NAME.match(name))


def _header_or_error(path: Path, user: bool = False) -> TemplateInfo:
    try:
        return read_header(path, user=user)
    except TemplateError as err:  # listed, so the user sees it and can fix it
        name = path.name.removesuffix(TEMPLATE_SUFFIX)
        return TemplateInfo(name, name, str(err), "share", (), path, user)


def _retitle(source: str, title: str) -> str:
    match = _HEADER.match(source)
    if match and re.search(r"^\s*name\s*:", match.group(1), re.MULTILINE):
        header = re.sub(r"^(\s*name\s*:).*$", rf"\g<1> {title}", match.group(1), count=1,
                        flags=re.MULTILINE)  # fmt: skip
        return source[: match.start(1)] + header + source[match.end(1) :]
    return f"{{#- name: {title} -#}}\n{source}"
