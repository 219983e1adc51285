"""Emptying the cache between tests without touching anyone else's keys.

With ``REDIS_URL`` (CI's PostgreSQL pass) every test run and every pytest-xdist worker has
its own key prefix (cms/settings/test.py); Django's ``cache.clear()`` would empty the whole
Redis database, other workers' entries included, so this deletes only our prefix's keys.
"""

from __future__ import annotations

import os

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache


def use_prefix_of_worker(worker: str) -> None:
    """Give this pytest-xdist worker its own key prefix.

    Django's settings are read before xdist names the worker (``PYTEST_XDIST_WORKER`` is
    not yet set when cms/settings/test.py runs), so the prefix is set here, in the worker's
    ``pytest_configure``, before any cache is used: in the settings, for the cache handler
    (rebuilt as Django's own ``override_settings(CACHES=...)`` does) and in the environment,
    for the server processes that tests start.
    """
    from asgiref.local import Local
    from django.conf import settings
    from django.core.cache import close_caches

    prefix = f"vejviser-test-{os.environ['VEJVISER_TEST_RUN']}-{worker}"
    os.environ["CACHE_KEY_PREFIX"] = prefix
    for config in settings.CACHES.values():
        config["KEY_PREFIX"] = prefix
    close_caches()
    caches._settings = caches.settings = caches.configure_settings(None)
    caches._connections = Local()


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
