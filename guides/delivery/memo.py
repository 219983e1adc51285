"""A small, bounded in-process memo in front of the shared cache, for the warm path.

A warm request otherwise pays for a Redis round trip and unpickling a response on every
request; most requests repeat a handful of addresses, so each app process keeps the last
few hundred entries it served for ``VEJVISER_DELIVERY_MEMO_SECONDS`` (0.5 s by default,
0 turns it off). A change in this process (publish, unpublish, move, restriction, authority)
empties its memo at once; other processes see the change in Redis when their memo entry
expires, so no process serves a replaced revision for longer than that.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from django.conf import settings

MAX_ENTRIES = 256

_items: OrderedDict = OrderedDict()
_lock = threading.Lock()


def lifetime() -> float:
    return float(getattr(settings, "VEJVISER_DELIVERY_MEMO_SECONDS", 0) or 0)


def get(key):
    """The memoized entry for ``key`` if it is still fresh, else None."""
    item = _items.get(key)
    if item is None:
        return None
    expires, entry = item
    if expires <= time.monotonic():
        return None
    return entry


def put(key, entry) -> None:
    seconds = lifetime()
    if seconds <= 0:
        return
    with _lock:
        _items[key] = (time.monotonic() + seconds, entry)
        _items.move_to_end(key)
        while len(_items) > MAX_ENTRIES:
            _items.popitem(last=False)


def clear() -> None:
    with _lock:
        _items.clear()
