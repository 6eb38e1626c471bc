"""preview_html: feed HTML as a safe allow-listed subset for the preview, nothing to fetch."""

from __future__ import annotations

import random
import re
import time
from html.parser import HTMLParser

import pytest

from app.text.highlight import HIGHLIGHT_STYLE
from app.text.links import safe_link
from app.text.preview_html import preview_html
from app.text.preview_writer import QUIET_STYLE

MARK = f'<span style="{HIGHLIGHT_STYLE}">'
QUIET = f'<span style="{QUIET_STYLE}">'

ALLOWED_TAGS = frozenset(
    "p br ul ol li blockquote pre code b strong i em h3 h4 hr a span".split()  # noqa: SIM905
)
VOID_TAGS = frozenset({"br", "hr"})

# Markup a hostile or sloppy feed may send; every one goes through the structural check.
HOSTILE = {
    "script": '<p>Before</p><script>alert("pwned")</script><p>After</p>',
    "script_upper": "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>Text",
    "script_unclosed": "<p>Kept</p><script>document.cookie; <p>not kept</p>",
    "script_with_markup": '<script>var s = "</p><img src=x>";</script>ok',
    "style": "<style>body { background: url(http://evil.example/bg.png) }</style><p>Styled</p>",
    "style_import": '<style>@import url("http://evil.example/a.css");</style>Body',
    "handlers": '<p onclick="steal()" onmouseover="x()" style="color:red" class="c" id="i">Hi</p>',
    "img_onerror": '<img src="x" onerror="alert(1)" alt="Broken">',
    "img_upper": '<IMG SRC="http://tracker.example/p.gif" ALT="Logo">',
    "img_entities": '<img src="&#104;ttp://evil.example/a.png" alt="A&amp;B">',
    "tracking_pixel": '<p>Story</p><img src="https://t.example/open?id=1" width="1" height="1">',
    "tracking_pixel_alt": '<img src="https://t.example/o.gif" width="1" height="1" alt="pixel">',
    "srcset": '<picture><source srcset="http://e.example/a.webp"><img srcset="b.png 2x"></picture>',
    "background_attr": '<table background="http://e.example/bg.png"><tr><td>Cell</td></tr></table>',
    "body_background": '<body background="http://e.example/bg.png"><p>Body</p></body>',
    "css_url": '<div style="background-image: url(&quot;http://e.example/x.png&quot;)">Div</div>',
    "css_url_escaped": '<p style="background:u\\72l(http://e.example/x)">Escaped</p>',
    "input_image": '<p>Form</p><input type="image" src="http://e.example/btn.png">',
    "video_poster": '<video poster="http://e.example/p.jpg" src="v.mp4">No video</video>After',
    "audio": '<audio src="http://e.example/a.mp3"><p>fallback</p></audio>After',
    "iframe": '<iframe src="https://evil.example/"><p>inside</p></iframe><p>Outside</p>',
    "object_embed": '<object data="x.swf"><embed src="x.swf"><p>fb</p></object>Done',
    "svg": '<svg><image href="http://e.example/i.png"/><script>alert(1)</script></svg>Text',
    "svg_onload": "<svg/onload=alert(1)><p>After svg</p>",
    "math": "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>Math gone",
    "meta_refresh": '<meta http-equiv="refresh" content="0;url=http://e.example/">Meta',
    "link_css": '<link rel="stylesheet" href="http://e.example/s.css">Linked',
    "base": '<base href="http://e.example/"><a href="/rel">Relative</a>',
    "template": "<template><img src=x></template>Template gone",
    "noscript": '<noscript><img src="http://t.example/p.gif"></noscript>Noscript gone',
    "head": "<html><head><title>T</title><style>p{}</style></head><body><p>Body</p></body></html>",
    "head_unclosed": "<head><title>Title</title><body><p>Shown</p>",
    "comment": "<p>Visible<!-- <img src=x> secret --></p>",
    "comment_unclosed": "<p>Visible</p><!-- never closed <img src=x>",
    "conditional_comment": "<!--[if IE]><img src=x><![endif]--><![if !IE]>Shown<![endif]>",
    "cdata": "<p><![CDATA[<img src=x>]]>Text</p>",
    "processing_instruction": "<?xml-stylesheet href='x.css'?><p>PI</p>",
    "doctype": "<!DOCTYPE html><p>Doc</p>",
    "js_link": '<a href="javascript:alert(1)">Click</a>',
    "js_entity_link": '<a href="jav&#x61;script:alert(1)">Click</a>',
    "js_tab_link": '<a href="java\tscript:alert(1)">Click</a>',
    "js_control_link": '<a href="\x01javascript:alert(1)">Click</a>',
    "data_link": '<a href="data:text/html;base64,PHNjcmlwdD4=">Data</a>',
    "nested_links": '<a href="https://a.example/">A <a href="https://b.example/">B</a></a>',
    "link_unterminated": '<p>Read more <a href="http://example.com/pa',
    "quote_unterminated": '<p>x<a href="https://x.example/>more <b>text</b></p>',
    "attr_quotes": "<p title='a\"b' data-x=\"'\">Quotes</p>",
    "stray_lt": "<p>a < b and c<d e</p> 1 <3 2",
    "stray_end_tags": "</p></div></b>Text</i></a></li>",
    "unclosed": "<p>One <b>bold <i>italic <a href='https://x.example/'>link",
    "misnested": "<b>bold <i>both</b> italic?</i>",
    "deep": "<b>" * 5000 + "deep" + "</i>" * 100,
    "deep_blocks": "<blockquote>" * 500 + "quote",
    "nul": "<p>nul\x00here<img\x00src=x></p>",
    "br_end": "line</br>next<br/>third",
    "xhtml_empty": '<p/>Text<a name="top"/><div/>More',
    "entities": "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#x27;s</p>",
    "entity_tags": "&lt;img src=x onerror=alert(1)&gt;",
    "bidi_link": '<a href="https://evil.example/\u202egpj.exe">photo</a>',
    "form": '<form action="http://e.example/"><button formaction="x">Go</button></form>',
    "select": "<select><option>Choice</option></select>After select",
    "textarea": "<textarea><img src=x></textarea>After",
    "table": "<table><tr><th>Name</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr></table>",
    "lists": "<ul><li>one<li>two<ol><li>inner</ol><li>three</ul>",
    "headings": "<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>",
    "pre": "<pre>  indented\n    code &lt;here&gt;</pre>",
    "emoji_img": '<p>Nice <img class="emoji" alt="🙂" src="https://s.w.org/x.svg"></p>',
    "plain": "Just some text.\n\nA second paragraph\nwith a line break & an ampersand.",
    "plain_lt": "vector<int> and x<y",
}


