from __future__ import annotations

import datetime

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guides.editorial import linkcheck


class LinkCheckQuerySet(models.QuerySet):
    def failed(self):
        """Links a citizen would find broken (error status, time-out, no connection)."""
        return self.filter(result__in=linkcheck.FAILED)

    def checked_since(self, moment: datetime.datetime):
        return self.filter(checked_at__gte=moment)

    def for_urls(self, urls) -> dict[str, LinkCheck]:
        return {check.url: check for check in self.filter(url__in=set(urls))}


class LinkCheck(models.Model):
    """The latest check of one external address (shared by every guide that links to it)."""

    class Result(models.TextChoices):
        OK = linkcheck.OK, _("Works")
        REDIRECT = linkcheck.REDIRECT, _("Redirects")
        BROKEN = linkcheck.BROKEN, _("Broken")
        TIMEOUT = linkcheck.TIMEOUT, _("Timed out")
        ERROR = linkcheck.ERROR, _("No connection")
        BLOCKED = linkcheck.BLOCKED, _("Not checked (internal address)")

    url = models.URLField(_("address"), max_length=2000, unique=True)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.URLField(_("redirects to"), max_length=2000, blank=True)
    final_status_code = models.PositiveSmallIntegerField(_("final HTTP status"), null=True, blank=True)
    redirects = models.JSONField(_("redirects"), default=list, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    checked_at = models.DateTimeField(_("last checked"))

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        ordering = ["url"]
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self):
        return f"{self.url}: {self.get_result_display()}"

    @property
    def failed(self) -> bool:
        return self.result in linkcheck.FAILED

    @property
    def redirected(self) -> bool:
        return bool(self.redirects)

    @property
    def status_text(self) -> str:
        """Status as editors read it, e.g. ``301 → 200`` or ``404``."""
        if self.status_code is None:
            return ""
        if self.final_status_code and self.final_status_code != self.status_code:
            return f"{self.status_code} → {self.final_status_code}"
        return str(self.status_code)

    @classmethod
    def record(cls, results: dict[str, linkcheck.LinkResult]) -> list[LinkCheck]:
        """Store check results, replacing the previous result of each address."""
        now = timezone.now()
        stored = []
        with transaction.atomic():
            for url, result in results.items():
                check, _ = cls.objects.update_or_create(
                    url=url,
                    defaults={
                        "result": result.result,
                        "status_code": result.status_code,
                        "final_url": result.final_url if result.redirects else "",
                        "final_status_code": result.final_status_code,
                        "redirects": [
                            {"url": hop.url, "status": hop.status, "location": hop.location}
                            for hop in result.redirects
                        ],
                        "error": result.error[:300],
                        "duration_ms": result.duration_ms,
                        "checked_at": now,
                    },
                )
                stored.append(check)
        return stored
