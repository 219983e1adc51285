"""Checklist timing: order, headings and calendar dates relative to the anchor day."""

import datetime

import pytest

from guides.timing import BEFORE, ON_DAY, ONGOING, WITHIN_DAYS, WITHIN_MONTHS, Timing, add_months

ANCHOR = "din første dag som ledig"


def test_timings_sort_from_before_the_anchor_to_ongoing():
    timings = [
        Timing(ONGOING),
        Timing(WITHIN_MONTHS, 1),
        Timing(WITHIN_DAYS, 14),
        Timing(ON_DAY, 0),
        Timing(BEFORE, 1),
    ]
    ordered = sorted(timings, key=lambda timing: timing.sort_key)
    assert [t.kind for t in ordered] == [BEFORE, ON_DAY, WITHIN_DAYS, WITHIN_MONTHS, ONGOING]


@pytest.mark.parametrize(
    ("timing", "heading"),
    [
        (Timing(ON_DAY, 0), "På din første dag som ledig"),
        (Timing(ON_DAY, 2), "På dag 3"),
        (Timing(WITHIN_DAYS, 14), "Inden for de første to uger"),
        (Timing(WITHIN_DAYS, 7), "Inden for den første uge"),
        (Timing(WITHIN_DAYS, 10), "Inden for de første 10 dage"),
        (Timing(WITHIN_MONTHS, 1), "Inden udgangen af den første måned"),
        (Timing(WITHIN_MONTHS, 3), "Inden udgangen af den tredje måned"),
        (Timing(WITHIN_MONTHS, 36), "Inden for 36 måneder"),
        (Timing(BEFORE, 1), "Før din første dag som ledig"),
        (Timing(BEFORE, 7), "Senest 7 dage før din første dag som ledig"),
        (Timing(ONGOING), "Løbende"),
    ],
)
def test_headings_read_as_plain_danish(timing, heading):
    assert timing.heading(ANCHOR) == heading


class TestDueDate:
    anchor = datetime.date(2027, 1, 1)

    def test_on_the_anchor_day(self):
        assert Timing(ON_DAY, 0).due_date(self.anchor) == datetime.date(2027, 1, 1)

    def test_within_fourteen_days_counts_the_anchor_day_as_day_one(self):
        assert Timing(WITHIN_DAYS, 14).due_date(self.anchor) == datetime.date(2027, 1, 14)

    def test_weekends_are_not_skipped(self):
        # 2 January 2027 is a Saturday; calendar days count.
        assert Timing(ON_DAY, 1).due_date(self.anchor) == datetime.date(2027, 1, 2)

    def test_end_of_first_month(self):
        assert Timing(WITHIN_MONTHS, 1).due_date(self.anchor) == datetime.date(2027, 1, 31)

    def test_month_end_is_clamped_for_short_months(self):
        assert Timing(WITHIN_MONTHS, 1).due_date(datetime.date(2027, 1, 31)) == datetime.date(2027, 2, 28)
        assert Timing(WITHIN_MONTHS, 1).due_date(datetime.date(2028, 1, 31)) == datetime.date(2028, 2, 29)

    def test_before_the_anchor_day(self):
        assert Timing(BEFORE, 1).due_date(self.anchor) == datetime.date(2026, 12, 31)

    def test_ongoing_has_no_date(self):
        assert Timing(ONGOING).due_date(self.anchor) is None


def test_add_months_crosses_years():
    assert add_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)


def test_unknown_kind_and_negative_amounts_are_refused():
    with pytest.raises(ValueError, match="Unknown timing kind"):
        Timing("someday")
    with pytest.raises(ValueError, match="negative"):
        Timing(WITHIN_DAYS, -1)


def test_a_stored_timing_value_reads_as_its_kind_and_amount_with_no_amount_as_zero():
    assert Timing.from_stored({"kind": WITHIN_DAYS, "amount": 14}) == Timing(WITHIN_DAYS, 14)
    assert Timing.from_stored({"kind": ONGOING, "amount": None}) == Timing(ONGOING, 0)
    assert Timing.from_stored({"kind": ON_DAY}) == Timing(ON_DAY, 0)
