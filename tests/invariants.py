"""Invariant 1, checked after every test that touches the database: published = signed off.

For every live guide, each unit (section, and the guide frame) of its live revision has
a sign-off by its owning authority for exactly that unit's fingerprint, or was published
by a logged emergency publish that awaits its retrospective sign-off. The live page row
shows exactly the live revision's content.
"""

from guides.document import GuideDocument
from guides.models import GuidePage
from guides.signoff.clearance import EMERGENCY, SIGNED, clearances
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
        for state in clearances(page.pk, units_of(live)):
            unit = state.unit
            assert state.status in (SIGNED, EMERGENCY), (
                f"{page.slug}: »{unit.label}« is live without a sign-off by {unit.authority_code} "
                f"for fingerprint {unit.fingerprint[:12]}"
            )
            event = state.event
            assert event.fingerprint == unit.fingerprint
            assert event.authority_code == unit.authority_code
            if state.status == SIGNED:
                assert event.action == SignOffEvent.APPROVED
                assert event.user_id is not None
