"""Every external link in a guide, and where it is. Plain Python, no Django.

Links live in four places: self-service links, checklist items' onward links, actors'
web sites and ``href``s in rich text (running text and callouts). Internal page and
document links in rich text are Wagtail references (``linktype``), never checked over
HTTP. Only ``http``/``https`` addresses are external links; ``mailto:`` and ``tel:`` are
not checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

SELF_SERVICE = "self_service"
CHECKLIST = "checklist"
ACTOR = "actor"
RICH_TEXT = "rich_text"
CALLOUT = "callout"

KINDS = (SELF_SERVICE, CHECKLIST, ACTOR, RICH_TEXT, CALLOUT)


@dataclass(frozen=True)
class FoundLink:
    """One occurrence of an external link in a guide section."""

    url: str
    kind: str
    label: str
    section: object  # guides.document.Section

    @property
    def section_id(self) -> str:
        return self.section.id


def is_external(url: str) -> bool:
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class _AnchorParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            attributes = dict(attrs)
            # Wagtail stores internal links as <a linktype="page" id="…">, without href.
            self._href = None if attributes.get("linktype") else attributes.get("href")
            self._text = []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href.strip(), " ".join("".join(self._text).split())))
            self._href = None


def rich_text_links(html: str) -> list[tuple[str, str]]:
    """(href, link text) of every external ``<a>`` in stored rich text."""
    parser = _AnchorParser()
    parser.feed(html or "")
    parser.close()
    return [(href, text) for href, text in parser.links if is_external(href)]


def _get(value, key):
    try:
        return value.get(key)
    except AttributeError:
        return None


def _block_links(block_type: str, value) -> Iterator[tuple[str, str, str]]:
    if block_type == "self_service":
        yield SELF_SERVICE, _get(value, "url") or "", _get(value, "label") or ""
    elif block_type == "checklist":
        for item in _get(value, "entries") or []:
            link = _get(item, "link") or {}
            yield CHECKLIST, _get(link, "url") or "", _get(link, "label") or _get(item, "text") or ""
    elif block_type == "actors":
        for actor in _get(value, "actors") or []:
            yield ACTOR, _get(actor, "url") or "", _get(actor, "name") or ""
    elif block_type == "rich_text":
        for href, text in rich_text_links(getattr(value, "source", value) or ""):
            yield RICH_TEXT, href, text
    elif block_type == "callout":
        text = _get(value, "text")
        for href, label in rich_text_links(getattr(text, "source", text) or ""):
            yield CALLOUT, href, label


def section_links(section) -> list[FoundLink]:
    found = []
    for child in section.content or []:
        for kind, url, label in _block_links(child.block_type, child.value):
            url = (url or "").strip()
            if is_external(url):
                found.append(FoundLink(url=url, kind=kind, label=label, section=section))
    return found


def document_links(sections: Iterable) -> list[FoundLink]:
    """Every external link in these sections, in reading order."""
    return [link for section in sections for link in section_links(section)]
