"""Curriculum plugin shapes (being written)."""

__version__ = "0.1.0"
LANGUAGES = ("en", "zh")
