"""Subscribers, the events they are sent and every delivery attempt."""

from __future__ import annotations

import secrets
import uuid
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.webhooks import conf


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def validate_webhook_url(url: str) -> None:
    """http(s) only; https only where ``WEBHOOKS_REQUIRE_HTTPS`` (production)."""
    parts = urlsplit(url or "")
    allowed = ("https",) if conf.require_https() else ("http", "https")
    if parts.scheme not in allowed or not parts.hostname:
        raise ValidationError(
            _("The address must start with %(schemes)s and name a host."),
            code="invalid_scheme",
            params={"schemes": " | ".join(f"{scheme}://" for scheme in allowed)},
        )
    if parts.username or parts.password:
        raise ValidationError(_("Do not put a user name or password in the address."), code="credentials")


class WebhookSubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class WebhookSubscription(models.Model):
    """A receiver of publish events, e.g. the borger.dk front end's cache purger."""

    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(
        _("address"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_("Events are sent here as JSON with POST."),
    )
    secret = models.CharField(
        _("secret"),
        max_length=200,
        default=new_secret,
        help_text=_("Signs every event (HMAC-SHA256). The receiver needs it too: share it safely."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = WebhookSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook subscriber")
        verbose_name_plural = _("webhook subscribers")

    def __str__(self):
        return self.name


class WebhookEvent(models.Model):
    """One publish or unpublish of a public guide, as sent to every active subscriber.

    ``body`` is the exact JSON that is signed and sent, so every retry sends the same
    bytes. It holds ids only, never content. The page is a plain id, not a foreign key:
    an event outlives a deleted page.
    """

    PUBLISHED = "guide.published"
    UNPUBLISHED = "guide.unpublished"
    TYPE_CHOICES = [(PUBLISHED, _("published")), (UNPUBLISHED, _("unpublished"))]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    type = models.CharField(_("type"), max_length=40, choices=TYPE_CHOICES)
    page_id = models.PositiveBigIntegerField(_("page id"), db_index=True)
    slug = models.SlugField(_("slug"), max_length=255)
    live_revision_id = models.PositiveBigIntegerField(_("live revision"), null=True, blank=True)
    previous_revision_id = models.PositiveBigIntegerField(_("previous revision"), null=True, blank=True)
    body = models.TextField(_("body (JSON)"))
    occurred_at = models.DateTimeField(_("time"), db_index=True)

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name = _("webhook event")
        verbose_name_plural = _("webhook events")

    def __str__(self):
        return f"{self.type} {self.slug} ({self.occurred_at:%Y-%m-%d %H:%M:%S})"


class WebhookDeliveryQuerySet(models.QuerySet):
    def failed(self):
        return self.filter(succeeded=False)

    def succeeded(self):
        return self.filter(succeeded=True)


class WebhookDelivery(models.Model):
    """One attempt to deliver one event to one subscriber (append-only)."""

    event = models.ForeignKey(WebhookEvent, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("subscriber")
    )
    attempt = models.PositiveSmallIntegerField(_("attempt"))
    succeeded = models.BooleanField(_("succeeded"))
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    attempted_at = models.DateTimeField(_("time"), db_index=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    objects = WebhookDeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-attempted_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        outcome = self.status_code or self.error[:40] or "-"
        return f"{self.event.type} → {self.subscription} #{self.attempt}: {outcome}"
