"""What a template sees: items, theme, profile, the user's take, the platform."""

from __future__ import annotations

from typing import Any

from app.compose.platforms import Platform
from app.types import Item, Profile, Theme

TAKE_PLACEHOLDER = "[Your take: what struck you, and who should read it?]"


def item_context(item: Item) -> dict[str, Any]:
    """An item as templates see it: plain text only."""
    from app.feeds.sanitize import first_sentence  # html.parser: not needed at start-up

    return {
        "id": item.id,
        "title": item.title,
        "link": item.link,
        "author": item.author,
        "source": item.source,
        "date": f"{item.published.day} {item.published:%b %Y}" if item.published else "",
        "summary": item.summary_text,
        "first_sentence": first_sentence(item.summary_text),
    }


def build_context(
    items: list[Item],
    *,
    theme: Theme | None,
    profile: Profile,
    take: str,
    platform: Platform,
) -> dict[str, Any]:
    """The full template context; `item` is the first of `items`."""
    item_dicts = [item_context(i) for i in items]
    return {
        "item": item_dicts[0] if item_dicts else None,
        "items": item_dicts,
        "theme": {
            "name": theme.name if theme else "",
            "hashtags": list(theme.hashtags) if theme else [],
        },
        "profile": {"name": profile.name, "role": profile.role, "goal": profile.goal},
        "take": take.strip() or TAKE_PLACEHOLDER,
        "platform": {"key": platform.key, "name": platform.name, "limit": platform.limit},
    }
