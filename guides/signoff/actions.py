"""The sign-off state changes, one function each.

Each checks permission, changes state, logs and notifies in a single transaction, and
every entry point (admin views, commands, the demo loader, tests) calls these.
Refused attempts are logged *outside* the transaction, so the refusal is kept while
nothing else changes.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import LogContext
from wagtail.models import Revision, TaskState

from guides.document import FRAME_ID, GuideDocument
from guides.signoff import audit, notifications
from guides.signoff.clearance import SIGNED, clearances, not_publishable
from guides.signoff.models import SectionSignOffTaskState, SignOffEvent, SignOffRequest
from guides.signoff.units import Unit, units_of

logger = logging.getLogger(__name__)

APPROVE = "approve"
REQUEST_CHANGES = "request_changes"
MIN_EMERGENCY_REASON = 20


class SignOffError(Exception):
    """A refused sign-off action, with a message for the person who tried."""

    status = 400

    def __init__(self, message):
        self.message = message
        super().__init__(message)


class NotAReviewer(SignOffError, PermissionDenied):
    status = 403


class FourEyesViolation(SignOffError, PermissionDenied):
    status = 403


class StaleDecision(SignOffError):
    status = 409


class CommentRequired(SignOffError, ValidationError):
    status = 400


# -- opening a round ----------------------------------------------------------------------


def _authorities_by_code(codes):
    from guides.models import Authority

    return {authority.code: authority for authority in Authority.objects.filter(code__in=codes)}


def open_round(task_state: SectionSignOffTaskState, user=None):
    """Ask each authority at once for the units of the submitted revision it has not
    signed off in exactly this form. Units already signed off are carried over."""
    revision = task_state.revision
    page = revision.as_object()
    units = units_of(GuideDocument.from_page(page))
    states = clearances(page.pk, units)
    to_ask = [state.unit for state in states if state.status != SIGNED]
    carried = [state.unit for state in states if state.status == SIGNED]
    authorities = _authorities_by_code({unit.authority_code for unit in units})
    unknown = sorted({unit.authority_code for unit in to_ask} - set(authorities))
    if unknown:
        raise SignOffError(
            f"Ingen myndighed med koden {', '.join(unknown)}: opret den, før guiden sendes til godkendelse."
        )

    SignOffRequest.objects.bulk_create(
        SignOffRequest(
            task_state=task_state,
            page_id=page.pk,
            revision=revision,
            section_id=unit.id,
            heading=unit.label[:255],
            authority=authorities[unit.authority_code],
            fingerprint=unit.fingerprint,
        )
        for unit in to_ask
    )
    earlier_rounds = (
        TaskState.objects.filter(workflow_state_id=task_state.workflow_state_id)
        .exclude(pk=task_state.pk)
        .exists()
    )
    action = SignOffEvent.RESUBMITTED if earlier_rounds else SignOffEvent.SUBMITTED
    if to_ask:
        audit.record(
            action,
            page,
            units=to_ask,
            user=user,
            revision=revision,
            task_state=task_state,
            authorities=authorities,
        )
    if carried:
        audit.record(
            SignOffEvent.CARRIED_OVER,
            page,
            units=carried,
            user=user,
            revision=revision,
            task_state=task_state,
            authorities=authorities,
            history=False,
        )
    if to_ask:
        notifications.round_opened(task_state, page, to_ask, authorities)
    else:
        # Nothing new to sign off: the task is done at once (Wagtail moves the workflow on).
        task_state.status = TaskState.STATUS_APPROVED
        task_state.finished_at = timezone.now()
        task_state.comment = "Alle afsnit var allerede godkendt i denne form."
        task_state.save(update_fields=["status", "finished_at", "comment"])
    return to_ask


# -- deciding -----------------------------------------------------------------------------


def last_changed_by(page_id, revision: Revision, unit: Unit):
    """The user who last changed ``unit`` into its current form, as of ``revision``."""
    candidates = (
        Revision.page_revisions.filter(object_id=str(page_id), created_at__lte=revision.created_at)
        .order_by("-created_at", "-id")
        .iterator(chunk_size=10)
    )
    changer = revision.user_id
    for candidate in candidates:
        document = GuideDocument.from_page(candidate.as_object())
        fingerprint = document.frame_fingerprint if unit.id == FRAME_ID else _section_fp(document, unit.id)
        if fingerprint != unit.fingerprint:
            break
        changer = candidate.user_id
    return changer


def _section_fp(document, section_id):
    section = document.section(section_id)
    return section.fingerprint if section else None


def _unit_of(request: SignOffRequest) -> Unit:
    return Unit(request.section_id, request.heading, request.authority.code, request.fingerprint)


def decide(request_id, user, decision, comment="", seen_fingerprint=None) -> SignOffRequest:
    """Approve or request changes to one section of an open round.

    Idempotent for a repeated identical decision by the same user (a double click); a
    decision on a round or request that is no longer open, or on another version than
    the one the reviewer saw, is refused with ``StaleDecision`` and changes nothing.
    """
    if decision not in (APPROVE, REQUEST_CHANGES):
        raise SignOffError(f"Ukendt beslutning »{decision}«.")
    comment = (comment or "").strip()

    refusal = None
    with transaction.atomic():
        request = SignOffRequest.objects.select_related("task_state").get(pk=request_id)
        # Lock the round first, then the request: every decision in a round serializes
        # here, so exactly one of two simultaneous decisions completes the task.
        task_state = SectionSignOffTaskState.objects.select_for_update().get(pk=request.task_state_id)
        request = (
            SignOffRequest.objects.select_for_update()
            .select_related("authority", "revision", "page")
            .get(pk=request_id)
        )
        unit = _unit_of(request)
        if not request.authority.has_member(user):
            refusal = NotAReviewer(
                f"Du er ikke godkender for {request.authority.name} og kan ikke godkende »{request.heading}«."
            )
        elif decision == REQUEST_CHANGES and not comment:
            # Only the owner's reviewers learn what the form is missing.
            raise CommentRequired("Skriv en kommentar, så redaktøren ved, hvad der skal ændres.")
        elif request.status != SignOffRequest.PENDING:
            expected = SignOffRequest.APPROVED if decision == APPROVE else SignOffRequest.CHANGES_REQUESTED
            if request.status == expected and request.decided_by_id == user.pk:
                return request  # the same decision again: nothing to do
            who = (
                request.decided_by.get_full_name() or request.decided_by.username
                if request.decided_by
                else ""
            )
            raise StaleDecision(
                f"»{request.heading}« er allerede behandlet"
                + (f" af {who}" if who else "")
                + f" ({request.get_status_display()}). Intet er ændret."
            )
        elif task_state.status != TaskState.STATUS_IN_PROGRESS:
            raise StaleDecision(f"Godkendelsesrunden for »{request.heading}« er afsluttet. Intet er ændret.")
        elif seen_fingerprint and seen_fingerprint != request.fingerprint:
            raise StaleDecision("Du så en anden version af afsnittet end den, der venter. Indlæs siden igen.")
        elif last_changed_by(request.page_id, request.revision, unit) == user.pk:
            refusal = FourEyesViolation(
                f"Du har selv senest ændret »{request.heading}«. En anden godkender fra "
                f"{request.authority.name} skal godkende det (fire øjne)."
            )
        else:
            _apply_decision(task_state, request, unit, user, decision, comment)
            return request

    audit.record(
        SignOffEvent.ATTEMPT_REFUSED,
        request.page,
        units=[unit],
        user=user,
        revision=request.revision,
        task_state=task_state,
        comment=refusal.message,
        data={"decision": decision, "reason": type(refusal).__name__},
    )
    raise refusal


def _apply_decision(task_state, request, unit, user, decision, comment):
    now = timezone.now()
    request.status = SignOffRequest.APPROVED if decision == APPROVE else SignOffRequest.CHANGES_REQUESTED
    request.decided_by = user
    request.decided_at = now
    request.comment = comment
    request.save(update_fields=["status", "decided_by", "decided_at", "comment"])
    page = request.page.specific
    action = SignOffEvent.APPROVED if decision == APPROVE else SignOffEvent.CHANGES_REQUESTED
    audit.record(
        action,
        page,
        units=[unit],
        user=user,
        revision=request.revision,
        task_state=task_state,
        comment=comment,
        authorities={request.authority.code: request.authority},
    )
    with LogContext(user=user):
        if decision == REQUEST_CHANGES:
            others = task_state.requests.pending()
            closed = list(others.values_list("heading", flat=True))
            others.update(status=SignOffRequest.CLOSED)
            task_state.reject(user=user, comment=_summary(task_state))
            notifications.changes_requested(task_state, page, closed)
        elif not task_state.requests.pending().exists():
            task_state.approve(user=user, comment="Alle afsnit er godkendt.")
            notifications.round_completed(task_state, page)


def _summary(task_state) -> str:
    lines = [
        f"{request.heading} ({request.authority.name}): {request.comment}"
        for request in task_state.requests.filter(status=SignOffRequest.CHANGES_REQUESTED).select_related(
            "authority"
        )
    ]
    return "\n".join(lines)


# -- emergency publish --------------------------------------------------------------------


def emergency_publish(page, user, reason: str):
    """Publish the latest revision without complete sign-off: permissioned, with a written
    reason, logged per unsigned section, and followed at once by a retrospective round."""
    if not user.has_perm("signoff.emergency_publish"):
        raise NotAReviewer("Du har ikke tilladelse til nødudgivelse.")
    reason = (reason or "").strip()
    if len(reason) < MIN_EMERGENCY_REASON:
        raise CommentRequired(f"Skriv en begrundelse på mindst {MIN_EMERGENCY_REASON} tegn.")
    page = type(page).objects.get(pk=page.pk)  # the caller's copy may predate the latest edit
    revision = page.get_latest_revision()
    content = revision.as_object()
    with transaction.atomic(), LogContext(user=user):
        missing = not_publishable(page.pk, units_of(GuideDocument.from_page(content)))
        if missing:
            audit.record(
                SignOffEvent.EMERGENCY_PUBLISHED,
                page,
                units=missing,
                user=user,
                revision=revision,
                comment=reason,
            )
        revision.publish(user=user)
        workflow = page.get_workflow()
        if workflow is not None and missing:
            page.refresh_from_db()
            workflow.start(page, user)
        notifications.emergency_published(page, user, reason, missing)
    return missing
