"""History from the platforms' own exports (docs/HISTORY.md)."""
