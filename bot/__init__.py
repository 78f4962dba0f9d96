"""Chorus: a writing coach for people who must now write in public."""

__version__ = "0.1.0"
