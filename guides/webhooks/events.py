"""Events for publish and unpublish of a guide: ids only, never content.

An event says which guide changed, its new live revision, and which sections changed
compared with the live revision the previous event announced (by section fingerprint,
the same hash sign-offs are bound to). Everything in it is an identifier, so no
draft text can leak through a webhook.

Only public guides are announced: a guide behind a view restriction (on itself or an
ancestor) is private, and so is the fact that it was published.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from guides.document import GuideDocument
from guides.models import GuidePage
from guides.serializers import API_VERSION
from guides.webhooks.models import WebhookEvent, WebhookSubscription

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fingerprints:
    """What an event compares of a revision: its sections' fingerprints (in order) and the
    guide frame's. A revision's content never changes, so these are kept by revision id."""

    sections: dict[str, str]
    frame: str

    @classmethod
    def of(cls, document: GuideDocument) -> Fingerprints:
        sections = {section.id: section.fingerprint for section in document.sections}
        return cls(sections, document.frame_fingerprint)


FINGERPRINTS_TIMEOUT = 60 * 60 * 24 * 30


def revision_fingerprints(revision, page=None) -> Fingerprints | None:
    """The fingerprints of ``revision``: from the cache, else from ``page`` when it is that
    revision's content (the page just published), else from the stored revision."""
    if revision is None:
        return None
    key = f"webhooks:fingerprints:{revision.pk}"
    try:
        cached = cache.get(key)
    except Exception:  # the cache is down: compute
        cached = None
    if isinstance(cached, Fingerprints):
        return cached
    if page is not None and getattr(page, "live_revision_id", None) == revision.pk:
        document = page.document
    else:
        document = GuideDocument.from_page(revision.as_object())
    fingerprints = Fingerprints.of(document)
    try:
        cache.set(key, fingerprints, FINGERPRINTS_TIMEOUT)
    except Exception:
        logger.warning("Webhooks: could not keep the fingerprints of revision %s", revision.pk)
    return fingerprints


def section_changes(new: Fingerprints | None, old: Fingerprints | None) -> tuple[list[str], list[str], bool]:
    """(changed section ids, removed section ids, frame changed) going from ``old`` to ``new``.

    Changed covers added, edited and removed sections: new ones in the new revision's
    order, then removed ones in the old revision's order. Without ``old`` (first
    publish) every section has changed; without ``new`` (unpublish) every old one did.
    """
    old_sections = old.sections if old else {}
    new_sections = new.sections if new else {}
    changed = [
        section_id for section_id, value in new_sections.items() if old_sections.get(section_id) != value
    ]
    removed = [section_id for section_id in old_sections if section_id not in new_sections]
    frame_changed = old is None or new is None or old.frame != new.frame
    return changed + removed, removed, frame_changed


def _previous_live_revision(page_id: int):
    """The live revision the last event announced (None after an unpublish or before any event)."""
    last = WebhookEvent.objects.filter(page_id=page_id).order_by("-occurred_at").first()
    if last is None or last.type != WebhookEvent.PUBLISHED or last.live_revision_id is None:
        return None
    from wagtail.models import Revision

    return Revision.objects.filter(pk=last.live_revision_id).first()


def _is_public(page) -> bool:
    return GuidePage.objects.filter(pk=page.pk).public().exists()


def build_event(event_type: str, page, revision) -> WebhookEvent:
    previous = _previous_live_revision(page.pk)
    new = revision_fingerprints(revision, page) if event_type == WebhookEvent.PUBLISHED else None
    changed, removed, frame_changed = section_changes(new, revision_fingerprints(previous))
    occurred_at = timezone.now()
    event = WebhookEvent(
        type=event_type,
        page_id=page.pk,
        slug=page.slug,
        live_revision_id=revision.pk if revision is not None else None,
        previous_revision_id=previous.pk if previous is not None else None,
        occurred_at=occurred_at,
    )
    event.body = json.dumps(
        {
            "id": str(event.id),
            "type": event_type,
            "occurred_at": occurred_at.isoformat().replace("+00:00", "Z"),
            "api_version": API_VERSION,
            "guide": {
                "id": page.pk,
                "slug": page.slug,
                "api_path": reverse("api-v1:guide", kwargs={"slug": page.slug}),
            },
            "live_revision_id": event.live_revision_id,
            "previous_revision_id": event.previous_revision_id,
            "changed_section_ids": changed,
            "removed_section_ids": removed,
            "frame_changed": frame_changed,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return event


def announce(event_type: str, page, revision=None) -> WebhookEvent | None:
    """Record the event and, once the transaction commits, deliver it to every active
    subscriber. Never lets a webhook problem fail the publish itself."""
    try:
        with transaction.atomic():  # a savepoint: a failure here leaves the publish intact
            if not _is_public(page):
                return None
            event = build_event(event_type, page, revision)
            event.save()
            subscription_ids = list(WebhookSubscription.objects.active().values_list("pk", flat=True))
    except Exception:
        logger.exception("Could not record the webhook event for page %s", page.pk)
        return None
    if subscription_ids:
        transaction.on_commit(lambda: _enqueue_all(event.pk, subscription_ids), robust=True)
    return event


def _enqueue_all(event_id, subscription_ids):
    from guides.webhooks.tasks import deliver_webhook

    for subscription_id in subscription_ids:
        try:
            deliver_webhook.enqueue(str(event_id), subscription_id, 1)
        except Exception:
            logger.exception("Could not enqueue webhook %s for subscriber %s", event_id, subscription_id)
