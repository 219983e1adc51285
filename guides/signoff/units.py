"""Sign-off units: what an authority signs off in one guide revision.

The units partition what is served (``guides.document.GuideDocument`` is the one reading of
a page that the citizen HTML, print view, calendar, API and static export are made from):

- the guide *frame*: title, address (slug), intro, anchor label, SEO title, search
  description and every question with its labels, help text and answers; owned by the
  authority marked as frame owner (Digitaliseringsstyrelsen in the demo);
- each *section*: its heading, owning authority, audience condition, content, and the
  wording of every question and answer its condition names (what a citizen chooses in
  order to see it), owned by its authority.

Authorities are identified by primary key: editing an authority's code or name neither
voids nor forges an approval (RELIABILITY case 36).
"""

from __future__ import annotations

from dataclasses import dataclass

from guides.document import FRAME_ID, GuideDocument, Section

FRAME_LABEL = "Guidens ramme (titel, indledning og spørgsmål)"

_NO_OWNER = object()


def frame_owner():
    """The authority that signs off every guide's frame (one query), or None."""
    from guides.models import Authority

    return Authority.objects.filter(owns_frame=True).first()


@dataclass(frozen=True)
class Unit:
    id: str
    label: str
    authority: object  # guides.models.Authority, or None when the unit has no owner
    fingerprint: str
    section: Section | None = None

    @property
    def is_frame(self) -> bool:
        return self.id == FRAME_ID

    @property
    def authority_id(self) -> int | None:
        return getattr(self.authority, "pk", None)

    @property
    def authority_code(self) -> str:
        """The owner's code *now* (for display and the log's snapshot; never for matching)."""
        return getattr(self.authority, "code", "")

    @property
    def authority_name(self) -> str:
        return getattr(self.authority, "name", "") or "(ingen myndighed)"


def units_of(document: GuideDocument, *, owner=_NO_OWNER) -> list[Unit]:
    """The units of one guide revision. ``owner`` is the frame owner when the caller has
    already read it (a report over many guides reads it once)."""
    if owner is _NO_OWNER:
        # Read once per document: one decision computes the units of a revision several times.
        owner = document.__dict__.get("_frame_owner", _NO_OWNER)
        if owner is _NO_OWNER:
            owner = document.__dict__["_frame_owner"] = frame_owner()
    units = [Unit(FRAME_ID, FRAME_LABEL, owner, document.frame_fingerprint)]
    for section in document.sections:
        units.append(
            Unit(
                section.id,
                section.heading or "(uden overskrift)",
                section.authority,
                section.fingerprint,
                section,
            )
        )
    return units
