"""E-mail notifications through an outbox.

A state change writes its ``Notification`` rows in its own transaction; after commit a
background task (django-tasks) sends them. A slow or failing mail server therefore never
blocks or undoes a submit or a sign-off, and a failed message stays in the outbox to be
retried (``manage.py send_notifications``). Messages go only to the people involved: the
owning authority's reviewers, or the editor who submitted.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from guides.signoff.models import Notification

logger = logging.getLogger(__name__)
_muted = threading.local()


@contextlib.contextmanager
def muted():
    """No notifications inside this block (the demo loader signs off as the demo users)."""
    previous = getattr(_muted, "value", False)
    _muted.value = True
    try:
        yield
    finally:
        _muted.value = previous


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue(kind, users, subject, body, page=None):
    if getattr(_muted, "value", False):
        return []
    rows = [
        Notification(kind=kind, recipient=user, email=user.email, subject=subject[:255], body=body, page=page)
        for user in users
        if user.is_active and user.email
    ]
    if not rows:
        return []
    created = Notification.objects.bulk_create(rows)
    ids = [row.pk for row in created]
    transaction.on_commit(lambda: deliver.enqueue(ids))
    return created


@task()
def deliver(notification_ids):
    """Send pending notifications; failures are kept in the outbox for a retry."""
    sent = 0
    for notification in Notification.objects.filter(pk__in=notification_ids).exclude(
        status=Notification.SENT
    ):
        sent += send_one(notification)
    return sent


def send_one(notification: Notification) -> int:
    notification.attempts += 1
    try:
        send_mail(
            notification.subject,
            notification.body,
            settings.DEFAULT_FROM_EMAIL,
            [notification.email],
            fail_silently=False,
        )
    except Exception as error:  # any mail failure: keep the message for a retry
        notification.status = Notification.FAILED
        notification.last_error = f"{type(error).__name__}: {error}"[:2000]
        notification.save(update_fields=["status", "attempts", "last_error"])
        logger.warning("Notification %s to %s failed: %s", notification.pk, notification.email, error)
        return 0
    notification.status = Notification.SENT
    notification.sent_at = timezone.now()
    notification.last_error = ""
    notification.save(update_fields=["status", "attempts", "sent_at", "last_error"])
    return 1


# -- the messages -------------------------------------------------------------------------


def _by_authority(units) -> dict:
    """{authority: [its units]} in first-seen order (authorities compare by primary key)."""
    grouped: dict = {}
    for unit in units:
        if unit.authority is not None:
            grouped.setdefault(unit.authority, []).append(unit)
    return grouped


def round_opened(task_state, page, units):
    """One message per authority per round, listing its sections."""
    link = admin_url(reverse("signoff:review", args=[task_state.pk]))
    for authority, authority_units in _by_authority(units).items():
        reviewers = authority.reviewer_group.user_set.all()
        lines = "\n".join(f"  - {unit.label}" for unit in authority_units)
        queue(
            "round_opened",
            reviewers,
            f"Vejviser: {len(authority_units)} afsnit i »{page.title}« venter på {authority.name}",
            f"Hej\n\nGuiden »{page.title}« er sendt til godkendelse. Disse afsnit ejes af "
            f"{authority.name} og venter på jeres godkendelse:\n\n{lines}\n\n"
            f"Se ændringerne og godkend eller bed om ændringer her:\n{link}\n",
            page=page,
        )


def _submitter(task_state):
    workflow_state = task_state.workflow_state
    return [workflow_state.requested_by] if workflow_state.requested_by else []


def changes_requested(task_state, page, closed_headings):
    from guides.signoff.models import SignOffRequest

    decided = task_state.requests.filter(status=SignOffRequest.CHANGES_REQUESTED).select_related("authority")
    comments = "\n\n".join(f"»{r.heading}« ({r.authority.name}):\n{r.comment}" for r in decided)
    link = admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    waiting = ""
    if closed_headings:
        waiting = "\n\nDisse afsnit nåede ikke at blive godkendt og sendes med igen:\n" + "\n".join(
            f"  - {heading}" for heading in closed_headings
        )
    queue(
        "changes_requested",
        _submitter(task_state),
        f"Vejviser: Der er bedt om ændringer i »{page.title}«",
        f"Hej\n\nEn myndighed har bedt om ændringer i »{page.title}«:\n\n{comments}{waiting}\n\n"
        f"Ret guiden og send den til godkendelse igen:\n{link}\n",
        page=page,
    )


def round_completed(task_state, page):
    link = admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    queue(
        "round_completed",
        _submitter(task_state),
        f"Vejviser: »{page.title}« er godkendt af alle myndigheder",
        f"Hej\n\nAlle afsnit i »{page.title}« er godkendt, og den godkendte version er udgivet.\n\n{link}\n",
        page=page,
    )


def emergency_published(page, user, reason, units):
    """Tell the owning authorities that their sections went live without their sign-off."""
    for authority, authority_units in _by_authority(units).items():
        lines = "\n".join(f"  - {unit.label}" for unit in authority_units)
        queue(
            "emergency_published",
            authority.reviewer_group.user_set.all(),
            f"Vejviser: »{page.title}« er nødudgivet uden jeres godkendelse",
            f"Hej\n\n{user.get_full_name() or user.username} har nødudgivet »{page.title}« "
            "med begrundelsen:\n\n"
            f"{reason}\n\nDisse afsnit fra {authority.name} er udgivet uden godkendelse og venter på "
            f"jeres efterfølgende godkendelse:\n{lines}\n\n{admin_url(reverse('signoff:index'))}\n",
            page=page,
        )


def retrospective_reminder(release):
    """An open retrospective round after an emergency publish: remind whoever it waits for
    (the owners' reviewers of the units still pending, or, when changes were requested,
    the person who emergency-published)."""
    from guides.signoff.models import SignOffRequest

    state = release.workflow_state
    if state is None:
        return []
    page = state.content_object
    task_state = state.current_task_state
    reason = f"Begrundelse for nødudgivelsen: {release.reason}"
    when = timezone.localtime(release.created_at).strftime("%d.%m.%Y")
    if state.status == state.STATUS_IN_PROGRESS and task_state is not None:
        pending = SignOffRequest.objects.filter(task_state_id=task_state.pk, status=SignOffRequest.PENDING)
        link = admin_url(reverse("signoff:review", args=[task_state.pk]))
        created = []
        by_authority = {}
        for request in pending.select_related("authority__reviewer_group"):
            by_authority.setdefault(request.authority, []).append(request.heading)
        for authority, headings in by_authority.items():
            lines = "\n".join(f"  - {heading}" for heading in headings)
            created += queue(
                "retrospective_reminder",
                authority.reviewer_group.user_set.all(),
                f"Påmindelse: »{page.title}« venter stadig på {authority.name} efter en nødudgivelse",
                f"Hej\n\n»{page.title}« blev nødudgivet {when} uden jeres godkendelse. Disse afsnit er "
                f"udgivet og venter stadig på jeres efterfølgende godkendelse:\n\n{lines}\n\n{reason}\n\n"
                f"Godkend eller bed om ændringer her:\n{link}\n",
                page=page,
            )
        return created
    link = admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    recipients = [user for user in (release.user, state.requested_by) if user is not None]
    return queue(
        "retrospective_reminder",
        list({user.pk: user for user in recipients}.values()),
        f"Påmindelse: der er bedt om ændringer i den nødudgivne »{page.title}«",
        f"Hej\n\n»{page.title}« blev nødudgivet {when}, og en myndighed har bedt om ændringer i den "
        f"udgivne tekst. Ret guiden og send den til godkendelse igen:\n{link}\n\n{reason}\n",
        page=page,
    )
