"""Small text helpers at the bottom of the layers (docs/ARCHITECTURE.md): which links are
safe, HTML to plain text, the allow-listed HTML the preview shows, names and addresses
as compared, and CSV cells safe to open in a spreadsheet."""
