"""The delivery cache: entries, live pointers, the generation, and responding from an entry.

Everything goes through Django's default cache (Redis when ``REDIS_URL`` is set, shared by
every app process; local memory otherwise). Only ``render.render_variant`` produces entries,
and only from a live page read from the database: previews and drafts never get here.
"""

from __future__ import annotations

import uuid
from typing import NamedTuple

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

from guides.delivery import keys

# A removed address (unpublished, restricted, moved away, or changing right now): the miss
# path may not re-create its pointer while a request that read the old state may still be in
# flight. Longer than any request may take (gunicorn's timeout is 30 s).
GONE = "gone"
GONE_TIMEOUT = 120


class Entry(NamedTuple):
    """One rendered variant, stamped with what it was rendered from."""

    page_id: int
    revision_id: int
    generation: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    last_modified: int | None  # a Unix timestamp, for If-Modified-Since

    def belongs_to(self, page_id: int, revision_id: int, generation: str) -> bool:
        return (self.page_id, self.revision_id, self.generation) == (page_id, revision_id, generation)


def generation() -> str:
    """The current generation (created on first use, e.g. after the cache was emptied)."""
    key = keys.generation_key()
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex)
        value = cache.get(key)
    return value


def new_generation() -> str:
    """Invalidate every entry and pointer at once (e.g. an authority was renamed)."""
    value = uuid.uuid4().hex
    cache.set(keys.generation_key(), value)
    return value


def get_entry(root_url: str, path: str, query: str, *, page_id: int, revision_id: int, generation: str):
    entry = cache.get(keys.entry_key(root_url, path, query))
    if isinstance(entry, Entry) and entry.belongs_to(page_id, revision_id, generation):
        return entry
    return None


def put_entries(root_url: str, entries: dict[tuple[str, str], Entry]) -> None:
    """Store entries by (path, query)."""
    cache.set_many({keys.entry_key(root_url, path, query): entry for (path, query), entry in entries.items()})


def set_pointers(pointers: dict[str, tuple[int, int]]) -> None:
    cache.set_many(pointers)


def add_pointer(root_url: str, path: str, page_id: int, revision_id: int) -> None:
    """From the miss path: only where no pointer (or tombstone) exists, so a request that
    read an older state never overwrites a newer publish or an unpublish."""
    cache.add(keys.pointer_key(root_url, path), (page_id, revision_id))


def remove_pointers(pointer_keys) -> None:
    if pointer_keys:
        cache.set_many(dict.fromkeys(pointer_keys, GONE), timeout=GONE_TIMEOUT)


def respond(entry: Entry, request) -> HttpResponse:
    """The stored response, or a 304 when the client's copy is current."""
    response = HttpResponse(entry.body)
    for name, value in entry.headers:
        response[name] = value
    conditional = get_conditional_response(
        request, etag=response.get("ETag"), last_modified=entry.last_modified, response=response
    )
    return conditional
