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
            _("Adressen skal begynde med %(schemes)s og have et værtsnavn."),
            code="invalid_scheme",
            params={"schemes": " eller ".join(f"{scheme}://" for scheme in allowed)},
        )
    if parts.username or parts.password:
        raise ValidationError(_("Skriv ikke brugernavn eller adgangskode i adressen."), code="credentials")


class WebhookSubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class WebhookSubscription(models.Model):
    """A receiver of publish events, e.g. the borger.dk front end's cache purger."""

    name = models.CharField(_("navn"), max_length=120)
    url = models.URLField(
        _("adresse"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_("Hændelser sendes hertil med POST som JSON."),
    )
    secret = models.CharField(
        _("hemmelighed"),
        max_length=200,
        default=new_secret,
        help_text=_(
            "Bruges til at signere hver hændelse (HMAC-SHA256). Modtageren skal kende den; del den sikkert."
        ),
    )
    active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    objects = WebhookSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook-abonnent")
        verbose_name_plural = _("webhook-abonnenter")

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
    TYPE_CHOICES = [(PUBLISHED, _("udgivet")), (UNPUBLISHED, _("afpubliceret"))]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    type = models.CharField(_("type"), max_length=40, choices=TYPE_CHOICES)
    page_id = models.PositiveBigIntegerField(_("side-id"), db_index=True)
    slug = models.SlugField(_("slug"), max_length=255)
    live_revision_id = models.PositiveBigIntegerField(_("udgivet version"), null=True, blank=True)
    previous_revision_id = models.PositiveBigIntegerField(_("forrige version"), null=True, blank=True)
    body = models.TextField(_("indhold (JSON)"))
    occurred_at = models.DateTimeField(_("tidspunkt"), db_index=True)

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name = _("webhook-hændelse")
        verbose_name_plural = _("webhook-hændelser")

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
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("abonnent")
    )
    attempt = models.PositiveSmallIntegerField(_("forsøg"))
    succeeded = models.BooleanField(_("lykkedes"))
    status_code = models.PositiveSmallIntegerField(_("HTTP-status"), null=True, blank=True)
    error = models.TextField(_("fejl"), blank=True)
    duration_ms = models.PositiveIntegerField(_("varighed (ms)"))
    attempted_at = models.DateTimeField(_("tidspunkt"), db_index=True)
    next_attempt_at = models.DateTimeField(_("næste forsøg"), null=True, blank=True)

    objects = WebhookDeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-attempted_at", "-pk"]
        verbose_name = _("webhook-levering")
        verbose_name_plural = _("webhook-leveringer")

    def __str__(self):
        outcome = self.status_code or self.error[:40] or "-"
        return f"{self.event.type} → {self.subscription} #{self.attempt}: {outcome}"