class _Structure(HTMLParser):
    """Fails on anything in preview_html's output that is not in its allow-list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ALLOWED_TAGS, tag
        if tag == "a":
            assert len(attrs) == 1 and attrs[0][0] == "href", attrs
            href = attrs[0][1] or ""
            assert href.lower().startswith(("http://", "https://")), href
            assert safe_link(href) == href
            assert "a" not in self.open, "nested links"
        elif tag == "span":
            assert attrs in ([("style", QUIET_STYLE)], [("style", HIGHLIGHT_STYLE)]), attrs
            assert "span" not in self.open, "nested spans"
        else:
            assert attrs == [], (tag, attrs)
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise AssertionError(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, (tag, self.open)

    def handle_comment(self, data: str) -> None:
        raise AssertionError("comment")

    def handle_decl(self, decl: str) -> None:
        raise AssertionError("declaration")

    def handle_pi(self, data: str) -> None:
        raise AssertionError("processing instruction")

    def unknown_decl(self, data: str) -> None:
        raise AssertionError("marked section")


def assert_safe(out: str) -> None:
    """Only allow-listed tags, well nested, only our attributes; nothing left to fetch."""
    checker = _Structure()
    checker.feed(out)
    checker.close()
    assert checker.open == [], checker.open
    # Every "<" starts one of our tags, every "&" one of escape()'s entities.
    for name in re.findall(r"<(/?[^\s>]*)", out):
        assert name.lstrip("/") in ALLOWED_TAGS, name
    assert not re.search(r"&(?!(?:amp|lt|gt|quot|#x27);)", out)
    for tag in re.findall(r"<[^>]*>", out):
        if tag not in (MARK, QUIET) and not tag.startswith("<a "):  # hrefs checked above
            assert not re.search(r"src|style|url\(|on\w+=", tag, re.I), tag


def from_feed(out: str) -> str:
    """The output without our own spans' start tags: what is left came from the feed."""
    return out.replace(MARK, "").replace(QUIET, "")


