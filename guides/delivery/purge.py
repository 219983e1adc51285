"""Frontend cache (CDN) purge on publish and unpublish (RELIABILITY 27).

Uses the backends of Wagtail's frontend cache app (``WAGTAILFRONTENDCACHE``, see
``wagtail.contrib.frontend_cache``), not its signal handlers: a guide has many more
addresses than Wagtail knows (every audience of the HTML and the print view, the API
unfiltered and per audience), and a failed purge must be retried with backoff and
alert, never fail the publish. Each failure is logged at ERROR on ``guides.delivery.purge``
(hook monitoring there); each retry is a new task with ``run_after`` (django-tasks has no
retries of its own), as for webhooks.
"""

from __future__ import annotations

import datetime
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from guides.delivery import variants

logger = logging.getLogger(__name__)


def configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def max_attempts() -> int:
    return int(getattr(settings, "VEJVISER_PURGE_MAX_ATTEMPTS", 6))


def retry_delay(failed_attempt: int) -> float:
    base = float(getattr(settings, "VEJVISER_PURGE_RETRY_BASE_DELAY", 30))
    return min(
        base * 2 ** (failed_attempt - 1), float(getattr(settings, "VEJVISER_PURGE_RETRY_MAX_DELAY", 3600))
    )


def guide_urls(page) -> list[str]:
    """Every public address of the guide: HTML, print view and API, plain and per audience,
    for each root URL it is served under."""
    addresses = [variant.address for variant in variants.variants_of(page)]
    paths = variants.guide_paths(page)
    if variants.PRINT in paths and paths[variants.PRINT] not in addresses:
        addresses.append(paths[variants.PRINT])
    return sorted({root + address for root in variants.root_urls(page) for address in addresses})


def purge_guide_after_commit(page) -> None:
    """Queue the purge of the guide's addresses once the change is committed. Never raises."""
    if not configured():
        return
    try:
        urls = guide_urls(page)
    except Exception:
        logger.exception("Frontend cache: could not list the addresses of guide %s", page.pk)
        return
    transaction.on_commit(lambda: enqueue(urls, None, 1), robust=True)


def enqueue(urls: list[str], backend_names: list[str] | None, attempt: int, run_after=None) -> None:
    from guides.delivery.tasks import purge_frontend_cache

    task = purge_frontend_cache
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    try:
        task.enqueue(urls, backend_names, attempt)
    except Exception:
        logger.exception("Frontend cache: could not queue the purge of %d addresses", len(urls))


def purge(urls: list[str], backend_names: list[str] | None = None, attempt: int = 1) -> str:
    """One attempt at every (or the named) backend; failed backends are retried later."""
    from wagtail.contrib.frontend_cache.utils import get_backends

    failed = []
    for name, backend in get_backends(backends=backend_names).items():
        mine = [url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname)]
        if not mine:
            continue
        try:
            backend.purge_batch(mine)
        except Exception as error:
            failed.append(name)
            logger.error(
                "Frontend cache purge failed (backend %s, attempt %d of %d, %d addresses): %s",
                name,
                attempt,
                max_attempts(),
                len(mine),
                error,
            )
    if not failed:
        return "purged"
    if attempt >= max_attempts():
        logger.error(
            "Frontend cache purge gave up after %d attempts (backends %s)", attempt, ", ".join(failed)
        )
        return "gave up"
    run_after = timezone.now() + datetime.timedelta(seconds=retry_delay(attempt))
    enqueue(urls, failed, attempt + 1, run_after=run_after)
    return "retry scheduled"
