"""Sign-off state: the workflow task, the requests of each round and the event log.

``SignOffEvent`` is the append-only record of everything that happened, and also the
source of truth for clearances: a section is signed off for a fingerprint when the
latest decision event for that (guide, section, fingerprint) is an approval.
``SignOffRequest`` is the mutable work list of one round (one task state).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState


class AppendOnlyError(PermissionDenied):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The sign-off log is append-only.")

    def delete(self):
        raise AppendOnlyError("The sign-off log is append-only.")


class SignOffEventQuerySet(AppendOnlyQuerySet):
    def for_page(self, page):
        return self.filter(page_id=page.pk)

    def decisions(self):
        return self.filter(action__in=SignOffEvent.DECISION_ACTIONS)


class SignOffEvent(models.Model):
    SUBMITTED = "submitted"
    RESUBMITTED = "resubmitted"
    CARRIED_OVER = "carried_over"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    PUBLISHED = "published"
    PUBLISH_REFUSED = "publish_refused"
    EMERGENCY_PUBLISHED = "emergency_published"
    ATTEMPT_REFUSED = "attempt_refused"
    ACTION_CHOICES = [
        (SUBMITTED, _("submitted for sign-off")),
        (RESUBMITTED, _("resubmitted for sign-off")),
        (CARRIED_OVER, _("sign-off carried over (unchanged)")),
        (APPROVED, _("signed off")),
        (CHANGES_REQUESTED, _("changes requested")),
        (PUBLISHED, _("published")),
        (PUBLISH_REFUSED, _("publish refused")),
        (EMERGENCY_PUBLISHED, _("emergency published")),
        (ATTEMPT_REFUSED, _("attempt refused")),
    ]
    #: Events that decide whether a fingerprint is cleared for publishing.
    DECISION_ACTIONS = (APPROVED, CHANGES_REQUESTED, EMERGENCY_PUBLISHED)

    # Plain references (no database constraint): the log outlives what it describes.
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    page_title = models.CharField(_("guide"), max_length=255)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    task_state_id = models.BigIntegerField(null=True, blank=True)
    section_id = models.CharField(_("section id"), max_length=64, blank=True)
    section_heading = models.CharField(_("section"), max_length=255, blank=True)
    authority = models.ForeignKey(
        "guides.Authority",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    authority_code = models.CharField(_("authority"), max_length=30, blank=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    action = models.CharField(_("action"), max_length=30, choices=ACTION_CHOICES)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    username = models.CharField(_("user"), max_length=150, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    objects = SignOffEventQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("sign-off event")
        verbose_name_plural = _("sign-off log")
        indexes = [
            models.Index(fields=["page", "section_id", "fingerprint"], name="signoff_event_clearance"),
            models.Index(fields=["action", "created_at"], name="signoff_event_action"),
        ]
        permissions = [
            ("emergency_publish", _("Can publish a guide without complete sign-off (emergency)")),
            ("view_signoff_log", _("Can view the sign-off log")),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.page_title} {self.section_heading} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Sign-off events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Sign-off events cannot be deleted.")

    @property
    def short_fingerprint(self) -> str:
        return self.fingerprint[:12]

    @property
    def authority_name(self) -> str:
        """The authority's name now (events point at it by primary key); the code it had
        when the event was recorded if it no longer exists."""
        try:
            return self.authority.name if self.authority_id else self.authority_code
        except models.ObjectDoesNotExist:
            return self.authority_code


class SignOffRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=SignOffRequest.PENDING)

    def for_authority(self, authority):
        return self.filter(authority=authority)

    def for_user(self, user):
        """Requests of the authorities the user is a reviewer for (checked live)."""
        from guides.models import Authority

        return self.filter(authority__in=Authority.objects.for_user(user))

    def in_open_rounds(self):
        return self.filter(task_state__status=TaskState.STATUS_IN_PROGRESS)

    def oldest_first(self):
        return self.order_by("created_at", "id")


class SignOffRequest(models.Model):
    """One section (or the guide frame) that one authority is asked to sign off in a round."""

    PENDING = "pending"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    CLOSED = "closed"
    STATUS_CHOICES = [
        (PENDING, _("waiting")),
        (APPROVED, _("signed off")),
        (CHANGES_REQUESTED, _("changes requested")),
        (CLOSED, _("closed without decision")),
    ]

    task_state = models.ForeignKey(
        "signoff.SectionSignOffTaskState", on_delete=models.CASCADE, related_name="requests"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    section_id = models.CharField(max_length=64)
    heading = models.CharField(max_length=255)
    authority = models.ForeignKey("guides.Authority", on_delete=models.PROTECT, related_name="requests")
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default=PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SignOffRequestQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "section_id"], name="signoff_one_request_per_round"
            ),
        ]

    def __str__(self):
        return f"{self.heading} ({self.authority.code}): {self.status}"


class SectionSignOffTask(Task):
    """Routes every section of a submitted guide revision to its owning authority.

    The task completes when every section (and the guide frame) of the submitted revision
    is signed off for exactly its fingerprint; a request for changes sends it back.
    Decisions are made per section on the sign-off screen, not with Wagtail's
    whole-page approve buttons.
    """

    admin_form_fields = Task.admin_form_fields

    def start(self, workflow_state, user=None):
        from guides.signoff import actions

        task_state = super().start(workflow_state, user=user)
        actions.open_round(task_state.specific, user=user)
        return task_state

    @classmethod
    def get_task_state_class(cls):
        return SectionSignOffTaskState

    def get_actions(self, obj, user):
        # No whole-page approve/reject: each section is decided on its own.
        return []

    def user_can_access_editor(self, obj, user):
        return False

    def locked_for_user(self, obj, user):
        return False

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return _("Each authority signs off the sections it owns; published only when all have signed off.")

    class Meta:
        verbose_name = _("section sign-off task")
        verbose_name_plural = _("section sign-off tasks")


class SectionSignOffTaskState(TaskState):
    def get_comment(self):
        return self.comment

    class Meta:
        verbose_name = _("section sign-off task state")
        verbose_name_plural = _("section sign-off task states")


class Notification(models.Model):
    """Outbox for e-mail: written in the same transaction as the change it reports, sent
    in the background, so a slow or failing mail server never blocks or loses anything."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"

    kind = models.CharField(max_length=40)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    email = models.EmailField()
    subject = models.CharField(max_length=255)
    body = models.TextField()
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, default=PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.kind} to {self.email}: {self.status}"


class EmergencyReleaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)


class EmergencyRelease(models.Model):
    """One emergency publish: *one* revision put live *once*, by a permitted user with a
    reason. It clears nothing; it opens a retrospective round (``workflow_state``) that
    stays open, visible and reminded until the owners have decided (or a new emergency
    publish, with its own reason, replaces it). See docs/workflow.md."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField()
    #: The units put live without a sign-off: [{"id", "label", "authority_code", "fingerprint"}].
    units = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_because = models.CharField(max_length=40, blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    objects = EmergencyReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("emergency publish")
        verbose_name_plural = _("emergency publishes")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} revision {self.revision_id}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class UnitWording(models.Model):
    """Who produced which wording of a unit, written when a revision is saved.

    One row per unit that a revision *changed* into its fingerprint (or brought in for the
    first time): the four-eyes rule reads one row instead of the revision history.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    unit_id = models.CharField(max_length=64)
    fingerprint = models.CharField(max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["page", "unit_id", "fingerprint", "user"], name="signoff_wording_author"),
            models.Index(fields=["revision"], name="signoff_wording_revision"),
        ]

    def __str__(self):
        return f"{self.unit_id} {self.fingerprint[:12]} (revision {self.revision_id})"


class RevisionFingerprints(models.Model):
    """The unit fingerprints of one guide revision ({unit id: fingerprint}), so that the
    next revision's authorship is found without parsing this one again."""

    revision = models.OneToOneField(
        "wagtailcore.Revision",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    fingerprints = models.JSONField(default=dict)

    def __str__(self):
        return f"revision {self.revision_id}: {len(self.fingerprints)} units"