@pytest.mark.parametrize("highlight", [(), ("text", "b", "src", "http", "after")])
@pytest.mark.parametrize("markup", list(HOSTILE.values()), ids=list(HOSTILE))
def test_every_fixture_gives_only_allow_listed_markup(markup: str, highlight: tuple[str, ...]):
    assert_safe(preview_html(markup, highlight=highlight))


@pytest.mark.parametrize(
    "name",
    [
        "img_onerror",
        "img_upper",
        "img_entities",
        "tracking_pixel",
        "srcset",
        "background_attr",
        "body_background",
        "css_url",
        "css_url_escaped",
        "input_image",
        "video_poster",
        "audio",
        "iframe",
        "object_embed",
        "svg",
        "meta_refresh",
        "link_css",
        "base",
        "template",
        "noscript",
        "style",
        "style_import",
        "comment",
        "cdata",
        "conditional_comment",
        "nul",
        "textarea",
        "emoji_img",
    ],
)
def test_nothing_that_could_load_a_resource_survives(name: str):
    out = from_feed(preview_html(HOSTILE[name])).lower()
    for bad in ("<img", "src", "url(", "background", "poster", "@import", "style=", "<iframe"):
        assert bad not in out, (bad, out)
    assert "http://e.example" not in out and "evil.example" not in out


def test_script_and_style_content_is_gone():
    out = preview_html(HOSTILE["script"] + HOSTILE["style"])
    assert out == "<p>Before</p><p>After</p><p>Styled</p>"
    assert preview_html(HOSTILE["script_upper"]) == "Text"
    assert preview_html(HOSTILE["script_with_markup"]) == "ok"


def test_an_unclosed_script_hides_the_rest():
    assert preview_html(HOSTILE["script_unclosed"]) == "<p>Kept</p>"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("iframe", "<p>Outside</p>"),
        ("object_embed", "Done"),
        ("svg", "Text"),
        ("svg_onload", "<p>After svg</p>"),
        ("math", "Math gone"),
        ("template", "Template gone"),
        ("noscript", "Noscript gone"),
        ("head", "<p>Body</p>"),
        ("head_unclosed", "<p>Shown</p>"),
        ("video_poster", "After"),
        ("audio", "After"),
        ("select", "After select"),
        ("meta_refresh", "Meta"),
        ("link_css", "Linked"),
    ],
)
def test_embedded_documents_and_code_are_dropped_with_their_content(name: str, expected: str):
    assert preview_html(HOSTILE[name]) == expected


