"""Wagtail's publish signals for guides → webhook events."""

from wagtail.signals import page_published, page_unpublished

from guides.models import GuidePage


def on_published(sender, instance, revision=None, **kwargs):
    from guides.webhooks.events import WebhookEvent, announce

    announce(WebhookEvent.PUBLISHED, instance, revision or instance.live_revision)


def on_unpublished(sender, instance, **kwargs):
    from guides.webhooks.events import WebhookEvent, announce

    announce(WebhookEvent.UNPUBLISHED, instance)


def connect():
    page_published.connect(on_published, sender=GuidePage, dispatch_uid="webhooks.guide_published")
    page_unpublished.connect(on_unpublished, sender=GuidePage, dispatch_uid="webhooks.guide_unpublished")
