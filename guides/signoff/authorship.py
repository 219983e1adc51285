"""Who produced which wording of a unit: recorded when a revision is saved.

When a guide revision is saved (a new one, or Wagtail's autosave overwriting the
latest), its unit fingerprints are stored, compared with the previous revision's, and
for every unit the revision *changed* into its wording (or brought in) one
``UnitWording`` row names the revision's user. A revert, an undo or a paste is a change
like any other, so the person who brings old words back is recorded too, and the person
who first wrote them keeps their row.

The four-eyes rule (docs/workflow.md) then costs one query, however long the history:
nobody may approve a wording of a unit that they produced in any revision.
"""

from __future__ import annotations

import logging

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Revision

from guides.document import GuideDocument
from guides.signoff.models import RevisionFingerprints, UnitWording
from guides.signoff.units import units_of

logger = logging.getLogger(__name__)


def is_guide_revision(revision) -> bool:
    from guides.models import GuidePage

    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    return model is not None and issubclass(model, GuidePage)


def fingerprints_of(revision) -> dict[str, str]:
    return {unit.id: unit.fingerprint for unit in units_of(GuideDocument.from_page(revision.as_object()))}


def _previous(revision):
    return (
        Revision.objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            created_at__lte=revision.created_at,
        )
        .exclude(pk=revision.pk)
        .order_by("-created_at", "-id")
        .first()
    )


def _stored_fingerprints(revision) -> dict[str, str]:
    row = RevisionFingerprints.objects.filter(pk=revision.pk).first()
    if row is not None:
        return row.fingerprints
    ensure_recorded(revision)  # oldest first, so this never recurses deeply
    return RevisionFingerprints.objects.get(pk=revision.pk).fingerprints


def record(revision) -> tuple[dict[str, str], list[UnitWording]]:
    """Store ``revision``'s fingerprints and who it made each changed unit's wording by."""
    page_id = int(revision.object_id)
    current = fingerprints_of(revision)
    RevisionFingerprints.objects.update_or_create(
        revision_id=revision.pk, defaults={"page_id": page_id, "fingerprints": current}
    )
    previous_revision = _previous(revision)
    previous = _stored_fingerprints(previous_revision) if previous_revision is not None else {}
    changed = {unit_id: fp for unit_id, fp in current.items() if previous.get(unit_id) != fp}
    already = set(UnitWording.objects.filter(revision_id=revision.pk).values_list("unit_id", "fingerprint"))
    rows = [
        UnitWording(
            page_id=page_id,
            revision_id=revision.pk,
            unit_id=unit_id,
            fingerprint=fp,
            user_id=revision.user_id,
            created_at=revision.created_at,
        )
        for unit_id, fp in changed.items()
        if (unit_id, fp) not in already
    ]
    UnitWording.objects.bulk_create(rows)
    return current, rows


def record_saved_revision(sender, instance, created, raw=False, **kwargs):
    """``post_save`` of ``Revision``: record guide revisions (see ``signals.connect``)."""
    if raw or not is_guide_revision(instance):
        return
    record(instance)


def ensure_recorded(revision) -> None:
    """Revisions saved before authorship was recorded are recorded on first need (once)."""
    if RevisionFingerprints.objects.filter(pk=revision.pk).exists():
        return
    earlier = Revision.objects.filter(
        base_content_type_id=revision.base_content_type_id,
        object_id=revision.object_id,
        created_at__lte=revision.created_at,
    ).order_by("created_at", "id")
    for candidate in earlier:
        if not RevisionFingerprints.objects.filter(pk=candidate.pk).exists():
            record(candidate)


def produced_by(page_id, unit_id: str, fingerprint: str, user) -> bool:
    """Did ``user`` produce this wording of this unit in any revision? (One query.)"""
    if user is None or user.pk is None:
        return False
    return UnitWording.objects.filter(
        page_id=page_id, unit_id=unit_id, fingerprint=fingerprint, user_id=user.pk
    ).exists()
