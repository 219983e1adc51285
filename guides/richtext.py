"""Sanitizing rich text in Wagtail's database format.

The admin's Draftail editor only ever stores the formats a block allows. Content can
also arrive another way (an API client, a script, an import), so the rich text blocks
clean their stored HTML with this whitelister as well: only the block's elements
survive, links keep a checked ``href`` or an internal page reference, and every other
attribute, script, style or event handler is dropped.
"""

from __future__ import annotations

import functools
import re

from bs4 import BeautifulSoup
from bs4.formatter import HTMLFormatter
from django.utils.html import escape
from wagtail.whitelist import Whitelister, allow_without_attributes, check_url

# Rich text features -> the elements they store.
FEATURE_ELEMENTS = {
    "h2": ["h2"],
    "h3": ["h3"],
    "h4": ["h4"],
    "bold": ["b", "strong"],
    "italic": ["i", "em"],
    "ol": ["ol", "li"],
    "ul": ["ul", "li"],
    "link": ["a"],
}
INTERNAL_LINK_TYPES = {"page", "document"}
NUMERIC = re.compile(r"^\d+$")


def link_rule(tag):
    """Keep either a checked external ``href`` or an internal ``linktype``/``id`` pair."""
    linktype = tag.get("linktype")
    link_id = tag.get("id")
    href = tag.get("href")
    tag.attrs = {}
    if linktype in INTERNAL_LINK_TYPES and link_id and NUMERIC.match(link_id):
        tag["linktype"] = linktype
        tag["id"] = link_id
    elif href:
        checked = check_url(href)
        if checked:
            tag["href"] = checked


class KeepAttributeOrder(HTMLFormatter):
    """Escape like Wagtail's whitelister, but keep attributes in their stored order, so
    content that was already clean comes back byte for byte."""

    def __init__(self):
        super().__init__(entity_substitution=escape)

    def attributes(self, tag):
        return list(tag.attrs.items())


class RichTextWhitelister(Whitelister):
    def clean(self, html):
        doc = BeautifulSoup(html, "html.parser")
        self.clean_node(doc, doc)
        return doc.decode(formatter=KeepAttributeOrder())

    def __init__(self, features):
        rules = {
            "[document]": allow_without_attributes,
            "p": allow_without_attributes,
            "br": allow_without_attributes,
        }
        for feature in features:
            for element in FEATURE_ELEMENTS.get(feature, []):
                rules[element] = link_rule if element == "a" else allow_without_attributes
        self.element_rules = rules


def sanitize(html: str, features) -> str:
    if not html:
        return html
    return _sanitize(html, tuple(features))


@functools.lru_cache(maxsize=4096)
def _sanitize(html: str, features: tuple[str, ...]) -> str:
    # A pure function of its input: publishing renders every audience variant, each
    # cleaning the same fragments again, so the result is remembered (bounded).
    return RichTextWhitelister(features).clean(html)


SAFE_URL_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def safe_url(url) -> str:
    """``url`` if it may go into an ``href``: a web, mail or phone address, or a path on
    this site; anything else (``javascript:``, ``data:``, a scheme hidden behind control
    characters) is an empty string. Link fields are validated when an editor saves, but
    stored content can come another way, so the pages check again when they render."""
    url = str(url or "").strip()
    if not url:
        return ""
    if url.startswith(("/", "#", "?")) and not url.startswith("//"):
        return url
    checked = check_url(url)
    if checked and checked.lower().startswith(SAFE_URL_SCHEMES):
        return url
    return ""
