"""Emptying the cache between tests without touching anyone else's keys.

With ``REDIS_URL`` (CI's PostgreSQL pass) every test run and every pytest-xdist worker has
its own key prefix (cms/settings/test.py); Django's ``cache.clear()`` would empty the whole
Redis database, other workers' entries included, so this deletes only our prefix's keys.
"""

from __future__ import annotations

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache


def clear() -> None:
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        backend.clear()
        return
    client = backend._cache.get_client(write=True)
    pattern = f"{backend.key_prefix}:*"
    batch = []
    for key in client.scan_iter(match=pattern, count=1000):
        batch.append(key)
        if len(batch) >= 1000:
            client.delete(*batch)
            batch.clear()
    if batch:
        client.delete(*batch)
