"""A sign-off renews a section's review date (through the sign-off log)."""

import datetime

import pytest
from django.utils import timezone

from guides.editorial import review
from guides.models import GuidePage
from tests.signoff.conftest import edit_section

pytestmark = pytest.mark.django_db


def test_sections_signed_off_in_their_current_form_have_that_date(published_guide):
    dates = review.last_signoff_dates([published_guide])
    sections = {section.id for section in published_guide.document.sections}
    assert {section_id for (_, section_id) in dates} == sections | {"frame"}
    assert set(dates.values()) == {timezone.localdate()}


def test_a_section_changed_since_its_sign_off_has_no_date(published_guide, editor):
    edit_section(published_guide, "Afsnit skat", "Ændret tekst", user=editor)
    latest = GuidePage.objects.get(pk=published_guide.pk).get_latest_revision_as_object()
    dates = review.last_signoff_dates([latest])
    skat = next(s for s in latest.document.sections if s.heading == "Afsnit skat")
    assert (latest.pk, skat.id) not in dates
    assert len(dates) == len(latest.document.sections)  # the other sections and the frame


def test_the_effective_review_date_is_renewed_by_the_sign_off(published_guide, settings):
    section = published_guide.document.sections[0]
    signed = review.last_signoff_dates([published_guide])[(published_guide.pk, section.id)]
    renewed = review.effective_review_by(datetime.date(2026, 1, 1), signed, 182)
    assert renewed == signed + datetime.timedelta(days=182)
