"""The people the user credits, thanks, helps and keeps in touch with (docs/PEOPLE.md)."""
