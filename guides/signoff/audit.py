"""Writing the sign-off log.

Every transition is one ``SignOffEvent`` row per unit (append-only), one entry in
Wagtail's page history, and one JSON line on the ``vejviser.audit`` logger so that
production can ship the trail to a separate sink.
"""

from __future__ import annotations

import json
import logging

from wagtail.log_actions import get_active_log_context
from wagtail.log_actions import log as wagtail_log

from guides.signoff.models import SignOffEvent

logger = logging.getLogger("vejviser.audit")

#: Our actions in Wagtail's page history (registered in wagtail_hooks).
HISTORY_ACTIONS = {
    SignOffEvent.SUBMITTED: "vejviser.signoff.submit",
    SignOffEvent.RESUBMITTED: "vejviser.signoff.resubmit",
    SignOffEvent.APPROVED: "vejviser.signoff.approve",
    SignOffEvent.CHANGES_REQUESTED: "vejviser.signoff.request_changes",
    SignOffEvent.PUBLISH_REFUSED: "vejviser.signoff.publish_refused",
    SignOffEvent.EMERGENCY_PUBLISHED: "vejviser.signoff.emergency_publish",
    SignOffEvent.ATTEMPT_REFUSED: "vejviser.signoff.attempt_refused",
}


def record(
    action,
    page,
    *,
    units=(),
    user=None,
    revision=None,
    task_state=None,
    comment="",
    data=None,
    history=True,
):
    """Record one event per unit (or one page-level event when ``units`` is empty)."""
    user = user or get_active_log_context().user
    if user is not None and not user.is_authenticated:
        user = None
    common = {
        "page_id": page.pk,
        "page_title": page.title[:255],
        "revision": revision,
        "task_state_id": getattr(task_state, "pk", None),
        "action": action,
        "user": user,
        "username": getattr(user, "username", "") if user else "",
        "comment": comment,
        "data": data or {},
    }
    rows = [
        SignOffEvent(
            **common,
            section_id=unit.id,
            section_heading=unit.label[:255],
            fingerprint=unit.fingerprint,
            # The authority by primary key (what approvals match on) and its code at this
            # moment, kept as a snapshot for the log's readers.
            authority_id=unit.authority_id,
            authority_code=unit.authority_code,
        )
        for unit in units
    ] or [SignOffEvent(**common)]
    events = SignOffEvent.objects.bulk_create(rows)
    for event in rows:
        logger.info(
            json.dumps(
                {
                    "event": "signoff",
                    "action": action,
                    "page": page.pk,
                    "revision": getattr(revision, "pk", None),
                    "section": event.section_id,
                    "authority": event.authority_code,
                    "fingerprint": event.fingerprint,
                    "user": event.username,
                    "comment": comment,
                    "time": event.created_at.isoformat(),
                },
                ensure_ascii=False,
            )
        )
    if history and action in HISTORY_ACTIONS:
        wagtail_log(
            instance=page,
            action=HISTORY_ACTIONS[action],
            user=user,
            revision=revision,
            data={
                "sections": [
                    {"id": unit.id, "heading": unit.label, "authority": unit.authority_code} for unit in units
                ],
                "comment": comment,
                **(data or {}),
            },
        )
    return events
