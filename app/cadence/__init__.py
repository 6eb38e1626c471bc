"""Cadence: pure functions over the posts log and an injected clock."""
