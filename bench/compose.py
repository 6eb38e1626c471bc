"""Drafting figures: counting a long post per platform, rendering a template (the first
render starts the render process), and how fast a runaway template is stopped.

    python bench/compose.py
Ends with one `RESULT {json}` line.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.compose.counting import count_text
from app.compose.platforms import PLATFORMS
from app.compose.render_process import RenderProcess
from app.compose.templates import TemplateLibrary
from app.paths import resource_path

TEXT = (
    "Platform teams win on speed 🚀 not mandates: https://example.com/golden/paths "
    "日本語のテキスト @someone@mastodon.social #DevEx "
) * 30


def _median_ms(call, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 3)


def main() -> None:
    text = TEXT[:3000]
    result: dict[str, float] = {}
    for key in PLATFORMS:
        count_text(text, key)  # imports
        result[f"count_{key}_ms"] = _median_ms(lambda k=key: count_text(text, k), 30)
        print(f"count {key:9} {len(text)} chars: {result[f'count_{key}_ms']} ms")

    context = {
        "item": {"id": 1, "title": "T", "link": "https://t.example/", "author": "A",
                 "source": "S", "date": "", "summary": "Sum.", "first_sentence": "Sum."},
        "theme": {"name": "Th", "hashtags": ["#A"]},
        "profile": {"name": "", "role": "", "goal": ""},
        "take": "Mine.",
        "platform": {"key": "linkedin", "name": "LinkedIn", "limit": 3000, "short": False},
    }  # fmt: skip
    context["items"] = [context["item"]]
    renderer = RenderProcess()
    library = TemplateLibrary(resource_path("templates"), renderer=renderer)
    started = time.perf_counter()
    library.render("quick-share", context)
    result["first_render_ms"] = round((time.perf_counter() - started) * 1000, 1)
    result["render_ms"] = _median_ms(lambda: library.render("quick-share", context), 30)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "forever.j2").write_text(
            "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}"
        )
        runaway = TemplateLibrary(Path(folder), renderer=renderer)
        started = time.perf_counter()
        try:
            runaway.render("forever", {})
        except Exception as err:  # the expected TemplateError
            print(f"runaway: {err}")
        result["runaway_stopped_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    library.render("quick-share", context)
    result["render_after_kill_ms"] = round((time.perf_counter() - started) * 1000, 1)
    renderer.close()
    print(f"first render (starts the process): {result['first_render_ms']} ms")
    print(f"render, warm: {result['render_ms']} ms")
    print(f"runaway template stopped after {result['runaway_stopped_s']} s (limit 2 s)")
    print(f"render after the kill (new process): {result['render_after_kill_ms']} ms")
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
