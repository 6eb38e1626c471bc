"""A message that sends the user to a menu ("Help › Report a problem") names the menu and
the action as the menu bar shows them, in English and in every translation: the German
names the German menu ("Hilfe › Problem melden"), not a word of its own.

Qt-free: the menus are app/ui/menus.py's table (and the View menu's Appearance submenu,
app/ui/appearance.py), the messages the German catalogue, read with Babel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from app.ui.appearance import CHOICES
from app.ui.menus import MENUS, VIEW

ROOT = Path(__file__).resolve().parents[2]
GERMAN = ROOT / "resources" / "locale" / "de" / "LC_MESSAGES" / "digwell.po"
ARROW = " › "
ELLIPSIS = "…"
APPEARANCE = "&Appearance"  # View's submenu (app/ui/appearance.py add_appearance_menu)


class Menu(NamedTuple):
    title: str  # msgid, "&File"
    actions: tuple[str, ...]  # msgids of its actions' texts
    submenus: tuple[Menu, ...] = ()


class Reference(NamedTuple):
    path: tuple[str, ...]  # the msgids of the menus, then of the action
    whole: bool  # the action's whole text ("Posting schedule" shortens one: False)


def menu_tree() -> tuple[Menu, ...]:
    appearance = Menu(APPEARANCE, tuple(text for _value, text in CHOICES))
    return tuple(
        Menu(
            title,
            tuple(entry.text for entry in entries if entry is not None),
            (appearance,) if title == VIEW else (),
        )
        for title, entries in MENUS
    )


def shown(text: str) -> str:
    """A menu's or action's text as a message names it: no accelerator, no ellipsis."""
    return text.replace("&", "").rstrip().removesuffix(ELLIPSIS).rstrip()


def _ends_word(text: str, at: int) -> bool:
    return at >= len(text) or not (text[at].isalnum() or text[at] in "-_")


def _ends_with_word(text: str, word: str) -> bool:
    at = len(text) - len(word)
    return text.endswith(word) and (at == 0 or not text[at - 1].isalnum())


def _action_at(rest: str, menu: Menu, say: Callable[[str], str]) -> Reference | str:
    """The action of `menu` that `rest` starts with: its whole text, or its first words."""
    best: tuple[int, str, bool] | None = None
    for action in menu.actions:
        words = shown(say(action)).split(" ")
        for count in range(len(words), 0, -1):
            named = " ".join(words[:count])
            if rest.startswith(named) and _ends_word(rest, len(named)):
                if best is None or len(named) > best[0]:
                    best = (len(named), action, count == len(words))
                break
    if best is None:
        return f"names no action of {shown(say(menu.title))!r}: {rest!r}"
    length, action, whole = best
    exact = say(action).replace("&", "").rstrip()
    if rest[length:].lstrip(" ").startswith(ELLIPSIS) and not rest.startswith(exact):
        return f"writes {rest[: length + 2]!r}, the menu {exact!r}"
    return Reference((menu.title, action), whole)


def references(text: str, say: Callable[[str], str]) -> tuple[list[Reference], list[str]]:
    """Every "Menu › Action" (or "Menu › Submenu › Action") in `text`, with the menus'
    texts in the language `say` translates to; and what could not be read as one."""
    found: list[Reference] = []
    problems: list[str] = []
    start = 0
    while (arrow := text.find(ARROW, start)) >= 0:
        before = text[:arrow]
        menu = next((m for m in menu_tree() if _ends_with_word(before, shown(say(m.title)))), None)
        if menu is None:
            problems.append(f"names no menu before ›: {before[-40:]!r}")
            start = arrow + len(ARROW)
            continue
        pos, titles = arrow + len(ARROW), [menu.title]
        while sub := next(
            (s for s in menu.submenus if text.startswith(shown(say(s.title)) + ARROW, pos)),
            None,
        ):
            titles.append(sub.title)
            pos += len(shown(say(sub.title)) + ARROW)
            menu = sub
        got = _action_at(text[pos:], menu, say)
        if isinstance(got, str):
            problems.append(got)
        else:
            found.append(Reference((*titles[:-1], *got.path), got.whole))
        start = pos
    return found, problems


def _catalogue() -> Catalog:
    with GERMAN.open("rb") as file:
        return read_po(file)


def _pairs(catalogue: Catalog) -> list[tuple[str, str]]:
    """(English, German) of every message either of which names a menu path."""
    pairs = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for index, german in enumerate(strings):
            english = ids[min(index, len(ids) - 1)]
            if "›" in english or "›" in german:
                pairs.append((english, german))
    return pairs


CATALOGUE = _catalogue()
PAIRS = _pairs(CATALOGUE)


def german(msgid: str) -> str:
    message = CATALOGUE.get(msgid)
    assert message is not None and message.string, f"{msgid!r} has no German"
    return str(message.string)


def test_the_messages_name_menu_paths():
    # The messages this test is about, as a check that it finds them at all.
    assert any("Help › Report a problem" in english for english, _german in PAIRS)


@pytest.mark.parametrize(("english", "translated"), PAIRS, ids=[p[0][:40] for p in PAIRS])
def test_a_menu_path_is_named_as_the_menu_bar_shows_it(english: str, translated: str):
    in_english, problems = references(english, lambda msgid: msgid)
    assert not problems, f"English {english!r}: {problems}"
    in_german, problems = references(translated, german)
    assert not problems, f"German {translated!r}: {problems}"
    assert sorted(r.path for r in in_german) == sorted(r.path for r in in_english), (
        f"{translated!r} names other menus than {english!r}"
    )
    shortened = {r.path for r in in_german if not r.whole}
    assert not shortened & {r.path for r in in_english if r.whole}, (
        f"{translated!r} shortens an action {english!r} names whole"
    )


def test_the_reader_finds_wrong_paths():
    say = {"&Help": "&Hilfe", "&Report a problem…": "&Problem melden …"}.get
    ok, problems = references("Hilfe › Problem melden zeigt", lambda m: say(m) or m)
    assert ok == [Reference(("&Help", "&Report a problem…"), True)] and not problems
    assert references("Hilfe › Fehler melden", lambda m: say(m) or m)[1]
    assert references("Unsinn › Problem melden", lambda m: say(m) or m)[1]
    assert references("Hilfe › Problem melden… bitte", lambda m: say(m) or m)[1]
    deep, problems = references("View › Appearance › Dark.", lambda m: m)
    assert deep == [Reference(("&View", "&Appearance", "&Dark"), True)] and not problems
