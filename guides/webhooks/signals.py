"""Wagtail's publish signals for guides → webhook events."""

from wagtail.signals import page_published, page_unpublished

from guides.models import GuidePage


def on_published(sender, instance, revision=None, **kwargs):
    from guides.webhooks.events import WebhookEvent, announce

    revision = revision or instance.live_revision
    # Scheduling a publish sends page_published before the page is live: the event waits
    # until the scheduler really makes that revision live.
    if not instance.live or revision is None or instance.live_revision_id != revision.pk:
        return
    announce(WebhookEvent.PUBLISHED, instance, revision)


def on_unpublished(sender, instance, **kwargs):
    from guides.webhooks.events import WebhookEvent, announce

    announce(WebhookEvent.UNPUBLISHED, instance)


def connect():
    page_published.connect(on_published, sender=GuidePage, dispatch_uid="webhooks.guide_published")
    page_unpublished.connect(on_unpublished, sender=GuidePage, dispatch_uid="webhooks.guide_unpublished")
