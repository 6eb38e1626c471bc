"""Feeds: parsing, sanitizing and storing what feeds publish."""
