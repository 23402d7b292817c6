"""Readers turn input (plain text, HTML) into a :class:`~articlekit.draft.Draft`."""

from articlekit.readers.text import read_text

__all__ = ["read_text"]
