"""Publish webhooks: events with ids only, signed, delivered in the background with retries."""

import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from guides.webhooks import delivery, events, signing
from guides.webhooks.models import WebhookDelivery, WebhookEvent, WebhookSubscription, validate_webhook_url
from tests.factories import guide_data, make_guide, publish_signed_off, section

pytestmark = pytest.mark.django_db

SECRET = "test-hemmelighed-1234567890"


@pytest.fixture
def subscriber(receiver):
    return WebhookSubscription.objects.create(name="Test", url=receiver.url, secret=SECRET)


@pytest.fixture
def draft_guide(home, authorities, editor):
    return make_guide(home, publish=False, user=editor)


@pytest.fixture
def publish(django_capture_on_commit_callbacks, editor):
    """Publish a page's latest revision through the sign-off workflow; run on-commit work."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            publish_signed_off(page, editor)
        page.refresh_from_db()
        return page

    return run


@pytest.fixture
def unpublish(django_capture_on_commit_callbacks):
    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.unpublish()

    return run


def edit(page, editor, change):
    """Save a new revision of ``page`` with ``change(page)`` applied to the latest content."""
    latest = page.get_latest_revision_as_object()
    change(latest)
    latest.save_revision(user=editor)
    return latest


class TestEventContent:
    def test_first_publish_sends_every_section_as_changed(self, draft_guide, subscriber, receiver, publish):
        page = publish(draft_guide)
        [(headers, raw)] = receiver.requests
        event = json.loads(raw)
        assert headers["X-Vejviser-Event"] == "guide.published"
        assert event["type"] == "guide.published"
        assert event["guide"] == {"id": page.pk, "slug": "testguide", "api_path": "/api/v1/guides/testguide/"}
        assert event["live_revision_id"] == page.live_revision_id
        assert event["previous_revision_id"] is None
        assert event["changed_section_ids"] == [s.id for s in page.document.sections]
        assert event["removed_section_ids"] == []
        assert event["frame_changed"] is True
        assert event["api_version"] == "1"
        assert datetime.datetime.fromisoformat(event["occurred_at"])
        assert headers["X-Vejviser-Event-Id"] == event["id"]

    def test_republish_names_only_the_changed_sections(
        self, draft_guide, subscriber, receiver, publish, editor
    ):
        page = publish(draft_guide)
        first_revision = page.live_revision_id
        changed_id = page.document.sections[2].id

        def change(latest):
            latest.body[2].value["heading"] = "Ny overskrift"

        publish(edit(page, editor, change))
        event = receiver.json()
        assert event["changed_section_ids"] == [changed_id]
        assert event["previous_revision_id"] == first_revision
        assert event["frame_changed"] is False

    def test_added_and_removed_sections_are_changed(
        self, home, authorities, editor, subscriber, receiver, publish
    ):
        page = make_guide(home, guide_data(sections=[section("a"), section("b")]), publish=False, user=editor)
        page = publish(page)
        a_id, b_id = (s.id for s in page.document.sections)
        page = publish(edit(page, editor, lambda latest: setattr(latest, "body", [latest.body.raw_data[0]])))
        event = receiver.json()
        assert event["changed_section_ids"] == [b_id]
        assert event["removed_section_ids"] == [b_id]
        assert a_id not in event["changed_section_ids"]

    def test_editor_only_change_is_an_event_without_changed_sections(
        self, draft_guide, subscriber, receiver, publish, editor
    ):
        page = publish(draft_guide)

        def change(latest):
            latest.body[0].value["source"] = "En ny kilde"

        publish(edit(page, editor, change))
        event = receiver.json()
        assert event["changed_section_ids"] == [] and event["frame_changed"] is False

    def test_frame_change_is_flagged(self, draft_guide, subscriber, receiver, publish, editor):
        page = publish(draft_guide)
        publish(edit(page, editor, lambda latest: setattr(latest, "intro", "Ny intro.")))
        event = receiver.json()
        assert event["frame_changed"] is True and event["changed_section_ids"] == []

    def test_unpublish_names_the_guide_and_every_section_it_had(
        self, draft_guide, subscriber, receiver, publish, unpublish
    ):
        page = publish(draft_guide)
        live_revision_id, section_ids = page.live_revision_id, [s.id for s in page.document.sections]
        unpublish(page)
        headers, raw = receiver.requests[-1]
        event = json.loads(raw)
        assert headers["X-Vejviser-Event"] == "guide.unpublished"
        assert event["type"] == "guide.unpublished"
        assert event["live_revision_id"] is None
        assert event["previous_revision_id"] == live_revision_id
        assert event["changed_section_ids"] == section_ids
        assert event["removed_section_ids"] == event["changed_section_ids"]

    def test_payload_holds_ids_only_never_content(self, draft_guide, subscriber, receiver, publish, editor):
        page = publish(draft_guide)

        def change(latest):
            latest.body[0].value["heading"] = "Hemmelig kladde"

        edit(page, editor, change)  # a draft on top, never published
        publish(edit(page, editor, lambda latest: setattr(latest, "intro", "Godkendt intro")))
        for _headers, raw in receiver.requests:
            text = raw.decode()
            assert "Hemmelig" not in text and "Godkendt intro" not in text and "Afsnit" not in text
            event = json.loads(raw)
            assert set(event) == {
                "id",
                "type",
                "occurred_at",
                "api_version",
                "guide",
                "live_revision_id",
                "previous_revision_id",
                "changed_section_ids",
                "removed_section_ids",
                "frame_changed",
            }

    def test_private_guide_is_never_announced(self, draft_guide, home, subscriber, receiver, publish):
        PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
        publish(draft_guide)
        assert receiver.requests == []
        assert not WebhookEvent.objects.exists()

    def test_inactive_subscriber_gets_nothing(self, draft_guide, subscriber, receiver, publish):
        subscriber.active = False
        subscriber.save()
        publish(draft_guide)
        assert receiver.requests == []
        assert WebhookEvent.objects.count() == 1

    def test_scheduled_publish_is_announced_when_it_goes_live_not_before(
        self, draft_guide, subscriber, receiver, publish, editor, django_capture_on_commit_callbacks
    ):
        from django.core.management import call_command
        from django.utils import timezone
        from wagtail.models import Revision

        latest = draft_guide.get_latest_revision_as_object()
        latest.go_live_at = timezone.now() + datetime.timedelta(days=1)
        latest.save_revision(user=editor)
        page = publish(latest)
        assert not page.live
        assert receiver.requests == [] and not WebhookEvent.objects.exists()

        # A day later (as far as the scheduler can tell): the revision is due.
        past = timezone.now() - datetime.timedelta(minutes=1)
        scheduled = Revision.objects.get(approved_go_live_at__isnull=False)
        scheduled.content["go_live_at"] = past.isoformat()
        scheduled.approved_go_live_at = past
        scheduled.save(update_fields=["content", "approved_go_live_at"])
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled", stdout=io.StringIO())
        page.refresh_from_db()
        assert page.live
        assert receiver.json()["live_revision_id"] == page.live_revision_id

    def test_nothing_is_sent_before_the_transaction_commits(self, draft_guide, subscriber, receiver, editor):
        publish_signed_off(draft_guide, editor)  # on-commit callbacks are not run
        assert receiver.requests == []
        assert WebhookEvent.objects.count() == 1


class TestSigning:
    def test_signature_is_hmac_sha256_of_timestamp_dot_body(self, draft_guide, subscriber, receiver, publish):
        import hashlib
        import hmac

        publish(draft_guide)
        headers, raw = receiver.requests[0]
        timestamp = headers["X-Vejviser-Timestamp"]
        expected = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + raw, hashlib.sha256).hexdigest()
        assert headers["X-Vejviser-Signature"] == f"v1={expected}"
        assert signing.verify(SECRET, raw, timestamp, headers["X-Vejviser-Signature"])
        assert headers["Content-Type"] == "application/json; charset=utf-8"

    def test_receiver_refuses_wrong_secret_tampered_body_and_old_timestamps(self):
        body = b'{"type":"guide.published"}'
        headers = signing.signed_headers(SECRET, body, now=1_800_000_000)
        timestamp, signature = headers["X-Vejviser-Timestamp"], headers["X-Vejviser-Signature"]
        assert signing.verify(SECRET, body, timestamp, signature, now=1_800_000_010)
        assert not signing.verify("forkert", body, timestamp, signature, now=1_800_000_010)
        assert not signing.verify(SECRET, body + b" ", timestamp, signature, now=1_800_000_010)
        assert not signing.verify(SECRET, body, timestamp, signature, now=1_800_000_000 + 301)
        assert not signing.verify(SECRET, body, "nu", signature)

    def test_the_python_snippet_in_the_docs_verifies_a_real_delivery(
        self, draft_guide, subscriber, receiver, publish
    ):
        from pathlib import Path

        from django.conf import settings

        docs = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text()
        snippet = docs.split("```python verify-webhook\n", 1)[1].split("```", 1)[0]
        namespace = {}
        exec(compile(snippet, "docs/api.md", "exec"), namespace)  # noqa: S102 (our own documentation)
        publish(draft_guide)
        headers, raw = receiver.requests[0]
        assert namespace["verify"](raw, headers, SECRET) is True
        assert namespace["verify"](raw + b"x", headers, SECRET) is False


class TestDeliveryAndRetries:
    def test_each_attempt_is_logged(self, draft_guide, subscriber, receiver, publish):
        publish(draft_guide)
        [attempt] = WebhookDelivery.objects.all()
        assert attempt.succeeded and attempt.status_code == 200 and attempt.attempt == 1
        assert attempt.subscription == subscriber
        assert attempt.event == WebhookEvent.objects.get()
        assert attempt.error == "" and attempt.duration_ms >= 0 and attempt.next_attempt_at is None

    def test_failure_is_retried_until_it_succeeds(self, draft_guide, subscriber, receiver, publish):
        receiver.statuses = [500, 503]
        publish(draft_guide)
        attempts = list(WebhookDelivery.objects.order_by("attempt"))
        assert [(a.attempt, a.status_code, a.succeeded) for a in attempts] == [
            (1, 500, False),
            (2, 503, False),
            (3, 200, True),
        ]
        assert attempts[0].error == "HTTP 500"
        assert attempts[0].next_attempt_at == attempts[0].attempted_at + datetime.timedelta(seconds=30)
        assert attempts[1].next_attempt_at == attempts[1].attempted_at + datetime.timedelta(seconds=60)
        # Every attempt sends the same event (same id and bytes), freshly signed.
        bodies = {raw for _headers, raw in receiver.requests}
        assert len(bodies) == 1
        assert [headers["X-Vejviser-Delivery-Attempt"] for headers, _raw in receiver.requests] == [
            "1",
            "2",
            "3",
        ]

    def test_gives_up_after_the_last_attempt(self, draft_guide, subscriber, receiver, publish, settings):
        settings.WEBHOOKS_MAX_ATTEMPTS = 3
        receiver.statuses = [500] * 10
        publish(draft_guide)
        attempts = list(WebhookDelivery.objects.order_by("attempt"))
        assert [a.attempt for a in attempts] == [1, 2, 3]
        assert attempts[-1].next_attempt_at is None
        assert len(receiver.requests) == 3

    def test_redirects_are_failures_and_not_followed(
        self, draft_guide, subscriber, receiver, publish, settings
    ):
        settings.WEBHOOKS_MAX_ATTEMPTS = 1
        receiver.statuses = [302]
        publish(draft_guide)
        [attempt] = WebhookDelivery.objects.all()
        assert (attempt.status_code, attempt.succeeded) == (302, False)
        assert len(receiver.requests) == 1

    def test_network_errors_are_logged_and_retried(self, draft_guide, publish, settings):
        import socket

        settings.WEBHOOKS_MAX_ATTEMPTS = 2
        with socket.socket() as probe:  # a loopback port with nobody listening
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        WebhookSubscription.objects.create(name="Nede", url=f"http://127.0.0.1:{port}/", secret=SECRET)
        publish(draft_guide)
        attempts = list(WebhookDelivery.objects.order_by("attempt"))
        assert [a.attempt for a in attempts] == [1, 2]
        assert all(a.status_code is None and "Connection" in a.error for a in attempts)

    def test_retry_waits_with_run_after_on_a_backend_that_can_defer(
        self, draft_guide, subscriber, receiver, publish, settings
    ):
        from django_tasks import default_task_backend

        from guides.webhooks import tasks

        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        receiver.statuses = [500, 500]
        publish(draft_guide)
        backend = default_task_backend

        def webhook_tasks():
            return [r for r in backend.results if r.task.func is tasks.deliver_webhook.func]

        [first] = webhook_tasks()
        assert receiver.requests == [] and first.task.run_after is None
        first.task.call(*first.args, **first.kwargs)
        retry = webhook_tasks()[1]
        [failed] = WebhookDelivery.objects.all()
        assert retry.args[2] == 2
        assert retry.task.run_after == failed.next_attempt_at
        assert retry.task.run_after == failed.attempted_at + datetime.timedelta(seconds=30)
        retry.task.call(*retry.args, **retry.kwargs)
        second_retry = webhook_tasks()[2]
        assert second_retry.task.run_after - WebhookDelivery.objects.get(attempt=2).attempted_at == (
            datetime.timedelta(seconds=60)
        )

    @pytest.mark.parametrize(
        ("failed_attempt", "delay"), [(1, 30), (2, 60), (3, 120), (4, 240), (7, 1920), (8, 3600), (20, 3600)]
    )
    def test_backoff_is_exponential_and_capped(self, failed_attempt, delay):
        assert delivery.retry_delay(failed_attempt) == delay

    def test_removed_subscriber_or_event_is_skipped(self, subscriber):
        assert delivery.deliver("00000000-0000-0000-0000-000000000000", subscriber.pk, 1) == "skipped"


class TestPublishingNeverFailsBecauseOfWebhooks:
    def test_enqueue_failure_leaves_the_publish_intact(self, draft_guide, subscriber, publish, monkeypatch):
        from guides.webhooks import tasks

        class BrokenQueue:
            def enqueue(self, *args, **kwargs):
                raise RuntimeError("queue down")

        monkeypatch.setattr(tasks, "deliver_webhook", BrokenQueue())
        page = publish(draft_guide)
        assert page.live

    def test_event_failure_leaves_the_publish_intact(
        self, draft_guide, subscriber, receiver, publish, monkeypatch
    ):
        def broken(*args, **kwargs):
            raise RuntimeError("bug")

        monkeypatch.setattr(events, "build_event", broken)
        page = publish(draft_guide)
        assert page.live
        assert receiver.requests == [] and not WebhookEvent.objects.exists()


class TestSubscriberUrls:
    @pytest.mark.parametrize("url", ["https://hooks.example/x", "http://127.0.0.1:8000/hook"])
    def test_http_and_https_are_allowed(self, url):
        validate_webhook_url(url)

    @pytest.mark.parametrize(
        "url", ["ftp://hooks.example/x", "javascript:alert(1)", "file:///etc/passwd", "https://"]
    )
    def test_other_schemes_are_refused(self, url):
        with pytest.raises(ValidationError):
            validate_webhook_url(url)

    def test_credentials_in_the_url_are_refused(self):
        with pytest.raises(ValidationError):
            validate_webhook_url("https://user:pass@hooks.example/")

    def test_https_is_required_when_configured(self, settings):
        settings.WEBHOOKS_REQUIRE_HTTPS = True
        with pytest.raises(ValidationError):
            validate_webhook_url("http://hooks.example/x")
        validate_webhook_url("https://hooks.example/x")

    def test_production_settings_require_https(self):
        from pathlib import Path

        from django.conf import settings

        production = (Path(settings.BASE_DIR) / "cms" / "settings" / "production.py").read_text()
        assert "\nWEBHOOKS_REQUIRE_HTTPS = True\n" in production

    def test_new_subscribers_get_a_long_random_secret(self):
        one = WebhookSubscription.objects.create(name="A", url="https://a.example/")
        two = WebhookSubscription.objects.create(name="B", url="https://b.example/")
        assert len(one.secret) >= 40 and one.secret != two.secret


def admin_client(username):
    client = Client()
    assert client.login(username=username, password="vejviser-demo")
    return client


class TestAdmin:
    def test_superuser_adds_a_subscriber_in_the_admin(self, demo):
        client = admin_client("admin")
        url = reverse("webhook_subscriptions:add")
        assert client.get(url).status_code == 200
        response = client.post(
            url,
            {"name": "Borger.dk", "url": "https://borger.example/hook", "secret": "s" * 40, "active": "on"},
        )
        assert response.status_code == 302
        assert WebhookSubscription.objects.get().url == "https://borger.example/hook"

    def test_admin_form_refuses_a_bad_url(self, demo):
        response = admin_client("admin").post(
            reverse("webhook_subscriptions:add"), {"name": "X", "url": "ftp://x.example/", "secret": "s" * 40}
        )
        assert response.status_code == 200
        assert not WebhookSubscription.objects.exists()

    def test_deliveries_are_visible_but_read_only(self, demo, receiver):
        subscription = WebhookSubscription.objects.create(name="Test", url=receiver.url, secret=SECRET)
        event = WebhookEvent.objects.create(
            type=WebhookEvent.PUBLISHED,
            page_id=1,
            slug="x",
            body="{}",
            occurred_at=datetime.datetime.now(datetime.UTC),
        )
        attempt = WebhookDelivery.objects.create(
            event=event,
            subscription=subscription,
            attempt=1,
            succeeded=False,
            status_code=500,
            error="HTTP 500",
            duration_ms=3,
            attempted_at=event.occurred_at,
        )
        client = admin_client("admin")
        listing = client.get(reverse("webhook_deliveries:index"))
        assert listing.status_code == 200
        assert reverse("webhook_deliveries:inspect", args=[attempt.pk]) in listing.content.decode()
        assert client.get(reverse("webhook_deliveries:inspect", args=[attempt.pk])).status_code == 200
        for name in ("add",):
            assert client.get(reverse(f"webhook_deliveries:{name}")).status_code == 302
        for name in ("edit", "delete"):
            response = client.post(reverse(f"webhook_deliveries:{name}", args=[attempt.pk]), {})
            assert response.status_code == 302
        assert WebhookDelivery.objects.filter(pk=attempt.pk, error="HTTP 500").exists()
        assert client.get(reverse("webhook_events:index")).status_code == 200

    @pytest.mark.parametrize("username", ["redaktoer", "godkender-kl"])
    def test_editors_and_reviewers_cannot_manage_webhooks(self, demo, username):
        client = admin_client(username)
        for url in (reverse("webhook_subscriptions:index"), reverse("webhook_deliveries:index")):
            response = client.get(url)
            assert (response.status_code, response["Location"]) == (302, "/admin/")


class TestDatabaseBackend:
    """Production's backend: the retry really waits in the queue until ``run_after``."""

    def test_worker_delivers_and_the_retry_waits_for_its_time(
        self, draft_guide, subscriber, receiver, publish, settings, monkeypatch
    ):
        from django.core.management import call_command
        from django_tasks_db.management.commands import db_worker
        from django_tasks_db.models import DBTaskResult

        # The worker runs in its own process in production; here it shares the test's
        # transaction, whose connection it must not close (PostgreSQL would lose it).
        monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        receiver.statuses = [500]
        publish(draft_guide)
        assert receiver.requests == []  # queued, not sent in the request

        def work():
            call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

        work()
        [failed] = WebhookDelivery.objects.all()
        assert failed.status_code == 500
        retry = DBTaskResult.objects.filter(args_kwargs__args__2=2).get()
        assert retry.run_after == failed.next_attempt_at
        work()  # too early: the retry stays queued
        assert len(receiver.requests) == 1
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=failed.attempted_at)
        work()
        assert [(a.attempt, a.succeeded) for a in WebhookDelivery.objects.order_by("attempt")] == [
            (1, False),
            (2, True),
        ]


def test_webhook_models_and_fields_read_in_danish():
    """The same rule as for the other apps (tests/editorial/test_translations.py)."""
    from tests.editorial.test_translations import TestBlocksAndModels

    TestBlocksAndModels().test_every_model_and_field_name_of_our_apps_is_translated("webhooks")


def test_admin_menu_reads_in_danish(demo):
    html = admin_client("admin").get(reverse("webhook_subscriptions:index")).content.decode()
    assert "Abonnenter" in html and "Leveringer" in html