def test_every_attribute_is_dropped_but_a_links_href():
    assert preview_html(HOSTILE["handlers"]) == "<p>Hi</p>"
    assert preview_html(HOSTILE["attr_quotes"]) == "<p>Quotes</p>"
    out = preview_html('<a href="https://x.example/" title="t" onclick="x()" style="s">Go</a>')
    assert out.startswith('<a href="https://x.example/">Go</a>')


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "jav&#x61;script:alert(1)",
        "jav&#97;script:alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
        "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)",
        "java\tscript:alert(1)",
        "java&Tab;script:alert(1)",
        "java&#x0A;script:alert(1)",
        "java\rscript:alert(1)",
        "\x01javascript:alert(1)",
        "&#1;javascript:alert(1)",
        "javascript&colon;alert(1)",
        "javascript://https://x.example/%0Aalert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "file:///etc/passwd",
        "ftp://files.example/a",
        "mailto:someone@example.com",
        "/relative/path",
        "relative.html",
        "//evil.example/protocol-relative",
        "#top",
        "https:evil.example",
        "http:/evil.example",
        "",
    ],
)
def test_links_to_anything_but_http_are_plain_text(href: str):
    out = preview_html(f'<p>Go <a href="{href}">there</a> now</p>')
    assert out == "<p>Go there now</p>"
    out = preview_html(f"<A HREF={href!r}>there</A>")
    assert "<a" not in out and "there" in out


def test_a_link_without_href_is_plain_text():
    assert preview_html('<a name="x">Anchor</a> and <a>bare</a>') == "Anchor and bare"


def test_http_links_keep_their_url_and_show_the_target():
    out = preview_html('<p><a href="https://x.org/a">Read this</a></p>')
    assert out == f'<p><a href="https://x.org/a">Read this</a> {QUIET}(x.org/a)</span></p>'
    out = preview_html('<a href="HTTP://Example.COM/Path?q=1&amp;r=2#frag">Up</a>')
    href = "HTTP://Example.COM/Path?q=1&amp;r=2#frag"
    assert out == f'<a href="{href}">Up</a> {QUIET}(example.com/Path)</span>'


@pytest.mark.parametrize(
    "text",
    [
        "https://x.org/a",
        "http://x.org/a",
        "x.org",
        "www.x.org",
        "X.ORG/",
        "x.org/a",
        " https://x.org/a/ ",
    ],
)
def test_no_note_when_the_link_text_already_says_where_it_goes(text: str):
    out = preview_html(f'<a href="https://x.org/a">{text}</a>')
    assert out == f'<a href="https://x.org/a">{text}</a>'


def test_a_link_text_that_names_another_site_gets_the_real_one():
    out = preview_html('<a href="https://evil.example/login">https://bank.example/</a>')
    assert out.endswith(f"{QUIET}(evil.example/login)</span>")
    out = preview_html('<a href="https://bank.example@evil.example/">bank.example</a>')
    assert out.endswith(f"{QUIET}(evil.example)</span>")
    assert 'href="https://bank.example@evil.example/"' in out


def test_look_alike_hosts_show_as_punycode():
    out = preview_html('<a href="https://аpple.com/">apple.com</a>')  # Cyrillic а
    assert "(xn--pple-43d.com)" in out


def test_invisible_characters_are_left_out_of_the_note():
    out = preview_html(HOSTILE["bidi_link"])
    assert "\u202e" not in out.rpartition("<span")[2]
    assert "(evil.example/gpj.exe)" in out


def test_long_targets_are_shortened_in_the_note_not_in_the_href():
    url = "https://news.example.org/" + "/".join(["a-rather-long-path-segment"] * 6) + "?utm=x"
    out = preview_html(f'<a href="{url}">Story</a>')
    assert f'href="{url}"' in out
    note = re.search(r"\((.*)\)</span>$", out).group(1)
    assert len(note) == 60 and note.endswith("…")
    assert note.startswith("news.example.org/a-rather-long-path-segment/")


def test_links_do_not_nest_and_empty_links_vanish():
    out = preview_html(HOSTILE["nested_links"])
    assert out == (
        f'<a href="https://a.example/">A </a> {QUIET}(a.example)</span>'
        f'<a href="https://b.example/">B</a> {QUIET}(b.example)</span>'
    )
    assert preview_html('<p>x<a href="https://t.example/"><img src="p.gif"></a></p>') == "<p>x</p>"
    assert preview_html('<p>x<a href="https://t.example/"/></p>') == "<p>x</p>"


