"""The preview's allow-list: which feed tags it keeps (and as what), which it drops with
all they hold, and which only separate lines. Anything else is unwrapped: its text kept."""

from __future__ import annotations

# Feed tag -> the tag written for it. Headings are toned down so a feed can't shout.
KEPT = {
    "p": "p",
    "br": "br",
    "hr": "hr",
    "ul": "ul",
    "ol": "ol",
    "li": "li",
    "blockquote": "blockquote",
    "pre": "pre",
    "code": "code",
    "tt": "code",
    "kbd": "code",
    "samp": "code",
    "b": "b",
    "strong": "strong",
    "i": "i",
    "em": "em",
    "a": "a",
    **dict.fromkeys(("h1", "h2", "h3"), "h3"),
    **dict.fromkeys(("h4", "h5", "h6"), "h4"),
}
BLOCKS = frozenset({"p", "ul", "ol", "li", "blockquote", "pre", "h3", "h4"})
# Dropped with everything in them: code, styles, embedded documents, fallback text.
DROPPED = frozenset(
    """
    script style iframe frameset noframes object applet template noscript noembed svg
    math head title select datalist textarea canvas audio video
    """.split()  # noqa: SIM905 -- a word list
)
# HTML tags that end an unclosed <svg> or <math>, as in browsers: "<svg/onload=x><p>text"
# shows "text".
FOREIGN = ("svg", "math")
BREAKOUT = frozenset(
    """
    b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i
    img li listing menu meta nobr ol p pre ruby s small span strike strong sub sup table tt
    u ul var
    """.split()  # noqa: SIM905 -- a word list
)
# Not kept, but they separate lines: their text would otherwise run together.
LINE_BREAKING = frozenset(
    """
    div section article header footer main aside nav figure figcaption table caption
    thead tbody tfoot tr dl dt dd address center details summary fieldset legend form
    hgroup body html
    """.split()  # noqa: SIM905 -- a word list
)
CELLS = frozenset({"td", "th"})
VOID = frozenset(
    """
    area base br col embed frame hr img input keygen link meta param source track wbr
    """.split()  # noqa: SIM905 -- a word list
)
# Tags a feed would use: a "<" starting one of these (or a comment) makes a summary HTML.
HTML_TAGS = (
    frozenset(KEPT)
    | DROPPED
    | LINE_BREAKING
    | CELLS
    | VOID
    | frozenset(
        """
        span font small big sub sup u s del ins mark abbr cite q dfn var label button
        textarea option picture
        """.split()  # noqa: SIM905 -- a word list
    )
)
