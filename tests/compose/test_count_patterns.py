"""What the counters load from twitter-text and `regex`, and how."""

import subprocess
import sys

from app.compose import count_patterns, count_x


def test_emoji_search_falls_back_to_the_whole_regex_if_the_package_changes():
    import re
    import types

    changed = types.SimpleNamespace(
        emoji=re.compile("ab|c"), multi_codepoint_emoji_joined="ab", single_codepoint_emoji_raw="d"
    )
    tt = types.SimpleNamespace(**count_patterns._emoji_matchers(changed))
    assert count_x._find_emojis("xabcabx", tt) == [(1, 3), (3, 4), (4, 6)]


def test_preload_makes_the_first_count_quick():
    count_patterns.preload()
    assert {"twitter_text", "graphemes", "mentions"} <= set(count_patterns._cache)


def test_twitter_text_loads_without_pkg_resources_and_without_warnings():
    """twitter-text-parser imports pkg_resources, which new setuptools deprecates and
    Python 3.12+ virtual environments lack; the counters never need it."""
    code = (
        "import sys\n"
        "sys.modules['pkg_resources'] = None  # as if setuptools were not installed\n"
        "from app.compose.counting import count_text\n"
        "assert count_text('hi 😷 https://example.com', 'x').count == 29\n"
        "print(sys.modules['pkg_resources'])\n"
    )
    out = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "None"