def test_images_show_their_alt_text_only():
    assert preview_html(HOSTILE["img_upper"]) == f"{QUIET}[image: Logo]</span>"
    assert preview_html(HOSTILE["img_entities"]) == f"{QUIET}[image: A&amp;B]</span>"
    assert preview_html('<p>A <img src="x.png"> B</p>') == "<p>A  B</p>"
    out = preview_html('<a href="https://x.example/"><img src="l.png" alt="Home"></a>')
    assert (
        out
        == f'<a href="https://x.example/">{QUIET}[image: Home]</span></a> {QUIET}(x.example)</span>'
    )
    assert preview_html(HOSTILE["emoji_img"]) == "<p>Nice 🙂</p>"


def test_tracking_pixels_vanish():
    assert preview_html(HOSTILE["tracking_pixel"]) == "<p>Story</p>"
    assert preview_html(HOSTILE["tracking_pixel_alt"]) == ""
    assert preview_html('<p><img src="https://t.example/p.gif" width="1px" height="1px"></p>') == ""


def test_allowed_structure_is_kept():
    markup = (
        "<p>Para <b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <code>c</code></p>"
        "<blockquote><p>Quoted</p></blockquote><hr><ol><li>1</li></ol>"
    )
    assert preview_html(markup) == markup
    assert preview_html(HOSTILE["pre"]) == "<pre>  indented\n    code &lt;here&gt;</pre>"
    assert preview_html("a<br>b") == "a<br>b"


def test_headings_are_toned_down():
    assert preview_html(HOSTILE["headings"]) == (
        "<h3>One</h3><h3>Two</h3><h3>Three</h3><h4>Four</h4><h4>Five</h4><h4>Six</h4>"
    )
    assert preview_html("<h1>Title</h2>after") == "<h3>Title</h3>after"


def test_lists_close_their_items():
    assert preview_html(HOSTILE["lists"]) == (
        "<ul><li>one</li><li>two<ol><li>inner</li></ol></li><li>three</li></ul>"
    )


def test_unknown_tags_are_unwrapped_and_blocks_still_break_lines():
    assert preview_html("<p>A <span class=x>span</span> <font color=red>font</font></p>") == (
        "<p>A span font</p>"
    )
    assert preview_html("<div>one</div><div>two</div><section>three</section>") == (
        "one<br>two<br>three"
    )
    assert preview_html(HOSTILE["table"]) == "Name Value<br>a 1"


def test_empty_paragraphs_and_runs_of_line_breaks_are_dropped():
    assert preview_html("<p></p><p> </p><p>Text</p><p><br></p>") == "<p>Text</p>"
    assert preview_html("Intro<p></p>More") == "Intro<br>More"
    assert preview_html("<br><br>a<br><br><br><br>b<br>") == "a<br><br>b<br>"
    assert preview_html("a<b> </b>c") == "a c"


def test_text_is_always_escaped():
    assert preview_html(HOSTILE["entities"]) == (
        '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "q" \'s</p>'
    )
    # Escaped markup is text: shown as the feed's author wrote it.
    assert preview_html(HOSTILE["entity_tags"]) == "<p>&lt;img src=x onerror=alert(1)&gt;</p>"
    assert preview_html("<p>5 > 3 & 2 < 4</p>") == "<p>5 &gt; 3 &amp; 2 &lt; 4</p>"


def test_broken_markup_is_closed():
    assert preview_html(HOSTILE["unclosed"]) == (
        '<p>One <b>bold <i>italic <a href="https://x.example/">link</a> '
        f"{QUIET}(x.example)</span></i></b></p>"
    )
    assert preview_html(HOSTILE["misnested"]) == "<b>bold <i>both</i></b> italic?"
    assert preview_html(HOSTILE["stray_end_tags"]) == "Text"
    assert preview_html(HOSTILE["link_unterminated"]) == "<p>Read more </p>"
    assert preview_html(HOSTILE["comment_unclosed"]) == "<p>Visible</p>"
    assert preview_html(HOSTILE["comment"]) == "<p>Visible</p>"
    assert preview_html(HOSTILE["br_end"]) == "line<br>next<br>third"
    assert preview_html(HOSTILE["xhtml_empty"]) == "Text<br>More"


