"""Digwell: dig your well before you are thirsty."""

APP_NAME = "Digwell"
__version__ = "0.1.0"
