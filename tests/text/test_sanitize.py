import importlib.util
import io
import json
import random
import time
from functools import cache
from pathlib import Path

import feedparser
import pytest

from app.text.html_reader import read_html
from app.text.sanitize import _tidy, first_sentence, html_to_text
from tests.text.html_oracle import html_to_text_reference, tidy_reference

ROOT = Path(__file__).resolve().parents[2]


def test_clean_line_fast_path_agrees_with_html_to_text():
    from app.feeds.records import clean_line

    samples = [
        "  A\ttitle\r\nover\xa0lines  ",
        "\u3000wide\u2028space",
        "",
        "plain",
        "a &amp; b",
        "<b>bold</b> text",
        "x\x0bvertical\x0cfeed",
        "\n\n\n",
    ]
    for text in samples:
        assert clean_line(text) == " ".join(html_to_text(text).split()), repr(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("vector<int> explained", "vector<int> explained"),  # not HTML: no end tag
        ("Why x<y matters & how", "Why x<y matters & how"),
        ("Ops <3 dev </3 ops", "Ops <3 dev </3 ops"),  # "3" is no element
        ("<script>x()</script> Title", "<script>x()</script> Title"),  # text, shown as is
        ("A <b>bold</b> claim", "A bold claim"),  # HTML: its tags go
        ("Fish &amp; chips", "Fish & chips"),
        ("AT&T &nosuch; deal", "AT&T &nosuch; deal"),  # an unknown entity: text
    ],
)
def test_one_line_fields_are_read_as_html_only_when_they_look_like_it(line, expected):
    from app.feeds.records import clean_line

    assert clean_line(line) == expected


def test_html_to_text_drops_scripts_and_styles_keeps_paragraphs_and_lists():
    markup = (
        "<p>Hello&nbsp;<b>world</b>.</p><script>evil()</script><style>p{}</style>"
        "<ul><li>one</li><li>two</li></ul>"
    )
    assert html_to_text(markup) == "Hello world.\n\n• one\n\n• two"


def test_html_to_text_unescapes_plain_text():
    assert html_to_text("Fish &amp; chips") == "Fish & chips"


def test_first_sentence():
    assert first_sentence("One thing. Another thing.") == "One thing."
    assert first_sentence("No full stop here") == "No full stop here"
    long = "word " * 100
    cut = first_sentence(long, limit=20)
    assert cut.endswith("…") and len(cut) <= 21


# html_to_text against the html.parser version it replaced (html_to_text_reference).


def assert_as_html_parser(markups: list[str]) -> None:
    """html_to_text, and its tag-by-tag path on its own, give what HTMLParser gave."""
    assert markups
    for markup in markups:
        expected = html_to_text_reference(markup)
        assert html_to_text(markup) == expected, markup
        assert _tidy(read_html(markup)) == expected, markup


def feed_texts(data: bytes) -> list[str]:
    """Feed and item titles, summaries and contents, as parse.py gets them from feedparser."""
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    texts = [parsed.feed.get("title", ""), parsed.feed.get("subtitle", "")]
    for entry in parsed.entries:
        texts += [entry.get("title", ""), entry.get("summary", "")]
        texts += [content.get("value", "") for content in entry.get("content", [])]
    return [text for text in texts if text]


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in json_strings(item)]
    return []


SAMPLES = sorted(
    [
        *(ROOT / "tests/feeds/samples").iterdir(),
        *(ROOT / "tests/feeds/data").iterdir(),
        *(ROOT / "resources/demo").glob("*.xml"),
    ]
)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: str(path.relative_to(ROOT)))
def test_html_to_text_is_html_parsers_on_sample_feeds(path):
    data = path.read_bytes()
    text = data.decode("utf-8")
    # The whole file too: web pages with head and scripts, OPML, XML.
    markups = [text, *feed_texts(data)]
    if path.suffix == ".json":
        markups += json_strings(json.loads(text))
    assert_as_html_parser(markups)


