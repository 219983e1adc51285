"""The sign-off state changes, one action class each, Wagtail-style.

``Submit``, ``Decide``, ``PublishSigned`` and ``EmergencyPublish`` each have
``check(user)`` -- the reasons the action would be refused, raised (the first one) or
returned as a list with ``raise_error=False`` -- and ``execute()``, which checks again
under the row locks and then changes state, logs and notifies in a single transaction.
Every entry point (admin views, Wagtail's own publish paths, commands, the demo loader,
tests) goes through them, so the review screen can show a button exactly when the POST
behind it would succeed. Refused attempts are logged *outside* the transaction, so the
refusal is kept while nothing else changes.

The module-level functions (``decide``, ``emergency_publish``) are the short spellings.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import LogContext
from wagtail.models import Page, TaskState

from guides.document import GuideDocument
from guides.signoff import audit, authorship, emergency, notifications
from guides.signoff.clearance import SIGNED, clearances, not_publishable
from guides.signoff.models import EmergencyRelease, SectionSignOffTaskState, SignOffEvent, SignOffRequest
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


class UnsafeWorkflow(SignOffError, PermissionDenied):
    status = 403


class RetrospectiveRound(SignOffError, ValidationError):
    """A retrospective round after an emergency publish ends only with the owners' decisions.

    Not a ``PermissionDenied``: Wagtail's admin views turn those into their generic "no
    permission" message, and this one must say that (and why) the round stays open; as a
    ``SignOffError`` it reaches ``ConcurrentActionMiddleware``, which shows it."""

    status = 403

    def __init__(self, release: EmergencyRelease):
        self.release = release
        super().__init__(retrospective_message(release))


def retrospective_message(release: EmergencyRelease) -> str:
    page = Page.objects.filter(pk=release.page_id).values_list("title", flat=True).first() or ""
    from guides.models import Authority

    owners = Authority.objects.in_bulk({unit.get("authority_id") for unit in release.units} - {None})
    names = "; ".join(
        f"»{unit['label']}« ({getattr(owners.get(unit.get('authority_id')), 'name', unit['authority_code'])})"
        for unit in release.units
    )
    when = timezone.localtime(release.created_at).strftime("%d.%m.%Y %H:%M")
    return (
        f"»{page}« blev nødudgivet {when} uden godkendelse af: {names}. Den efterfølgende "
        "godkendelsesrunde er åben og kan ikke annulleres, genstartes eller springes over; den "
        "slutter, når myndighederne har taget stilling."
    )


class SignOffAction:
    """``check()`` lists the refusals, ``execute()`` performs the change."""

    def refusals(self) -> list[SignOffError]:
        raise NotImplementedError

    def check(self, user=None, *, raise_error=True):
        if user is not None:
            self.user = user
        reasons = self.refusals()
        if reasons and raise_error:
            raise reasons[0]
        return reasons

    def is_allowed(self, user=None) -> bool:
        return not self.check(user, raise_error=False)


# -- submitting ---------------------------------------------------------------------------


def workflow_problem(workflow) -> str | None:
    """Why ``workflow`` may not run guides, or None. The sign-off task must be its only
    active task: a task before it would be judged on another revision than the one the
    authorities sign, and Wagtail starts a task after it on the *latest* revision, so the
    signed revision would never be published."""
    from guides.signoff.models import SectionSignOffTask

    tasks = list(workflow.tasks.filter(active=True).specific())
    ours = [task for task in tasks if isinstance(task, SectionSignOffTask)]
    if ours and len(tasks) > 1:
        # Everything beside the first sign-off task: stock tasks, or a second sign-off task.
        others = ", ".join(f"»{task.name}«" for task in tasks if task is not ours[0])
        return (
            f"Arbejdsgangen »{workflow.name}« kan ikke bruges: myndighedernes godkendelse af afsnit skal "
            f"være den eneste opgave i arbejdsgangen, men den har også {others}. En opgave før eller "
            "efter godkendelsen ville arbejde på en anden version end den, myndighederne godkender. "
            "Lav en separat arbejdsgang til de andre opgaver."
        )
    return None


class Submit(SignOffAction):
    """Send a guide's latest revision to its workflow (the editor's Submit button)."""

    def __init__(self, page, user=None):
        self.page = page
        self.user = user

    def refusals(self):
        workflow = self.page.get_workflow()
        if workflow is None:
            return [SignOffError(f"Der er ingen godkendelsesarbejdsgang over »{self.page.title}«.")]
        problem = workflow_problem(workflow)
        if problem:
            return [UnsafeWorkflow(problem)]
        state = self.page.current_workflow_state
        if state is not None:
            release = emergency.open_release_for_workflow_state(state.pk)
            if release is not None:
                return [RetrospectiveRound(release)]
            return [StaleDecision(f"»{self.page.title}« er allerede sendt til godkendelse.")]
        return []

    def execute(self):
        self.check()
        return self.page.get_workflow().start(self.page, self.user)


def open_round(task_state: SectionSignOffTaskState, user=None):
    """Ask each authority at once for the units of the submitted revision it has not
    signed off in exactly this form. Units already signed off are carried over.
    (Called when the sign-off task starts: by ``Submit``, a resubmission, or the
    retrospective round of an emergency publish.)"""
    problem = workflow_problem(task_state.workflow_state.workflow)
    if problem:
        raise UnsafeWorkflow(problem)
    revision = task_state.revision
    page = revision.as_object()
    units = units_of(GuideDocument.from_page(page))
    states = clearances(page.pk, units)
    to_ask = [state.unit for state in states if state.status != SIGNED]
    carried = [state.unit for state in states if state.status == SIGNED]
    ownerless = [unit.label for unit in to_ask if unit.authority is None]
    if ownerless:
        raise SignOffError(
            "Ingen myndighed ejer "
            + ", ".join(f"»{label}«" for label in ownerless)
            + ": vælg en myndighed for afsnittet (eller markér den myndighed, der godkender "
            "guidernes ramme), før guiden sendes til godkendelse."
        )

    SignOffRequest.objects.bulk_create(
        SignOffRequest(
            task_state=task_state,
            page_id=page.pk,
            revision=revision,
            section_id=unit.id,
            heading=unit.label[:255],
            authority=unit.authority,
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
        )
    if carried:
        audit.record(
            SignOffEvent.CARRIED_OVER,
            page,
            units=carried,
            user=user,
            revision=revision,
            task_state=task_state,
            history=False,
        )
    if to_ask:
        notifications.round_opened(task_state, page, to_ask)
    else:
        # Nothing new to sign off: the task is done at once (Wagtail moves the workflow on).
        task_state.status = TaskState.STATUS_APPROVED
        task_state.finished_at = timezone.now()
        task_state.comment = "Alle afsnit var allerede godkendt i denne form."
        task_state.save(update_fields=["status", "finished_at", "comment"])
    return to_ask


# -- deciding -----------------------------------------------------------------------------


def _unit_of(request: SignOffRequest) -> Unit:
    return Unit(request.section_id, request.heading, request.authority, request.fingerprint)


class Decide(SignOffAction):
    """Approve or request changes to one unit of an open round.

    Idempotent for a repeated identical decision by the same user (a double click); a
    decision on a round or request that is no longer open, or on another version than
    the one the reviewer saw, is refused with ``StaleDecision`` and changes nothing.
    Four eyes by authorship: nobody approves a wording they produced in any revision
    (``guides.signoff.authorship``); one query, however long the history.
    """

    def __init__(self, request, user=None, decision=APPROVE, comment="", seen_fingerprint=None):
        self.request_id = request.pk if isinstance(request, SignOffRequest) else request
        self._request = request if isinstance(request, SignOffRequest) else None
        self.user = user
        self.decision = decision
        self.comment = (comment or "").strip()
        self.seen_fingerprint = seen_fingerprint

    def _load(self):
        if self._request is None:
            self._request = SignOffRequest.objects.select_related(
                "authority", "task_state", "decided_by"
            ).get(pk=self.request_id)
        return self._request, self._request.task_state

    def refusals(self):
        request, task_state = self._load()
        return self._refusals(request, task_state)

    def _refusals(self, request, task_state):
        user = self.user
        if self.decision not in (APPROVE, REQUEST_CHANGES):
            return [SignOffError(f"Ukendt beslutning »{self.decision}«.")]
        if not request.authority.has_member(user):
            return [
                NotAReviewer(
                    f"Du er ikke godkender for {request.authority.name} og kan ikke godkende "
                    f"»{request.heading}«."
                )
            ]
        if self.decision == REQUEST_CHANGES and not self.comment:
            # Only the owner's reviewers learn what the form is missing.
            return [CommentRequired("Skriv en kommentar, så redaktøren ved, hvad der skal ændres.")]
        if request.status != SignOffRequest.PENDING:
            who = (
                request.decided_by.get_full_name() or request.decided_by.username
                if request.decided_by
                else ""
            )
            return [
                StaleDecision(
                    f"»{request.heading}« er allerede behandlet"
                    + (f" af {who}" if who else "")
                    + f" ({request.get_status_display()}). Intet er ændret."
                )
            ]
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            return [
                StaleDecision(f"Godkendelsesrunden for »{request.heading}« er afsluttet. Intet er ændret.")
            ]
        if self.seen_fingerprint and self.seen_fingerprint != request.fingerprint:
            return [
                StaleDecision("Du så en anden version af afsnittet end den, der venter. Indlæs siden igen.")
            ]
        if self.decision == APPROVE and self._produced_by_user(request):
            return [
                FourEyesViolation(
                    f"Du har selv skrevet »{request.heading}« i denne form (også hvis den er kommet "
                    f"tilbage ved en gendannelse eller indsætning). En anden godkender fra "
                    f"{request.authority.name} skal godkende det (fire øjne)."
                )
            ]
        return []

    def _produced_by_user(self, request) -> bool:
        authorship.ensure_recorded(request.revision)
        return authorship.produced_by(request.page_id, request.section_id, request.fingerprint, self.user)

    def execute(self) -> SignOffRequest:
        if self.decision not in (APPROVE, REQUEST_CHANGES):
            raise SignOffError(f"Ukendt beslutning »{self.decision}«.")
        with transaction.atomic():
            task_state_id = (
                SignOffRequest.objects.filter(pk=self.request_id)
                .values_list("task_state_id", flat=True)
                .get()
            )
            # Lock the round first, then the request: every decision in a round serializes
            # here, so exactly one of two simultaneous decisions completes the task.
            task_state = SectionSignOffTaskState.objects.select_for_update().get(pk=task_state_id)
            request = (
                # Lock the request row only (PostgreSQL refuses FOR UPDATE on the nullable side
                # of the outer joins that select_related makes).
                SignOffRequest.objects.select_for_update(of=("self",))
                .select_related("authority", "revision", "page", "decided_by")
                .get(pk=self.request_id)
            )
            expected = (
                SignOffRequest.APPROVED if self.decision == APPROVE else SignOffRequest.CHANGES_REQUESTED
            )
            if request.status == expected and request.decided_by_id == getattr(self.user, "pk", None):
                return request  # the same decision again: nothing to do
            reasons = self._refusals(request, task_state)
            refusal = reasons[0] if reasons else None
            if refusal is None:
                self._apply(task_state, request)
                return request
            if not isinstance(refusal, NotAReviewer | FourEyesViolation):
                raise refusal  # nothing to log: a form error or a stale page

        unit = _unit_of(request)
        audit.record(
            SignOffEvent.ATTEMPT_REFUSED,
            request.page,
            units=[unit],
            user=self.user,
            revision=request.revision,
            task_state=task_state,
            comment=refusal.message,
            data={"decision": self.decision, "reason": type(refusal).__name__},
        )
        raise refusal

    def _apply(self, task_state, request):
        user, decision, comment = self.user, self.decision, self.comment
        unit = _unit_of(request)
        request.status = SignOffRequest.APPROVED if decision == APPROVE else SignOffRequest.CHANGES_REQUESTED
        request.decided_by = user
        request.decided_at = timezone.now()
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


def decide(request_id, user, decision, comment="", seen_fingerprint=None) -> SignOffRequest:
    return Decide(request_id, user, decision, comment, seen_fingerprint).execute()


def _summary(task_state) -> str:
    lines = [
        f"{request.heading} ({request.authority.name}): {request.comment}"
        for request in task_state.requests.filter(status=SignOffRequest.CHANGES_REQUESTED).select_related(
            "authority"
        )
    ]
    return "\n".join(lines)


# -- publishing a signed revision ---------------------------------------------------------


class PublishSigned(SignOffAction):
    """Publish ``revision`` of a guide only if every unit of it is signed off.

    ``content`` is the page object that will be saved live (Wagtail's publish action
    makes it from the revision); it is parsed once, and the parsed document is reused by
    the save backstop and the publish log of the same publish.
    """

    def __init__(self, revision, user=None, *, content=None, fresh=None, via="publish()"):
        self.revision = revision
        self.user = user
        self.content = content if content is not None else revision.as_object()
        # ``content`` made from the revision for this publish: its parsed document is kept.
        self.fresh = content is None if fresh is None else fresh
        self.via = via

    def missing(self) -> list[Unit]:
        if self.revision is not None and emergency.authorized_revision_id() == self.revision.pk:
            return []  # the one publish of an emergency publish (EmergencyPublish.execute)
        document = self.content.document if self.fresh else GuideDocument.from_page(self.content)
        return not_publishable(self.content.pk, units_of(document))

    def refusals(self):
        from guides.signoff.guard import SignOffRequired

        missing = self.missing()
        return [SignOffRequired(self.content, missing)] if missing else []

    def check(self, user=None, *, raise_error=True):
        from guides.signoff.guard import SignOffRequired

        if user is not None:
            self.user = user
        missing = self.missing()
        if missing and raise_error:
            audit.record(
                SignOffEvent.PUBLISH_REFUSED,
                self.content,
                units=missing,
                user=self.user,
                revision=self.revision,
                data={"via": self.via},
            )
        reasons = [SignOffRequired(self.content, missing)] if missing else []
        if reasons and raise_error:
            raise reasons[0]
        return reasons

    def execute(self, do_publish):
        """Check (refusals are logged outside the transaction, so they are kept), then
        ``do_publish()`` with the page row locked, so a failure anywhere changes nothing."""
        self.check()
        if self.fresh:
            self.content._signoff_verified_revision_id = self.revision.pk
        with transaction.atomic():
            Page.objects.select_for_update().filter(pk=self.content.pk).values_list("pk", flat=True).first()
            return do_publish()


# -- emergency publish --------------------------------------------------------------------


class EmergencyPublish(SignOffAction):
    """Publish the latest revision without complete sign-off: once, by a permitted user
    with a written reason, logged per unsigned unit, followed at once by a retrospective
    round that ends only with the owners' decisions. It clears nothing."""

    def __init__(self, page, user=None, reason=""):
        self.page = page
        self.user = user
        self.reason = (reason or "").strip()

    def refusals(self):
        user = self.user
        if user is None or not user.has_perm("signoff.emergency_publish"):
            return [NotAReviewer("Du har ikke tilladelse til nødudgivelse.")]
        if not self.page.permissions_for_user(user).can_publish():
            return [NotAReviewer(f"Du må ikke udgive »{self.page.title}«.")]
        if len(self.reason) < MIN_EMERGENCY_REASON:
            return [CommentRequired(f"Skriv en begrundelse på mindst {MIN_EMERGENCY_REASON} tegn.")]
        workflow = self.page.get_workflow()
        if workflow is None:
            return [
                SignOffError(
                    "Der er ingen godkendelsesarbejdsgang over guiden, så den efterfølgende godkendelse "
                    "kan ikke startes. Nødudgivelse er ikke mulig."
                )
            ]
        problem = workflow_problem(workflow)
        if problem:
            return [UnsafeWorkflow(problem)]
        return []

    def missing(self):
        revision = self.page.get_latest_revision()
        return not_publishable(self.page.pk, units_of(GuideDocument.from_page(revision.as_object())))

    def execute(self) -> list[Unit]:
        self.page = type(self.page).objects.get(pk=self.page.pk)  # the caller's copy may be old
        self.check()
        user, page = self.user, self.page
        with transaction.atomic(), LogContext(user=user):
            Page.objects.select_for_update().filter(pk=page.pk).values_list("pk", flat=True).first()
            revision = page.get_latest_revision()
            content = revision.as_object()
            missing = not_publishable(page.pk, units_of(content.document))
            if not missing:
                revision.publish(user=user)  # everything is signed: an ordinary publish
                return []
            audit.record(
                SignOffEvent.EMERGENCY_PUBLISHED,
                page,
                units=missing,
                user=user,
                revision=revision,
                comment=self.reason,
            )
            with emergency.replacing():
                # A new emergency publish, with its own reason, replaces the previous one.
                for release in emergency.open_releases(page.pk):
                    emergency.close(release, "replaced")
                state = page.current_workflow_state
                if state is not None:
                    state.cancel(user=user)
            with emergency.authorized(revision):
                revision.publish(user=user)
            page.refresh_from_db()
            workflow_state = page.get_workflow().start(page, user)
            EmergencyRelease.objects.create(
                page_id=page.pk,
                revision=revision,
                workflow_state=workflow_state,
                user=user,
                reason=self.reason,
                units=[
                    {
                        "id": unit.id,
                        "label": unit.label,
                        "authority_id": unit.authority_id,
                        "authority_code": unit.authority_code,
                        "fingerprint": unit.fingerprint,
                    }
                    for unit in missing
                ],
            )
            notifications.emergency_published(page, user, self.reason, missing)
        return missing


def emergency_publish(page, user, reason: str):
    return EmergencyPublish(page, user, reason).execute()
