"""Link checks in the background (django-tasks) and the service both the task and the
``check_links`` command use.

Editors' saves enqueue ``check_guide_links`` after the request's transaction commits
(``enqueue_link_check``), so the worker sees the saved revision and a rolled-back save
checks nothing. Only addresses not checked for ``VEJVISER_LINKCHECK_RECHECK_AFTER_HOURS``
are checked on save; the ``check_links`` command (run from cron) checks everything.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from guides.document import GuideDocument
from guides.editorial import conf, linkcheck, links
from guides.editorial.models import LinkCheck
from guides.models import GuidePage


def guide_urls(page) -> list[str]:
    """Every external address in the guide's latest revision and its live version."""
    versions = [page.get_latest_revision_as_object()]
    if page.live:
        versions.append(page)
    urls: dict[str, None] = {}
    for version in versions:
        for link in links.document_links(GuideDocument.from_page(version).sections):
            urls[link.url] = None
    return list(urls)


def check_and_record(urls: Iterable[str], *, force: bool = False) -> dict[str, int]:
    """Check these addresses (all, or with ``force=False`` only those not checked lately)
    and store the results. Returns counts by result, plus ``skipped``."""
    urls = list(dict.fromkeys(urls))
    skipped = set()
    if not force:
        since = timezone.now() - datetime.timedelta(hours=conf.recheck_after_hours())
        skipped = set(
            LinkCheck.objects.filter(url__in=urls).checked_since(since).values_list("url", flat=True)
        )
    to_check = [url for url in urls if url not in skipped]
    results = linkcheck.check_urls(to_check, conf.link_check_settings())
    LinkCheck.record(results)
    counts = Counter(result.result for result in results.values())
    return {**{kind: counts.get(kind, 0) for kind in linkcheck.RESULTS}, "skipped": len(skipped)}


@task()
def check_guide_links(page_id: int, force: bool = False) -> dict[str, int]:
    page = GuidePage.objects.filter(pk=page_id).first()
    if page is None:  # deleted before the worker got to it
        return {"skipped": 0}
    return check_and_record(guide_urls(page), force=force)


def enqueue_link_check(page) -> None:
    """Check the guide's links once the current transaction has committed."""
    if not conf.link_checks_on_save() or not page.pk:
        return
    page_id = page.pk
    transaction.on_commit(lambda: check_guide_links.enqueue(page_id))