def test_deep_nesting_is_flattened_not_refused():
    out = preview_html(HOSTILE["deep"])
    assert out.startswith("<b><b>") and "deep" in out and out.endswith("</b>")
    assert out.count("<b>") == out.count("</b>") <= 100
    out = preview_html(HOSTILE["deep_blocks"])
    assert "quote" in out and out.count("<blockquote>") == out.count("</blockquote>") <= 100


@pytest.mark.parametrize(
    "markup",
    [
        "<",
        "<a",
        "</",
        "<!",
        "<!--",
        "<![",
        "<![CDATA[",
        "<?",
        "<a href='",
        '<a href="x" b=\'',
        "<p>&",
        "<p>&am",
        "&#",
        "&#x110000;&#xD800;",
        "<p\x00>",
        "<a/b/c>",
        "<p =x>y",
        "<![unknown[x]]>z",
        "<!DOCTYPE",
        "<table><td>",
        "</script>",
        "<svg><title></svg>after",
    ],
)
def test_fragments_never_raise(markup: str):
    assert_safe(preview_html(markup))
    assert_safe(preview_html("<p>x</p>" + markup + "<b>tail</b>", highlight=["x", "tail"]))


def test_random_tag_soup_stays_within_the_allow_list():
    pieces = [
        "<p>", "</p>", "<a href='https://x.example/'>", "<a href='javascript:x'>", "</a>",
        "<b>", "</b>", "<li>", "<ul>", "</ul>", "<script>", "</script>", "<svg>", "</svg>",
        "<img src=x alt='pic'>", "<br>", "<!--", "-->", "<", ">", "&", "&amp;", "\"", "'",
        "text ", "Café ", "word", "\n\n", "<pre>", "</pre>", "<h1>", "</h2>", "<div>", "=",
    ]  # fmt: skip
    rng = random.Random(20261123)
    for _ in range(300):
        markup = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        assert_safe(preview_html(markup, highlight=["word", "cafe", "text"]))


def test_plain_text_becomes_paragraphs():
    assert preview_html(HOSTILE["plain"]) == (
        "<p>Just some text.</p><p>A second paragraph<br>with a line break &amp; an ampersand.</p>"
    )
    assert preview_html("One\r\n\r\nTwo\r\nlines") == "<p>One</p><p>Two<br>lines</p>"
    assert preview_html(HOSTILE["plain_lt"]) == "<p>vector&lt;int&gt; and x&lt;y</p>"
    assert preview_html("AT&amp;T") == "<p>AT&amp;T</p>"


@pytest.mark.parametrize("markup", ["", "   \n ", "<p></p>", "<script>x</script>", "<!-- -->"])
def test_nothing_to_show_gives_empty(markup: str):
    assert preview_html(markup) == ""


def mark(text: str) -> str:
    return f"{MARK}{text}</span>"


def test_highlight_is_case_insensitive_and_whole_word():
    out = preview_html("<p>Rust and RUST, rusty trust rust_lang rust.</p>", highlight=["rust"])
    assert out == f"<p>{mark('Rust')} and {mark('RUST')}, rusty trust rust_lang {mark('rust')}.</p>"
    out = preview_html("cat concatenate category bobcat", highlight=["cat"])
    assert out == f"<p>{mark('cat')} concatenate category bobcat</p>"


def test_highlight_ignores_accents():
    out = preview_html("<p>Café, CAFE and cafe\u0301.</p>", highlight=["cafe"])
    assert out == f"<p>{mark('Café')}, {mark('CAFE')} and {mark('café')}.</p>"
    assert preview_html("naive", highlight=["naïve"]) == f"<p>{mark('naive')}</p>"
    assert preview_html("Straße", highlight=["straße"]) == f"<p>{mark('Straße')}</p>"


