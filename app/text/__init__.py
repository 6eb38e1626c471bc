"""Small text helpers at the bottom of the layers (docs/ARCHITECTURE.md): which links are
safe, HTML to plain text, and the allow-listed HTML the preview shows."""
