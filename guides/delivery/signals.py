"""Everything that changes what a guide's addresses show → the delivery cache, the CDN purge
and the static export. No receiver ever raises (a raising ``page_published`` receiver would
roll the publish back): failures are logged and the cache falls back to rendering."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from guides.delivery import prerender, purge
from guides.models import Authority, GuidePage

logger = logging.getLogger(__name__)


def export_after_commit() -> None:
    if not getattr(settings, "VEJVISER_STATIC_EXPORT_DIR", ""):
        return
    from guides.delivery.tasks import export_static_files

    transaction.on_commit(lambda: prerender.safely(export_static_files.enqueue, what="queueing the export"))


def on_publish_or_unpublish(sender, instance, **kwargs):
    prerender.guide_changed(instance)
    prerender.safely(purge.purge_guide_after_commit, instance, what="queueing the purge")
    prerender.safely(export_after_commit, what="queueing the export")


def guides_under(page):
    return GuidePage.objects.descendant_of(page, inclusive=True)


def on_guides_moved_or_restricted(page):
    try:
        guides = list(guides_under(page))
    except Exception:
        logger.exception("Delivery cache: could not list the guides under page %s", page.pk)
        return
    for guide in guides:
        prerender.guide_changed(guide)
    if guides:
        prerender.safely(export_after_commit, what="queueing the export")


def on_moved(sender, instance, **kwargs):
    on_guides_moved_or_restricted(instance)


def on_restriction_changed(sender, instance, **kwargs):
    on_guides_moved_or_restricted(instance.page)


def on_guide_deleted(sender, instance, **kwargs):
    prerender.guide_changed(instance)


def on_authority_changed(sender, instance, **kwargs):
    prerender.everything_changed()


def connect():
    page_published.connect(on_publish_or_unpublish, sender=GuidePage, dispatch_uid="delivery.published")
    page_unpublished.connect(on_publish_or_unpublish, sender=GuidePage, dispatch_uid="delivery.unpublished")
    post_page_move.connect(on_moved, dispatch_uid="delivery.moved")
    post_delete.connect(on_guide_deleted, sender=GuidePage, dispatch_uid="delivery.deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="delivery.restricted")
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="delivery.unrestricted"
    )
    post_save.connect(on_authority_changed, sender=Authority, dispatch_uid="delivery.authority_saved")
    post_delete.connect(on_authority_changed, sender=Authority, dispatch_uid="delivery.authority_deleted")
