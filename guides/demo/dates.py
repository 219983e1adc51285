"""Review dates of the demo content, relative to the day it is loaded.

Fixed dates would put every demo section past its review date a few months after they were
written (and tests that read them would start failing on that day); the demo's sections are
due for review some months after each load instead.
"""

import datetime

#: Most sections: reviewed twice a year.
SECTION_REVIEW_DAYS = 180
#: The frame authority's overview sections change less often.
OVERVIEW_REVIEW_DAYS = 270


def review_in(days: int, *, today: datetime.date | None = None) -> str:
    """The ISO date ``days`` after ``today`` (default: the local date now)."""
    return ((today or datetime.date.today()) + datetime.timedelta(days=days)).isoformat()
