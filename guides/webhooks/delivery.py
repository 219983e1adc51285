"""Sending one event to one subscriber: sign, POST, log the attempt, schedule a retry.

Retries back off exponentially (``WEBHOOKS_RETRY_BASE_DELAY`` × 2^(n-1), capped at
``WEBHOOKS_RETRY_MAX_DELAY``) up to ``WEBHOOKS_MAX_ATTEMPTS`` attempts. django-tasks 0.12
has no retries of its own, so each retry is a new task enqueued with ``run_after`` on a
backend that can defer (``django_tasks_db`` in production). The immediate backend of
development and tests cannot defer: there the retry runs at once.
"""

from __future__ import annotations

import datetime
import logging
import time
import urllib.error
import urllib.request

from django.utils import timezone

from guides.webhooks import conf, signing
from guides.webhooks.models import WebhookDelivery, WebhookEvent, WebhookSubscription

logger = logging.getLogger(__name__)
USER_AGENT = "Vejviser-Webhooks/1"
MAX_ERROR_LENGTH = 1000


def retry_delay(failed_attempt: int) -> float:
    """Seconds to wait after attempt ``failed_attempt`` (1-based) failed."""
    return min(conf.retry_base_delay() * 2 ** (failed_attempt - 1), conf.retry_max_delay())


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A subscriber answers itself; a redirect is a failure, never followed with the body."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects())


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    """POST and return the HTTP status; raises OSError for network failures."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 (http(s) only, validated)
    try:
        with _opener.open(request, timeout=timeout) as response:
            response.read(1024)
            return response.status
    except urllib.error.HTTPError as error:
        error.close()
        return error.code


def deliver(event_id: str, subscription_id: int, attempt: int) -> str:
    """One attempt; returns ``delivered``, ``retry scheduled``, ``gave up`` or ``skipped``."""
    event = WebhookEvent.objects.filter(pk=event_id).first()
    subscription = WebhookSubscription.objects.filter(pk=subscription_id, active=True).first()
    if event is None or subscription is None:
        return "skipped"

    body = event.body.encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        signing.EVENT_HEADER: event.type,
        signing.EVENT_ID_HEADER: str(event.pk),
        signing.ATTEMPT_HEADER: str(attempt),
        **signing.signed_headers(subscription.secret, body),
    }
    started = time.monotonic()
    attempted_at = timezone.now()
    status_code, error = None, ""
    try:
        status_code = post(subscription.url, body, headers, conf.timeout())
        if not 200 <= status_code < 300:
            error = f"HTTP {status_code}"
    except Exception as exc:  # network errors, timeouts, TLS problems: all worth a retry
        error = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_LENGTH]
    duration_ms = int((time.monotonic() - started) * 1000)
    succeeded = not error

    retry_at = None
    if not succeeded and attempt < conf.max_attempts():
        retry_at = attempted_at + datetime.timedelta(seconds=retry_delay(attempt))
    WebhookDelivery.objects.create(
        event=event,
        subscription=subscription,
        attempt=attempt,
        succeeded=succeeded,
        status_code=status_code,
        error=error,
        duration_ms=duration_ms,
        attempted_at=attempted_at,
        next_attempt_at=retry_at,
    )
    if succeeded:
        return "delivered"
    if retry_at is None:
        logger.warning("Webhook %s to %s failed %s times; giving up", event.pk, subscription, attempt)
        return "gave up"
    schedule_retry(event_id, subscription_id, attempt + 1, retry_at)
    return "retry scheduled"


def schedule_retry(event_id: str, subscription_id: int, attempt: int, run_after: datetime.datetime) -> None:
    from guides.webhooks.tasks import deliver_webhook

    task = deliver_webhook
    if task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    task.enqueue(str(event_id), subscription_id, attempt)
