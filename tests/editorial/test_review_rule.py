"""The review-date rule: a sign-off renews a section's review date (plain Python)."""

import datetime

import pytest

from guides.editorial import review
from guides.editorial.review import effective_review_by, review_status

D = datetime.date


class TestEffectiveReviewBy:
    def test_without_a_signoff_the_editors_date_holds(self):
        assert effective_review_by(D(2027, 3, 1), None, 182) == D(2027, 3, 1)

    def test_a_recent_signoff_renews_beyond_the_editors_date(self):
        assert effective_review_by(D(2026, 1, 1), D(2026, 6, 1), 182) == D(2026, 11, 30)

    def test_the_editors_later_date_wins_over_an_old_signoff(self):
        assert effective_review_by(D(2028, 1, 1), D(2026, 6, 1), 182) == D(2028, 1, 1)

    def test_renewal_period_is_configurable(self):
        assert effective_review_by(D(2026, 1, 1), D(2026, 6, 1), 30) == D(2026, 7, 1)

    def test_signoff_alone_gives_a_date(self):
        assert effective_review_by(None, D(2026, 6, 1), 10) == D(2026, 6, 11)

    def test_neither_gives_no_date(self):
        assert effective_review_by(None, None, 182) is None

    def test_default_renewal_is_half_a_year(self):
        assert review.DEFAULT_RENEWAL_DAYS == 182


class TestReviewStatus:
    today = D(2026, 11, 26)

    @pytest.mark.parametrize(
        ("due", "status"),
        [
            (D(2026, 11, 25), review.OVERDUE),
            (D(2026, 11, 26), review.SOON),  # due today is not yet overdue
            (D(2026, 12, 26), review.SOON),
            (D(2026, 12, 27), review.OK),
            (None, review.MISSING),
        ],
    )
    def test_status_relative_to_today(self, due, status):
        assert review_status(due, self.today, soon_days=30) == status

    def test_no_guides_no_dates(self):
        assert review.last_signoff_dates([]) == {}
