"""argparse's own words ("usage: ", "options", "the following arguments are required")
in the user's language (docs/TRANSLATION.md).

argparse looks `_` and `ngettext` up in its own module each time it writes a message, so
pointing them at Digwell's translation layer translates them. The messages are marked
here, exactly as argparse writes them (with its %-fields), so they reach the catalogue.
"""

from __future__ import annotations

from app.i18n import N_, _, ngettext

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
)


def _plural_marks() -> None:  # never called: marks argparse's plural for the catalogue
    ngettext("expected %s argument", "expected %s arguments", 2)


def translate_argparse() -> None:
    """Make argparse write its messages through Digwell's translation layer."""
    import argparse

    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
