"""The editor tools' settings, with their defaults (documented in docs/deploy.md)."""

from __future__ import annotations

from django.conf import settings

from guides.editorial import linkcheck, review


def link_check_settings() -> linkcheck.CheckSettings:
    return linkcheck.CheckSettings(
        timeout=float(getattr(settings, "VEJVISER_LINKCHECK_TIMEOUT", 10)),
        max_concurrency=int(getattr(settings, "VEJVISER_LINKCHECK_MAX_CONCURRENCY", 4)),
        max_redirects=int(getattr(settings, "VEJVISER_LINKCHECK_MAX_REDIRECTS", linkcheck.MAX_REDIRECTS)),
        allow_private_addresses=bool(getattr(settings, "VEJVISER_LINKCHECK_ALLOW_PRIVATE_ADDRESSES", False)),
    )


def link_checks_on_save() -> bool:
    """Check a guide's links in the background whenever an editor saves it."""
    return bool(getattr(settings, "VEJVISER_LINKCHECK_ON_SAVE", True))


def recheck_after_hours() -> float:
    """A link checked more recently than this is not checked again on save."""
    return float(getattr(settings, "VEJVISER_LINKCHECK_RECHECK_AFTER_HOURS", 24))


def review_renewal_days() -> int:
    return int(getattr(settings, "VEJVISER_REVIEW_RENEWAL_DAYS", review.DEFAULT_RENEWAL_DAYS))


def review_soon_days() -> int:
    return int(getattr(settings, "VEJVISER_REVIEW_SOON_DAYS", review.DEFAULT_SOON_DAYS))
