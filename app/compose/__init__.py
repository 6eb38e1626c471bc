"""Composing posts: templates, their context, and platform rules."""