def test_highlight_matches_simple_plurals():
    out = preview_html("A cat, two cats; a box, boxes; catsup", highlight=["cat", "box"])
    assert out == (
        f"<p>A {mark('cat')}, two {mark('cats')}; a {mark('box')}, {mark('boxes')}; catsup</p>"
    )


def test_highlight_matches_phrases_across_whitespace():
    out = preview_html(
        "<p>Machine\n  Learning, machine-learning</p>", highlight=["machine learning"]
    )
    assert out == "<p>" + mark("Machine\n  Learning") + ", machine-learning</p>"


def test_highlight_never_touches_hrefs_tags_or_notes():
    markup = '<p><strong>Example</strong>: <a href="https://example.com/href">see</a></p>'
    out = preview_html(markup, highlight=["example", "href", "strong", "see", "p"])
    assert out == (
        f"<p><strong>{mark('Example')}</strong>: "
        f'<a href="https://example.com/href">{mark("see")}</a> {QUIET}(example.com/href)</span></p>'
    )
    assert_safe(out)


def test_highlight_spans_never_overlap():
    text = "New York City is new"
    out = preview_html(text, highlight=["new", "new york", "york city"])
    assert out == f"<p>{mark('New York')} City is {mark('new')}</p>"
    assert_safe(out)


def test_highlight_keeps_escaping_right():
    out = preview_html("<p>AT&amp;T &lt;b&gt; C++ rocks</p>", highlight=["at&t", "<b>", "c++"])
    assert out == f"<p>{mark('AT&amp;T')} {mark('&lt;b&gt;')} {mark('C++')} rocks</p>"


def test_highlight_terms_as_given():
    assert preview_html("word", highlight="word") == f"<p>{mark('word')}</p>"
    assert preview_html("word", highlight=["", "  ", '"word"']) == f"<p>{mark('word')}</p>"
    assert preview_html("a.b - c", highlight=[".", "-"]) == "<p>a.b - c</p>"
    assert preview_html("(x)", highlight=["(x", "[", "*"]) == f"<p>{mark('(x')})</p>"


def test_highlight_in_code_and_alt_text():
    out = preview_html("<pre>let x = 1;</pre><img alt='x chart'>", highlight=["x"])
    assert out == f"<pre>let {mark('x')} = 1;</pre>{QUIET}[image: x chart]</span>"


def _timed(markup: str) -> float:
    start = time.perf_counter()
    preview_html(markup, highlight=["lorem", "link"])
    return time.perf_counter() - start


def test_a_long_article_is_quick():
    para = (
        "<p>Lorem ipsum dolor sit amet, <em>consectetur</em> adipiscing elit, sed do eiusmod "
        'tempor incididunt ut labore. <a href="https://example.org/some/article">A link</a>.</p>\n'
    )
    article = para * (200_000 // len(para))
    # ~40 ms on a slow machine; the bound only catches a blow-up (a quadratic step).
    assert min(_timed(article) for _ in range(3)) < 0.5


def test_huge_input_is_cut_short():
    out = preview_html("<p>" + "word " * 200_000 + "end</p>")
    assert out.startswith("<p>word word") and "end" not in out
    assert out.endswith(f"</p><p>{QUIET}[…]</span></p>")
    assert_safe(out)


@pytest.mark.parametrize(
    "markup",
    [
        "<!--" * 50_000,
        "<a" * 100_000,
        "</" * 100_000,
        "<?" * 100_000,
        "<![" * 60_000,
        '<a b="x>' * 25_000,
        "<b><i>" * 20_000 + "</x>" * 20_000,
        "<svg>" * 40_000,
        "<ul><li>x" * 20_000,
        "a < b " * 30_000,
        "&amp" * 50_000,
        "x" * 100_000 + '<a href="' + "y" * 100_000,
    ],
    ids=lambda m: repr(m[:12]),
)
def test_hostile_input_stays_linear(markup: str):
    assert _timed(markup) < 2.0
