"""Themes as stored: in the user's order, with their words."""

from app.store import themes as themes_q
from app.types import Theme


def test_theme_names_list_every_theme_in_the_order_themes_are_listed(db):
    with db.transaction() as conn:
        for position, name in enumerate(("Leadership", "Platform", "AI")):
            themes_q.save_theme(conn, Theme(0, name, (f"{name.lower()} word",)), position)
    themes = themes_q.list_themes(db)
    assert [t.name for t in themes] == ["Leadership", "Platform", "AI"]
    assert themes[0].keywords == ("leadership word",)
    assert themes_q.theme_names(db) == [(t.id, t.name) for t in themes]
