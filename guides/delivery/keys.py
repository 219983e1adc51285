"""Cache keys of the delivery layer.

Keys name an *address* (root URL, path, canonical query) under the format version; the
values are stamped with the page id, its live revision id and the generation, and are only
served when those stamps equal the live pointer's (fast path) or the page just read from the
database (miss path). So an entry can never outlive its revision, and old revisions' entries
are overwritten instead of piling up.
"""

from __future__ import annotations

from django.conf import settings

# Bump when the shape of a stored entry or the rendering changes; deployments may add a
# release id (VEJVISER_DELIVERY_VERSION) so a deploy with new templates never serves old bytes.
FORMAT_VERSION = "1"


def version() -> str:
    release = getattr(settings, "VEJVISER_DELIVERY_VERSION", "")
    return f"{FORMAT_VERSION}.{release}" if release else FORMAT_VERSION


def generation_key() -> str:
    """An opaque token, replaced whenever something outside a guide's revision changes what
    every guide looks like (an authority's name); part of every stamp and API ETag."""
    return f"delivery:{version()}:generation"


def pointer_key(root_url: str, path: str) -> str:
    """The live pointer of an address: ``(page id, live revision id)`` or ``GONE``."""
    return f"delivery:{version()}:pointer:{root_url}{path}"


def entry_key(root_url: str, path: str, query: str) -> str:
    """One variant's stored response: ``Entry``."""
    return f"delivery:{version()}:entry:{root_url}{path}?{query}"


def paths_key(page_id: int) -> str:
    """The addresses the last refresh gave a guide pointers for (so a move can drop them)."""
    return f"delivery:{version()}:paths:{page_id}"
