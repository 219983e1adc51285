"""Readability of guide text as LIX (læsbarhedsindeks). Plain Python, no Django.

LIX = words per sentence + percentage of long words. Danish public-sector writing aims
below 45; a section above ``DIFFICULT_ABOVE`` is flagged »svær«.

What counts, exactly (the editors' documentation repeats this in docs/editor-tools.md):

text unit
    Every piece of text a reader meets on its own: the section heading, each paragraph,
    heading (h3/h4) and list item of rich text, each checklist item's task and its
    details, each actor's name and role, the actors heading, a self-service link's text
    and description, and a callout's heading and text. A unit always ends a sentence,
    even without a full stop, so a heading or a bullet counts as a sentence of its own.
sentence
    Within a unit, a sentence ends at ``.``, ``!``, ``?`` or ``:`` followed by white space
    and an upper-case letter (or an opening quote before one). So »fx. en a-kasse« and
    »kr. 15.500« do not end a sentence, while »… ledig. Du skal …« does.
word
    A run of letters and digits, where a hyphen or apostrophe between two such runs
    joins them (»a-kasse« is one word). A run without any letter (»2026«, »15.500«) is
    not a word: numbers are not read as long words.
long word
    A word with more than six letters; hyphens and digits are not counted
    (»a-kassen« has 7 letters and is long, »a-kasse« has 6 and is not).

Wagtail's own Checks panel shows a LIX for the whole preview too (the same formula and
bands, but with the browser's word segmentation and over everything on the page), so its
figure for an audience differs a little from the per-section figures here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

DIFFICULT_ABOVE = 45
"""A section scoring above this is »svær« (hard)."""
EASY_BELOW = 35
"""Below this a text is »let« (easy); between the two it is »middel«."""
MIN_WORDS = 10
"""Too little text for a meaningful score: such a section is never flagged."""

EASY = "easy"
MEDIUM = "medium"
DIFFICULT = "difficult"
TOO_SHORT = "too_short"

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# End of a sentence inside a unit: terminal punctuation (possibly closing quotes or
# brackets), white space, then what starts a new sentence.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?:])|(?<=[.!?:][»«\"'”’)\]]))\s+(?=[»«\"'“(\[]*[A-ZÆØÅÄÖÜÉ])")


@dataclass(frozen=True)
class Lix:
    words: int = 0
    sentences: int = 0
    long_words: int = 0

    def __add__(self, other: Lix) -> Lix:
        return Lix(
            self.words + other.words,
            self.sentences + other.sentences,
            self.long_words + other.long_words,
        )

    @property
    def long_word_percentage(self) -> float:
        return 100 * self.long_words / self.words if self.words else 0.0

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def score(self) -> float:
        """The LIX, rounded to one decimal (0 for no text)."""
        if not self.words:
            return 0.0
        return round(self.words_per_sentence + self.long_word_percentage, 1)

    @property
    def level(self) -> str:
        if self.words < MIN_WORDS:
            return TOO_SHORT
        if self.score > DIFFICULT_ABOVE:
            return DIFFICULT
        if self.score < EASY_BELOW:
            return EASY
        return MEDIUM

    @property
    def is_difficult(self) -> bool:
        return self.level == DIFFICULT


def words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text) if any(char.isalpha() for char in word)]


def is_long(word: str) -> bool:
    return sum(1 for char in word if char.isalpha()) > 6


def sentences(unit: str) -> list[str]:
    """The sentences of one text unit (see the module docstring)."""
    parts = [part.strip() for part in _SENTENCE_END.split(unit.strip())]
    return [part for part in parts if words(part)]


def lix_of_units(units: Iterable[str]) -> Lix:
    total = Lix()
    for unit in units:
        for sentence in sentences(unit):
            found = words(sentence)
            total += Lix(len(found), 1, sum(1 for word in found if is_long(word)))
    return total


def lix(text: str) -> Lix:
    """LIX of a plain text whose lines are separate units."""
    return lix_of_units(text.splitlines())


# -- text units of stored content -----------------------------------------------------------

_UNIT_ELEMENTS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote", "td", "th"})


class _UnitParser(HTMLParser):
    """Splits rich text (Wagtail's stored HTML) into text units at block elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units: list[str] = []
        self._current: list[str] = []

    def _flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.units.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in _UNIT_ELEMENTS or tag == "br":
            self._flush()

    def handle_endtag(self, tag):
        if tag in _UNIT_ELEMENTS:
            self._flush()

    def handle_data(self, data):
        self._current.append(data)

    def close(self):
        super().close()
        self._flush()


def rich_text_units(html: str) -> list[str]:
    parser = _UnitParser()
    parser.feed(html or "")
    parser.close()
    return parser.units


def _source(value) -> str:
    """Stored HTML of a rich text value (a Wagtail ``RichText`` or a plain string)."""
    return getattr(value, "source", value) or ""


def _get(value, key):
    try:
        return value.get(key)
    except AttributeError:
        return None


def content_units(block_type: str, value) -> Iterator[str]:
    """The text units of one content block, by its type (see ``guides/blocks/content.py``)."""
    if block_type == "rich_text":
        yield from rich_text_units(_source(value))
    elif block_type == "checklist":
        for item in _get(value, "entries") or []:
            yield _get(item, "text") or ""
            yield _get(item, "details") or ""
    elif block_type == "actors":
        yield _get(value, "heading") or ""
        for actor in _get(value, "actors") or []:
            yield _get(actor, "name") or ""
            yield _get(actor, "role") or ""
    elif block_type == "self_service":
        yield _get(value, "label") or ""
        yield _get(value, "description") or ""
    elif block_type == "callout":
        yield _get(value, "heading") or ""
        yield from rich_text_units(_source(_get(value, "text")))


def section_units(section) -> list[str]:
    """Text units of a section: its heading and every content block, in order.

    ``section`` is anything with ``heading`` and ``content`` (a stream of children with
    ``block_type`` and ``value``), such as ``guides.document.Section``.
    """
    units = [section.heading or ""]
    for child in section.content or []:
        units += content_units(child.block_type, child.value)
    return [unit for unit in units if unit and unit.strip()]


def section_lix(section) -> Lix:
    return lix_of_units(section_units(section))
