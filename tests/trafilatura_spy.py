"""What trafilatura is handed: a spy shared by the tests of the HTML reader's trimmed tree."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

import articlekit


def handed(monkeypatch: pytest.MonkeyPatch, html: str) -> tuple[list[etree._Element], str]:
    """The trees trafilatura is handed while ``clean_html`` reads ``html``, and the text."""
    import trafilatura

    seen: list[etree._Element] = []
    real = trafilatura.bare_extraction

    def spy(tree: etree._Element, *args: object, **kwargs: object) -> object:
        seen.append(copy.deepcopy(tree))
        return real(tree, *args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    return seen, articlekit.clean_html(html).text
