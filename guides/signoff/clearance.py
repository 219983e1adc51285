"""Whether each unit of a guide revision may go live.

A unit is *signed* when the latest decision for exactly its (guide, unit, fingerprint)
is an approval by its owning authority; *emergency* when it went live by an emergency
publish and still awaits its retrospective sign-off; otherwise *missing*. One query per
guide, however many sections it has.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from guides.signoff.models import SignOffEvent
from guides.signoff.units import Unit

SIGNED = "signed"
EMERGENCY = "emergency"
MISSING = "missing"


@dataclass(frozen=True)
class UnitClearance:
    unit: Unit
    status: str
    event: SignOffEvent | None = None

    @property
    def publishable(self) -> bool:
        return self.status in (SIGNED, EMERGENCY)


def clearances(page_id: int, units: list[Unit]) -> list[UnitClearance]:
    if not units:
        return []
    events = SignOffEvent.objects.decisions().filter(
        page_id=page_id,
        section_id__in={unit.id for unit in units},
        fingerprint__in={unit.fingerprint for unit in units},
    )
    latest: dict[tuple[str, str], SignOffEvent] = {}
    for event in events.order_by("created_at", "id"):
        latest[(event.section_id, event.fingerprint)] = event
    result = []
    for unit in units:
        event = latest.get((unit.id, unit.fingerprint))
        if event is None or event.authority_code != unit.authority_code:
            result.append(UnitClearance(unit, MISSING, event))
        elif event.action == SignOffEvent.APPROVED:
            result.append(UnitClearance(unit, SIGNED, event))
        elif event.action == SignOffEvent.EMERGENCY_PUBLISHED:
            result.append(UnitClearance(unit, EMERGENCY, event))
        else:
            result.append(UnitClearance(unit, MISSING, event))
    return result


def not_publishable(page_id: int, units: list[Unit]) -> list[Unit]:
    return [clearance.unit for clearance in clearances(page_id, units) if not clearance.publishable]


def not_signed(page_id: int, units: list[Unit]) -> list[Unit]:
    """Units that need a (retrospective) sign-off: missing or emergency-published."""
    return [clearance.unit for clearance in clearances(page_id, units) if clearance.status != SIGNED]


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