@cache
def bench_refresh():
    path = ROOT / "bench" / "refresh.py"
    if not path.exists():
        pytest.skip("no bench/refresh.py")
    spec = importlib.util.spec_from_file_location("digwell_bench_refresh", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("index", range(30))
def test_html_to_text_is_html_parsers_on_generated_feeds(index):
    assert_as_html_parser(feed_texts(bench_refresh().make_feed(index).body))


TRICKY = [
    "",
    "plain text, no markup",
    "Fish &amp; chips &amp;amp; peas",
    "<p>Top</p>text at top level<div>block</div>tail",
    "<SCRIPT>evil()</SCRIPT><STYLE>p{}</STYLE><P>Upper</P><Br>case",
    "<script>document.write('</div><p>in script</p>')</script>after",
    "<script>a</script >b<style\n>c</STYLE>d<script>x</script\t>e",
    "<noscript><iframe src=x><p>hidden</p></iframe>still hidden</noscript>shown",
    "<noscript><noscript>a</noscript>b</noscript>c",
    "<noscript><ul><li>Enable JS</li></ul></noscript>Text",
    "<object><template>x</template>y</object>z",
    "</iframe>closes nothing<iframe/>self-closed<script/>not a script",
    "<noscript><script></noscript>still script</script>skipped</noscript>shown",
    '<a title="a>b" href="x">link</a> text',
    "<a title='a>b'>single</a> <a title=a>b>bare</a>",
    '<a href="?a=1&b=2&amp;c=3">q&amp;a</a>',
    "line<br/>break<br />again<BR>done<li/>item<p/>para",
    "<!-- comment --><p>after comment</p>",
    "<!-- a -- b -->text<!---->x<!-- <p>not a tag</p> -->y<!--\n-- >z",
    "<!-->still comment-->a<!--->b-->c",
    "<![CDATA[ hidden <b>cdata</b> ]]>visible",
    "<![if !IE]><p>conditional</p><![endif]>after",
    '<?xml version="1.0"?><?php echo 1 ?>text',
    "<!DOCTYPE html><html><head><title>T</title></head><body>doc</body></html>",
    "<!x bogus comment>a</3 bogus end>b</>c</ p>d</p class=x>e",
    "<unknown-tag foo=bar>unknown</unknown-tag><x:y>ns</x:y><x.y>dot</x.y>",
    "a < b > c",
    "1 <3 and 2 >1, x < y <= z, cout << x",
    "<",
    "a <",
    "<<<",
    "&copy &copy; &ampx &amp &notit; &notin; &AMP; &Amp;",
    "&#0; &#xD800; &#99999999; &#x110000; &#65;&#x42;&#X43;&#128; &#",
    "&nbsp;a&nbsp;&nbsp;b\u00a0\u00a0c",
    "&am<b>p;</b> &#12<i>3;</i> R&D<b>!</b> &amp<!-- -->;",
    "x&lt;script&gt;alert(1)&lt;/script&gt;",
    "<p>unclosed paragraph",
    "<ul><li>one<li>two",
    "</p>no opener</div>",
    "<p>windows\r\nline\r\nendings</p>\r\n<p>tab\there</p>",
    "\t<p>\t indented \t</p>\t\n \n",
    "<pre>  pre  </pre><table><tr><td>a</td><td>b</td></tr></table>",
    "<h1>Title</h1><h2>Sub</h2><hr><blockquote>quote</blockquote><h6>6</h6>",
    "<p>a</p>\n\n\n\n<p>b</p><div><div><div>deep</div></div></div>",
    "<a href='javascript:alert(1)'>click</a><img src=x onerror=alert(1)>",
    "<p>emoji 😀, é, \u2003em space\u2003, \x1c, \x85, \u2028</p>",
    "<a\nhref\n=\n'x'\n>multi-line tag</a><a b=`x`>backtick</a><a b=c=d>eq</a>",
    "<a b='c'/>x<a//>y<a/b>z<a b==c>w",
    "a<p\xa0class=x>b<br\u2003/>c<p\v>d",  # tag names end at ASCII spaces only
    "<p>" + "word " * 40_000 + "</p>",
    "<p>Long <b>paragraph</b> text &amp; more.</p>\n" * 5_000,
    "<p>Long <i>one</i></p>\n" * 5_000 + "<script>x()</script>end",
]


@pytest.mark.parametrize("markup", TRICKY, ids=lambda markup: repr(markup[:40]))
def test_html_to_text_is_html_parsers_on_tricky_markup(markup):
    assert_as_html_parser([markup])


def test_html_to_text_is_html_parsers_on_random_markup():
    pieces = [
        *("<p>", "</p>", "<P CLASS=x>", "<br/>", "<li>", "</LI>", "<li/>", "<ul>", "</ul>"),
        *("<div\n id='a'>", "</div >", '<a href="x>y">', "<a title='a>b'>", "</a>", "<b>"),
        *("<hr/>", "<h1 a b=c>", "<img src=x/>", "<x-y:z>", "</x.y>", "<a b c=d e='f'>"),
        *("<script>", "</script>", "<SCRIPT type=x>", "<style>", "</style>", "<noscript>"),
        *("</noscript>", "<iframe src=x>", "</iframe>", "<template>", "</template>"),
        *("<!-- c -->", "<!---->", "<!-- <p> -->", "<![CDATA[x<p>]]>", "<![if IE]>", "<?pi?>"),
        *("<!DOCTYPE html>", "<!x>", "</>", "</ p>", "< p>", " < ", ">", "=", '"', "'"),
        *("&", "&amp;", "&amp", "&copy", "&#0;", "&#39;", "&nbsp;", "&lt;", "#", ";"),
        *("text", " ", "\n", "\t", "\r\n", "\n\n\n", "é", "\xa0", "\u2003"),
    ]
    rng = random.Random(20261123)
    markups = ["".join(rng.choices(pieces, k=rng.randint(1, 16))) for _ in range(3_000)]
    assert_as_html_parser([markup + "<p>end</p>" for markup in markups])


# Where html_to_text differs from HTMLParser, on purpose: where HTMLParser shows broken
# markup as text (or raises), html_to_text drops it. Its output is never less safe.


@pytest.mark.parametrize(
    ("markup", "expected", "html_parser_gave"),
    [
        # Unterminated markup: up to the next ">" or "<", whichever comes first...
        ('<a href="x>link</a> more', "link more", '<a href="x>link more'),
        ("a <!-- never closed > b", "a b", "a <!-- never closed > b"),
        ("a<!-- x<script>alert(1)</script>b", "ab", "a<!-- x<script>alert(1)b"),
        ("<![CDATA[ never closed > b", "b", "<![CDATA[ never closed > b"),
        # ... or to the end when no ">" follows it, as in a browser.
        ('Read more <a href="https://ex', "Read more", 'Read more <a href="https://ex'),
        ("<p>hi <script src=x", "hi", "hi <script src=x"),
        ("<p>x</p>a < b, x<y", "x\na < b, x", "x\na < b, x<y"),
        ("fine <!-- never closed", "fine", "fine <!-- never closed"),
        # A start tag HTMLParser gives up on: it showed the start of it as text.
        ("<p\x00 class=x>para</p>", "\x00 class=x>para", "<p\x00 class=x>para"),
        # HTMLParser raises on these marked sections; a browser reads a bogus comment.
        ("<![foo]>x", "x", AssertionError),
        ("a<![ if]>b", "ab", AssertionError),
    ],
)
def test_html_to_text_differs_from_html_parser_only_on_broken_markup(
    markup, expected, html_parser_gave
):
    assert html_to_text(markup) == expected
    if html_parser_gave is AssertionError:
        with pytest.raises(AssertionError):
            html_to_text_reference(markup)
    else:
        assert html_to_text_reference(markup) == html_parser_gave


# Safety: nothing from inside script or style, and no markup left.

HOSTILE = [
    "<script>alert('PAYLOAD javascript:')</script>",
    "<SCRIPT SRC=//x.js>PAYLOAD</SCRIPT>",
    "<script>var s = '<p>PAYLOAD</p>';</script>",
    "<script>document.write('</div><b>PAYLOAD</b>')</script>",
    "<script><!--</script >-->",
    "<script/><script>PAYLOAD javascript:</script>",
    "<noscript><script>PAYLOAD</script></noscript>",
    "<script>PAYLOAD never closed </scrip",
    "<style>@import 'javascript:PAYLOAD'</style>",
    "<style>PAYLOAD</style\t>",
    "<svg><script>PAYLOAD</script></svg><math><style>PAYLOAD</style></math>",
    "<!-- <script>PAYLOAD</script> -->",
    "<!-- never closed <script>PAYLOAD javascript:</script>",
    '<a href="x><script>PAYLOAD</script>',
    "<![CDATA[<script>PAYLOAD</script>",
    '<a title="<script>PAYLOAD</script>">x</a>',
    '<iframe srcdoc="<script>PAYLOAD</script>"></iframe>',
    "<a href=\"javascript:alert('PAYLOAD')\">link</a>",
    '<img src=x onerror="javascript:PAYLOAD"><img/src/onerror=PAYLOAD>',
    "<script\n>PAYLOAD</script\n><style\n>PAYLOAD</style\n>",
    "<p>Read more <script src=",
]


@pytest.mark.parametrize("markup", HOSTILE, ids=lambda markup: repr(markup[:40]))
def test_html_to_text_shows_no_script_and_no_markup(markup):
    text = html_to_text("<p>before</p>" + markup + "<p>after</p>")
    assert "PAYLOAD" not in text
    assert "javascript:" not in text
    assert "<" not in text  # every "<" in markup starts a tag (no &lt;, no "a < b")
    assert text.startswith("before")


def test_html_to_text_leaves_no_markup_in_random_broken_markup():
    # Whatever the mix, when every "<" starts markup (no "a < b", no &lt;), no "<" is left.
    pieces = [
        *("<p>", "</p>", "<a href='x'>", "</a>", "<br/>", "<script>", "</script>", "<style>"),
        *("</style>", "<noscript>", "<iframe>", "<!--", "-->", "<![CDATA[", "]]>", "<![if x]>"),
        *("<?", "<!", "</", "<a", "<p", '<a href="', "<a href='", "<a\x00", "<![x", ">"),
        *('"', "'", "=", "/", " ", "\n", "text", "PAY", "\x00"),
    ]
    rng = random.Random(42)
    for _ in range(5_000):
        markup = "".join(rng.choices(pieces, k=rng.randint(1, 20)))
        assert "<" not in html_to_text(markup), markup


@pytest.mark.parametrize(
    "markup",
    [
        "<!--" * 50_000,
        "<!--x>" * 30_000,
        "<p" * 100_000,
        '<a b="' * 40_000,
        '<a b="x>' * 30_000,
        "<a\x00>" * 30_000,
        "</" * 100_000,
        "<?" * 100_000,
        "<![CDATA[x>" * 20_000,
        "<" * 200_000,
        "a<b>" + "&" * 200_000,
    ],
    ids=lambda markup: repr(markup[:12]),
)
def test_html_to_text_takes_linear_time_on_hostile_markup(markup):
    # HTMLParser takes from seconds to minutes on several of these 200 KB inputs.
    start = time.process_time()
    html_to_text(markup)
    assert time.process_time() - start < 2


def test_tidy_is_the_former_tidy():
    alphabet = [" ", "\t", "\n", "\r", "\f", "\v", "\xa0", "\u2003", "\x1c", "\x85", "a", "b"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choices([*alphabet, "\n\n\n", "  "], k=rng.randint(0, 16)))
        assert _tidy(text) == tidy_reference(text), text
