"""Review dates: when a section's text must be looked at again.

Each section has a review-by date set by the editor (rules change often). A sign-off by
the owning authority renews it: the section is next due ``renewal_days`` after its last
sign-off, unless the editor's own date is later. ``effective_review_by()`` is that rule,
in plain Python.

The sign-off workflow feeds in through ``last_signoff_dates()``, the one place the
review report, the editor's Quality tab and the dashboard panel learn when each section
was last signed off (from the append-only sign-off log, for the section's current text).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_RENEWAL_DAYS = 182
DEFAULT_SOON_DAYS = 30

OVERDUE = "overdue"
SOON = "soon"
OK = "ok"
MISSING = "missing"


def effective_review_by(
    review_by: datetime.date | None,
    last_signoff_date: datetime.date | None,
    renewal_days: int = DEFAULT_RENEWAL_DAYS,
) -> datetime.date | None:
    """The later of the editor's date and the last sign-off + the renewal period.

    Either may be missing; with neither there is no date (the section has never been
    given one, which the report shows as missing).
    """
    renewed = last_signoff_date + datetime.timedelta(days=renewal_days) if last_signoff_date else None
    candidates = [date for date in (review_by, renewed) if date is not None]
    return max(candidates) if candidates else None


def review_status(due: datetime.date | None, today: datetime.date, soon_days: int = DEFAULT_SOON_DAYS) -> str:
    if due is None:
        return MISSING
    if due < today:
        return OVERDUE
    if due <= today + datetime.timedelta(days=soon_days):
        return SOON
    return OK


@dataclass(frozen=True)
class ReviewItem:
    """One section's review state, for the report and the dashboard."""

    page: object  # the GuidePage (latest revision) the section belongs to
    section: object  # guides.document.Section
    review_by: datetime.date | None
    last_signoff: datetime.date | None
    due: datetime.date | None
    status: str
    days_left: int | None  # negative when overdue

    @property
    def needs_attention(self) -> bool:
        return self.status in (OVERDUE, SOON, MISSING)

    @property
    def days_overdue(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0


def last_signoff_dates(pages: Iterable) -> dict[tuple[int, str], datetime.date]:
    """When each section of these guides was last signed off *in its current form*:
    ``{(page_id, section_id): date}``, from the sign-off log (``guides/signoff``). A section
    changed since its last sign-off has no date here, so its editor's date applies."""
    from guides.document import GuideDocument
    from guides.signoff.clearance import approval_dates
    from guides.signoff.units import units_of

    return approval_dates({page.pk: units_of(GuideDocument.from_page(page)) for page in pages})


def review_items(
    documents: Iterable,
    *,
    today: datetime.date,
    signoffs: dict[tuple[int, str], datetime.date],
    renewal_days: int = DEFAULT_RENEWAL_DAYS,
    soon_days: int = DEFAULT_SOON_DAYS,
) -> list[ReviewItem]:
    """Every section of these guide documents with its effective review date and status."""
    items = []
    for document in documents:
        page = document.page
        for section in document.sections:
            last = signoffs.get((page.pk, section.id))
            due = effective_review_by(section.review_by, last, renewal_days)
            items.append(
                ReviewItem(
                    page=page,
                    section=section,
                    review_by=section.review_by,
                    last_signoff=last,
                    due=due,
                    status=review_status(due, today, soon_days),
                    days_left=(due - today).days if due else None,
                )
            )
    return items
