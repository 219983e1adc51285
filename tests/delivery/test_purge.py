"""Frontend cache purge (RELIABILITY 27): a failed purge never fails the publish, is retried
and logged at ERROR; publish and unpublish purge every HTML and API address."""

import logging

import pytest

from guides.models import GuidePage
from tests.api.conftest import publish_new_revision
from tests.api.test_guides_api import AUDIENCES
from tests.delivery.backends import FlakyBackend, RecordingBackend
from tests.delivery.conftest import ROOT

pytestmark = pytest.mark.django_db

SITE = "http://localhost"
SLUG = "hvis-du-bliver-ledig"


def expected_urls() -> set[str]:
    addresses = {f"/api/v1/guides/{SLUG}/", f"/{SLUG}/", f"/{SLUG}/udskriv/"}
    for slug, query in AUDIENCES:
        if slug == SLUG:
            addresses |= {f"/api/v1/guides/{SLUG}/?{query}", f"/{SLUG}/?{query}", f"/{SLUG}/udskriv/?{query}"}
    return {root + address for root in (SITE, ROOT) for address in addresses}


@pytest.fixture
def recording(settings):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.delivery.backends.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend


@pytest.fixture
def flaky(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.delivery.backends.FlakyBackend"}}
    settings.VEJVISER_PURGE_MAX_ATTEMPTS = 4
    FlakyBackend.attempts, FlakyBackend.purged = 0, []
    return FlakyBackend


class TestWhatIsPurged:
    def test_unpublish_purges_every_html_and_api_address(
        self, demo, recording, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            demo[SLUG].unpublish()
        assert set(recording.purged) == expected_urls()

    def test_publish_purges_every_html_and_api_address(
        self, demo, recording, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            publish_new_revision(demo[SLUG], intro="Ny.")
        assert expected_urls() <= set(recording.purged)

    def test_nothing_is_purged_before_the_commit(self, demo, recording, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=False):
            demo[SLUG].unpublish()
        assert recording.purged == []


class TestFailures:
    def test_a_failing_purge_does_not_fail_the_publish_and_is_retried_until_it_succeeds(
        self, demo, flaky, caplog, django_capture_on_commit_callbacks
    ):
        flaky.failures = 2
        with (
            caplog.at_level(logging.ERROR, logger="guides.delivery.purge"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            page = publish_new_revision(demo[SLUG], intro="Trods CDN-fejl.")
        page = GuidePage.objects.get(pk=page.pk)
        assert page.live and page.intro == "Trods CDN-fejl."
        assert flaky.attempts == 3
        assert set(flaky.purged) >= expected_urls()
        errors = [record for record in caplog.records if record.levelno == logging.ERROR]
        assert len(errors) == 2 and "CDN unreachable" in errors[0].getMessage()

    def test_a_purge_that_keeps_failing_gives_up_with_an_error_and_the_guide_stays_unpublished(
        self, demo, flaky, caplog, django_capture_on_commit_callbacks
    ):
        flaky.failures = 99
        with (
            caplog.at_level(logging.ERROR, logger="guides.delivery.purge"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            demo[SLUG].unpublish()
        assert not GuidePage.objects.get(pk=demo[SLUG].pk).live
        assert flaky.attempts == 4
        assert "gave up" in caplog.records[-1].getMessage()

    def test_retries_back_off(self, settings):
        from guides.delivery.purge import retry_delay

        settings.VEJVISER_PURGE_RETRY_BASE_DELAY = 30
        assert [retry_delay(attempt) for attempt in (1, 2, 3)] == [30, 60, 120]
