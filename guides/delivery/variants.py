"""The variants of a live guide and their addresses.

A *variant* is one response that depends only on the live revision, the generation and the
root URL: the API JSON unfiltered or for one audience, the guide's HTML without answers
(the questions) or for one audience, and the print view for one audience. Dated responses
(``dato``) are personal and never variants. The audiences come from the one audience
module (``document.audiences()``); a variant's query is ``Answers.query_string()``, the
canonical order our own links use (question order).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from guides.audience import NO_ANSWERS, Answers

API = "api"
GUIDE = "guide"
PRINT = "print"
KINDS = (API, GUIDE, PRINT)


@dataclass(frozen=True)
class Variant:
    kind: str
    path: str  # site-relative, e.g. /hvis-du-bliver-ledig/udskriv/
    answers: Answers | None  # None: the unfiltered API or the questions page

    @property
    def query(self) -> str:
        return self.answers.query_string() if self.answers is not None else ""

    @property
    def address(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path


def api_path(slug: str) -> str:
    return reverse("api-v1:guide", kwargs={"slug": slug})


def guide_paths(page) -> dict[str, str]:
    """The site-relative path of each kind of address of a guide."""
    _, _, page_path = page.get_url_parts() or (None, None, None)
    if page_path is None:
        return {}
    return {API: api_path(page.slug), GUIDE: page_path, PRINT: page_path + page.reverse_subpage("print")}


def variants_of(page) -> list[Variant]:
    """Every variant of the guide as it is now (call with the live page)."""
    paths = guide_paths(page)
    if not paths:
        return []
    if len(page.document.questionnaire) == 0:
        # One audience, everyone: the plain addresses are the tailored guide.
        return [
            Variant(API, paths[API], NO_ANSWERS),
            Variant(GUIDE, paths[GUIDE], None),
            Variant(PRINT, paths[PRINT], None),
        ]
    variants = [Variant(API, paths[API], None), Variant(GUIDE, paths[GUIDE], None)]
    for answers in page.document.audiences:
        variants += [Variant(kind, paths[kind], answers) for kind in KINDS]
    return variants


def root_urls(page) -> list[str]:
    """The root URLs variants are pre-rendered (and pointed to) for: the page's site and
    ``VEJVISER_DELIVERY_ROOT_URLS`` (other names the app is reached by, e.g. behind a proxy)."""
    roots = []
    parts = page.get_url_parts()
    if parts is not None and parts[1]:
        roots.append(parts[1].rstrip("/"))
    for root in getattr(settings, "VEJVISER_DELIVERY_ROOT_URLS", []):
        if root.rstrip("/") not in roots:
            roots.append(root.rstrip("/"))
    return roots
