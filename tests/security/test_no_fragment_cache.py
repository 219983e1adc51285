"""RELIABILITY 28, the lint half: no template fragment cache and no per-view page cache
around page content.

Wagtail renders previews and drafts through the same templates as the live page, so a
``{% cache %}`` block (or Django's ``cache_page``/``CacheMiddleware``) around page content
stores whatever rendered it first — a draft in preview, then served to citizens
(wagtail#5074). Published variants are cached only by the delivery layer, under a key
built from the live revision and the normalized answers; these tests keep everything else
out of the cache.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent.parent
OUR_CODE = ("cms", "guides", "home", "templates")

FRAGMENT_CACHE = re.compile(r"{%-?\s*cache\b")
PAGE_CACHE = re.compile(
    r"\bcache_page\b|\bcache_control\s*\(\s*public|CacheMiddleware|cache_template_fragment"
)


def our_files(suffix: str):
    for top in OUR_CODE:
        yield from (path for path in (ROOT / top).rglob(f"*{suffix}") if ".venv" not in path.parts)


def offending_lines(text: str, pattern: re.Pattern) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), 1) if pattern.search(line)]


def test_the_lint_recognises_a_fragment_cache_and_a_page_cache():
    assert offending_lines("<p>\n{% load cache %}{% cache 500 sidebar page.pk %}", FRAGMENT_CACHE) == [2]
    assert offending_lines("{%- cache 60 x -%}", FRAGMENT_CACHE) == [1]
    assert offending_lines("{% include 'cached.html' %}", FRAGMENT_CACHE) == []
    assert offending_lines("@cache_page(60)\ndef view(request): ...", PAGE_CACHE) == [1]
    assert offending_lines("from django.core.cache import cache", PAGE_CACHE) == []


def test_no_template_uses_the_fragment_cache_tag():
    templates = list(our_files(".html")) + list(our_files(".txt"))
    assert len(templates) > 20, "the lint found too few templates to be looking in the right place"
    found = {
        str(path.relative_to(ROOT)): lines
        for path in templates
        if (lines := offending_lines(path.read_text(encoding="utf-8"), FRAGMENT_CACHE))
    }
    assert not found, f"{{% cache %}} around page content can serve drafts (wagtail#5074): {found}"


def test_no_view_is_wrapped_in_a_page_cache():
    this_file = Path(__file__).resolve()
    found = {
        str(path.relative_to(ROOT)): lines
        for path in our_files(".py")
        if path.resolve() != this_file
        and (lines := offending_lines(path.read_text(encoding="utf-8"), PAGE_CACHE))
    }
    assert not found, f"per-view page caches key on the URL only, not the live revision: {found}"


def test_the_site_wide_cache_middleware_is_not_installed():
    assert not [name for name in settings.MIDDLEWARE if name.startswith("django.middleware.cache.")]
