"""Whether each unit of a guide revision may go live.

Clearance is a signature and nothing else. A unit is *signed* when its owning authority's
latest approval of that unit (of any wording) is an approval of exactly its current
fingerprint, and nobody of that authority has since asked for changes to that wording.
So when an authority approves a newer wording, older wordings need it again. Anything
else is *missing*: an emergency publish clears nothing (see ``guides.signoff.emergency``).
One query per guide, however many sections it has.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from guides.signoff.models import SignOffEvent
from guides.signoff.units import Unit

SIGNED = "signed"
MISSING = "missing"


@dataclass(frozen=True)
class UnitClearance:
    unit: Unit
    status: str
    event: SignOffEvent | None = None

    @property
    def publishable(self) -> bool:
        return self.status == SIGNED


def clearances(page_id: int, units: list[Unit], *, as_of_event: int | None = None) -> list[UnitClearance]:
    """Each unit's clearance now, or as it was when the log held the events up to the id
    ``as_of_event`` (e.g. the publish of the live revision: a later approval of a newer
    wording makes the live wording need its owner for the next publish, not unsigned now)."""
    if not units:
        return []
    events = SignOffEvent.objects.filter(
        page_id=page_id,
        section_id__in={unit.id for unit in units},
        action__in=(SignOffEvent.APPROVED, SignOffEvent.CHANGES_REQUESTED),
    ).order_by("created_at", "id")
    if as_of_event is not None:
        events = events.filter(id__lte=as_of_event)
    last_approval: dict[tuple[str, int], SignOffEvent] = {}  # (unit, authority pk) -> approval
    last_decision: dict[tuple[str, str], SignOffEvent] = {}  # (unit, fingerprint) -> decision
    for event in events:
        last_decision[(event.section_id, event.fingerprint)] = event
        if event.action == SignOffEvent.APPROVED:
            last_approval[(event.section_id, event.authority_id)] = event
    result = []
    for unit in units:
        approval = last_approval.get((unit.id, unit.authority_id)) if unit.authority_id else None
        decision = last_decision.get((unit.id, unit.fingerprint))
        if approval is not None and approval.fingerprint == unit.fingerprint and decision is approval:
            result.append(UnitClearance(unit, SIGNED, approval))
        else:
            result.append(UnitClearance(unit, MISSING, decision))
    return result


def not_publishable(page_id: int, units: list[Unit]) -> list[Unit]:
    return [clearance.unit for clearance in clearances(page_id, units) if not clearance.publishable]


#: Units that need a sign-off (the same thing: nothing but a signature clears a unit).
not_signed = not_publishable


def approval_dates(units_by_page: dict[int, list[Unit]]) -> dict[tuple[int, str], datetime.date]:
    """When each unit was last signed off in exactly its current form (local date)."""
    wanted = {
        (page_id, unit.id, unit.fingerprint) for page_id, units in units_by_page.items() for unit in units
    }
    if not wanted:
        return {}
    events = (
        SignOffEvent.objects.filter(
            action=SignOffEvent.APPROVED,
            page_id__in=units_by_page,
            section_id__in={unit_id for _, unit_id, _ in wanted},
            fingerprint__in={fingerprint for _, _, fingerprint in wanted},
        )
        .order_by("created_at", "id")
        .values_list("page_id", "section_id", "fingerprint", "created_at")
    )
    dates = {}
    for page_id, section_id, fingerprint, created_at in events:
        if (page_id, section_id, fingerprint) in wanted:
            dates[(page_id, section_id)] = timezone.localdate(created_at)
    return dates
