"""The miss path: serve a variant from the cache, or render it once and store it.

Called by the HTML routes (``views.serve_guide_page``) and the API (``get_guide``) with the
live page Wagtail or the API has just read, so the stamps are checked against the
database's state. The warm path (``middleware``) replays the same entries without it.
"""

from __future__ import annotations

import logging

from guides.delivery import store, variants
from guides.delivery.render import render_variant

logger = logging.getLogger(__name__)


def root_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def deliver(request, page, variant: variants.Variant):
    """The response for ``variant`` of the live ``page``; None if it cannot be cached (the
    caller then renders normally)."""
    root = root_url(request)
    try:
        # The generation is read before the content, so content read after a change is
        # never stamped with the generation from before it.
        generation = store.generation()
        entry = store.get_entry(
            root,
            variant.path,
            variant.query,
            page_id=page.pk,
            revision_id=page.live_revision_id,
            generation=generation,
        )
    except Exception:
        logger.exception("Delivery cache unavailable; rendering without it")
        return None
    if entry is None:
        entry = render_variant(page, variant, root, generation)
        if entry is None:
            return None
        try:
            store.put_entries(root, {(variant.path, variant.query): entry})
            if root in variants.root_urls(page):
                store.add_pointer(root, variant.path, page.pk, page.live_revision_id)
        except Exception:
            logger.exception("Delivery cache unavailable; not storing %s", variant.address)
    return store.respond(entry, request)
