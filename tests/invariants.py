"""Invariant 1, checked after every test that touches the database: published = signed off.

For every live guide, each unit (section, and the guide frame) of its live revision has
a sign-off by its owning authority (by primary key) for exactly that unit's fingerprint,
valid at the moment the live revision was published (the log's publish event). The only other
way content is live is an emergency publish, and only as an event: the live revision is
exactly the revision an emergency publish put live, its retrospective round is still
open, and the unit is one that emergency publish named. The live page row shows exactly
the live revision's content.
"""

from guides.document import GuideDocument
from guides.models import GuidePage
from guides.signoff import emergency
from guides.signoff.clearance import SIGNED, clearances
from guides.signoff.models import SignOffEvent
from guides.signoff.units import units_of


def fingerprints(document):
    return [(unit.id, unit.fingerprint) for unit in units_of(document)]


def assert_live_guides_signed_off():
    for page in GuidePage.objects.live().specific():
        assert page.live_revision_id, f"live guide {page.slug} has no live revision"
        live = GuideDocument.from_page(page.live_revision.as_object())
        row = GuideDocument.from_page(page)
        assert fingerprints(row) == fingerprints(live), (
            f"{page.slug}: the page row differs from its live revision"
        )
        release = emergency.live_release(page)
        emergency_units = (
            {(unit["id"], unit["fingerprint"]) for unit in release.units} if release is not None else set()
        )
        # Signed when it went live: a later approval of a newer wording (not yet published)
        # makes the live wording need its owner again for the *next* publish, not unsigned now.
        published = (
            SignOffEvent.objects.filter(
                page_id=page.pk,
                revision_id=page.live_revision_id,
                action__in=(SignOffEvent.PUBLISHED, SignOffEvent.EMERGENCY_PUBLISHED),
            )
            .order_by("-id")
            .values_list("id", flat=True)
            .first()
        )
        for state in clearances(page.pk, units_of(live), as_of_event=published):
            unit = state.unit
            if state.status == SIGNED:
                event = state.event
                assert event.action == SignOffEvent.APPROVED
                assert event.fingerprint == unit.fingerprint
                assert unit.authority_id is not None and event.authority_id == unit.authority_id
                assert event.user_id is not None
                continue
            assert (unit.id, unit.fingerprint) in emergency_units, (
                f"{page.slug}: »{unit.label}« is live without a sign-off by {unit.authority_name} "
                f"for fingerprint {unit.fingerprint[:12]}"
                + ("" if release is None else " (and the open emergency publish did not put it live)")
            )
            assert release.workflow_state is not None
            assert release.workflow_state.status in ("in_progress", "needs_changes"), (
                f"{page.slug}: emergency content is live but its retrospective round is not open"
            )
