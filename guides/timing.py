"""When a checklist item is due, relative to the guide's anchor event.

The anchor event is the day a guide is about: the first day without work, or the first
working day in a new job. Timing is structured (a kind and a number), never free text,
so items sort in a meaningful order, group under plain headings and can later be turned
into real calendar dates for a citizen who tells us their anchor date.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

BEFORE = "before"  # at the latest N days before the anchor day
ON_DAY = "on_day"  # on day N (day 0 is the anchor day itself)
WITHIN_DAYS = "within_days"  # within the first N days
WITHIN_MONTHS = "within_months"  # by the end of the first N months
ONGOING = "ongoing"  # all the time, from the anchor day on

KIND_CHOICES = [
    (BEFORE, "Før (antal dage før)"),
    (ON_DAY, "På dag nr. (0 = selve dagen)"),
    (WITHIN_DAYS, "Inden for (antal dage)"),
    (WITHIN_MONTHS, "Inden udgangen af (antal måneder)"),
    (ONGOING, "Løbende"),
]
KINDS = tuple(kind for kind, _ in KIND_CHOICES)

# What a checklist item asks of the citizen. Within one timing the musts come first, so
# the obligation is the other half of an item's place in the checklist.
OBLIGATION_MUST = "skal"
OBLIGATION_GOOD_IDEA = "god-ide"

_ORDINALS = {1: "første", 2: "anden", 3: "tredje", 4: "fjerde", 5: "femte", 6: "sjette"}
_NUMBERS = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}


def _number(value: int) -> str:
    return _NUMBERS.get(value, str(value))


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day N months later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, order=False)
class Timing:
    kind: str
    amount: int = 0

    @classmethod
    def from_stored(cls, value) -> Timing:
        """The timing of a stored timing block value (``{"kind": ..., "amount": ...}``)."""
        return cls(value["kind"], value.get("amount") or 0)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Unknown timing kind {self.kind!r}; valid kinds: {', '.join(KINDS)}")
        if self.amount < 0:
            raise ValueError("A timing amount cannot be negative")

    @property
    def sort_key(self) -> tuple[int, int]:
        """Orders items from the earliest deadline to ongoing."""
        if self.kind == BEFORE:
            return (-max(self.amount, 1), 0)
        if self.kind == ON_DAY:
            return (self.amount, 0)
        if self.kind == WITHIN_DAYS:
            return (self.amount, 1)
        if self.kind == WITHIN_MONTHS:
            # Approximate only for ordering; real dates come from due_date().
            return (self.amount * 30 + 1, 2)
        return (10**6, 0)

    def heading(self, anchor_label: str) -> str:
        """The checklist group heading, e.g. ``Inden for de første 2 uger``."""
        if self.kind == BEFORE:
            if self.amount <= 1:
                return f"Før {anchor_label}"
            return f"Senest {self.amount} dage før {anchor_label}"
        if self.kind == ON_DAY:
            if self.amount == 0:
                return f"På {anchor_label}"
            return f"På dag {self.amount + 1}"
        if self.kind == WITHIN_DAYS:
            if self.amount % 7 == 0:
                weeks = self.amount // 7
                return (
                    "Inden for den første uge" if weeks == 1 else f"Inden for de første {_number(weeks)} uger"
                )
            return f"Inden for de første {self.amount} dage"
        if self.kind == WITHIN_MONTHS:
            if self.amount <= 1:
                return "Inden udgangen af den første måned"
            ordinal = _ORDINALS.get(self.amount)
            return f"Inden udgangen af den {ordinal} måned" if ordinal else f"Inden for {self.amount} måneder"
        return "Løbende"

    def due_date(self, anchor: datetime.date) -> datetime.date | None:
        """The last day to do it, for a citizen whose anchor day is ``anchor``.

        Days are calendar days: weekends and holidays are not skipped, because the
        rules behind the items (e.g. register on day 1 even on a public holiday) count
        calendar days too. Ongoing items have no date.
        """
        if self.kind == BEFORE:
            return anchor - datetime.timedelta(days=max(self.amount, 1))
        if self.kind == ON_DAY:
            return anchor + datetime.timedelta(days=self.amount)
        if self.kind == WITHIN_DAYS:
            return anchor + datetime.timedelta(days=max(self.amount - 1, 0))
        if self.kind == WITHIN_MONTHS:
            target = add_months(anchor, self.amount)
            if target.day < anchor.day:
                # The month is too short for the same day (31 Jan + 1 month): the period
                # runs to the end of that month.
                return target
            return target - datetime.timedelta(days=1)
        return None

    def as_dict(self) -> dict:
        return {"kind": self.kind, "amount": self.amount}
