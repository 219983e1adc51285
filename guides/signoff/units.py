"""Sign-off units: what an authority signs off in one guide revision.

Every section is a unit owned by its authority; the guide *frame* (title, address, intro,
anchor event and the filter questions) is one more unit, owned by the frame authority
(Digitaliseringsstyrelsen by default, setting ``VEJVISER_FRAME_AUTHORITY``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from guides.document import FRAME_ID, GuideDocument, Section

FRAME_LABEL = "Guidens ramme (titel, indledning og spørgsmål)"


def frame_authority_code() -> str:
    return getattr(settings, "VEJVISER_FRAME_AUTHORITY", "digst")


@dataclass(frozen=True)
class Unit:
    id: str
    label: str
    authority_code: str
    fingerprint: str
    section: Section | None = None

    @property
    def is_frame(self) -> bool:
        return self.id == FRAME_ID


def units_of(document: GuideDocument) -> list[Unit]:
    units = [Unit(FRAME_ID, FRAME_LABEL, frame_authority_code(), document.frame_fingerprint)]
    for section in document.sections:
        units.append(
            Unit(
                section.id,
                section.heading or "(uden overskrift)",
                section.authority_code,
                section.fingerprint,
                section,
            )
        )
    return units
