"""Digwell as a freedesktop citizen: its application ID, the files a desktop reads (the
.desktop entry, the AppStream metainfo, the hicolor icons) and putting them under the
user's XDG data folder (docs/DESKTOP.md). Plain Python, no Qt."""
