"""Webhook settings, with their defaults (see docs/api.md)."""

from django.conf import settings


def max_attempts() -> int:
    """Attempts per event and subscriber, the first one included."""
    return int(getattr(settings, "WEBHOOKS_MAX_ATTEMPTS", 6))


def retry_base_delay() -> float:
    """Seconds before the first retry; each later retry waits twice as long."""
    return float(getattr(settings, "WEBHOOKS_RETRY_BASE_DELAY", 30))


def retry_max_delay() -> float:
    return float(getattr(settings, "WEBHOOKS_RETRY_MAX_DELAY", 3600))


def timeout() -> float:
    """Seconds to wait for a subscriber to answer."""
    return float(getattr(settings, "WEBHOOKS_TIMEOUT", 10))


def require_https() -> bool:
    return bool(getattr(settings, "WEBHOOKS_REQUIRE_HTTPS", False))
