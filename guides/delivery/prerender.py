"""What changes to a guide do to the delivery cache.

``forget_guide`` (at once, inside the changing transaction) turns the guide's live pointers
into tombstones, so the warm path stops serving it and no request still holding the old
state can point it back. ``refresh_guide`` (after the commit) reads the guide again: a live,
public guide gets every variant rendered and its pointers set; anything else keeps only
tombstones. ``prerender_guide`` and ``warm_all`` are the entry points for scripts and the
benchmark. See docs/architecture.md, "Caching and delivery".
"""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.db import transaction

from guides.delivery import keys, memo, store, variants
from guides.delivery.render import render_variant

logger = logging.getLogger(__name__)


def pointer_keys_of(page) -> set[str]:
    """The pointer keys of the guide's addresses as it is now, for every root URL."""
    paths = variants.guide_paths(page)
    return {keys.pointer_key(root, path) for root in variants.root_urls(page) for path in paths.values()}


def prerender_guide(page, *, root_urls=None, generation: str | None = None) -> list[str]:
    """Render every variant of the live, public ``page`` for each root URL, store them, then
    point the guide's addresses at them. Returns the pointer keys set."""
    generation = generation or store.generation()
    guide_variants = variants.variants_of(page)
    pointers = {}
    for root in root_urls or variants.root_urls(page):
        entries = {}
        for variant in guide_variants:
            entry = render_variant(page, variant, root, generation)
            if entry is not None:
                entries[(variant.path, variant.query)] = entry
        store.put_entries(root, entries)
        for path in {variant.path for variant in guide_variants}:
            pointers[keys.pointer_key(root, path)] = (page.pk, page.live_revision_id)
    # Entries first, pointers last: a pointer never names a revision without its entries.
    store.set_pointers(pointers)
    return list(pointers)


def forget_guide(page) -> None:
    """Stop serving the guide from the warm path now (its known and current addresses)."""
    memo.clear()
    stale = set(cache.get(keys.paths_key(page.pk)) or []) | pointer_keys_of(page)
    store.remove_pointers(stale)


def refresh_guide(page_id: int) -> None:
    """Bring the cache in line with the guide's state in the database."""
    from guides.models import GuidePage

    live = GuidePage.objects.live().public().filter(pk=page_id).first()
    page = live or GuidePage.objects.filter(pk=page_id).first()
    stale = set(cache.get(keys.paths_key(page_id)) or [])
    if page is not None:
        stale |= pointer_keys_of(page)
    current = prerender_guide(live) if live is not None else []
    memo.clear()
    store.remove_pointers(stale - set(current))
    cache.set(keys.paths_key(page_id), current)


def warm_all() -> int:
    """Pre-render every live, public guide (after a deploy or an emptied cache); returns
    how many."""
    from guides.models import GuidePage

    page_ids = list(GuidePage.objects.live().public().order_by("path").values_list("pk", flat=True))
    for page_id in page_ids:
        refresh_guide(page_id)
    return len(page_ids)


def safely(action, *args, what: str) -> None:
    """Run a cache action without ever raising: a publish must not fail because of the
    cache (a raising ``page_published`` receiver would roll the publish back)."""
    try:
        action(*args)
    except Exception:
        logger.exception("Delivery cache: %s failed", what)


def guide_changed(page) -> None:
    """A guide was published, unpublished, moved or deleted: forget now, refresh after commit."""
    safely(forget_guide, page, what=f"forgetting guide {page.pk}")
    page_id = page.pk
    transaction.on_commit(lambda: safely(refresh_guide, page_id, what=f"refreshing guide {page_id}"))


def everything_changed() -> None:
    """Something every guide shows changed (an authority): a new generation now and after
    the commit (so nothing rendered from the old state in between survives), then
    pre-render the guides in the background."""
    memo.clear()
    safely(store.new_generation, what="new generation")

    def after_commit():
        safely(store.new_generation, what="new generation")
        from guides.delivery.tasks import warm_delivery

        safely(warm_delivery.enqueue, what="enqueueing the warm-up")

    transaction.on_commit(after_commit)
