"""Case 8, deploy checks: production settings pass Django's deployment checks, every part of
the site sends its framing and Content-Security-Policy headers, and the admin login is
throttled against password guessing.
"""

from __future__ import annotations

import datetime
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

ROOT = Path(__file__).resolve().parent.parent.parent


def production_env(tmp_path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE: set for Playwright by the browser fixture, never in production.
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="vejviser.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}",
        WAGTAILADMIN_BASE_URL="https://vejviser.example",
    )
    return env


def run_in_production(tmp_path, *args):
    return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, *args],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class TestProductionSettings:
    def test_check_deploy_passes_at_warning_level(self, tmp_path):
        result = run_in_production(tmp_path, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no issues" in result.stdout

    def test_cookies_are_secure_and_https_is_enforced_with_hsts(self, tmp_path):
        script = (
            "import json, django; django.setup(); from django.conf import settings as s; "
            "print(json.dumps({k: getattr(s, k) for k in ["
            "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
            "'SECURE_SSL_REDIRECT', "
            "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'X_FRAME_OPTIONS', 'DEBUG', "
            "'SECURE_CONTENT_TYPE_NOSNIFF', 'AXES_FAILURE_LIMIT']}))"
        )
        result = run_in_production(tmp_path, "-c", script)
        assert result.returncode == 0, result.stderr
        values = json.loads(result.stdout.strip().splitlines()[-1])
        assert (
            values["SESSION_COOKIE_SECURE"]
            and values["CSRF_COOKIE_SECURE"]
            and values["SESSION_COOKIE_HTTPONLY"]
        )
        assert values["SECURE_SSL_REDIRECT"] and values["SECURE_CONTENT_TYPE_NOSNIFF"]
        assert values["SECURE_HSTS_SECONDS"] >= 31_536_000 and values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
        assert values["X_FRAME_OPTIONS"] == "DENY" and values["DEBUG"] is False
        assert values["AXES_FAILURE_LIMIT"] == 5

    def test_production_refuses_to_start_with_an_insecure_secret_key(self, tmp_path):
        env = production_env(tmp_path)
        env["SECRET_KEY"] = "django-insecure-kort"
        result = subprocess.run(
            [sys.executable, "manage.py", "check"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode != 0
        assert "SECRET_KEY" in result.stderr


def csp(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
class TestHeaders:
    def test_citizen_pages_send_a_strict_policy_and_refuse_framing(self, client, guide):
        for url in ("/", guide.url, guide.url + "?akasse=ja", "/tilgaengelighedserklaering/"):
            response = client.get(url)
            policy = csp(response)
            assert policy["default-src"] == ["'self'"], url
            assert policy["script-src"] == ["'self'"], url  # no inline script, no eval
            assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
            assert policy["frame-ancestors"] == ["'none'"] and policy["form-action"] == ["'self'"]
            assert response["X-Frame-Options"] == "DENY"
            assert response["X-Content-Type-Options"] == "nosniff"

    def test_the_api_sends_the_strict_policy_and_its_docs_page_its_own(self, client, guide):
        assert csp(client.get("/api/v1/guides/"))["frame-ancestors"] == ["'none'"]
        docs = csp(client.get("/api/v1/docs"))
        assert docs["script-src"] == ["'self'"] and docs["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" in docs["style-src"]

    def test_admin_may_frame_only_itself_and_its_preview_says_sameorigin(self, client, guide, editor):
        client.force_login(editor)
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
        assert csp(edit)["frame-ancestors"] == ["'self'"]
        assert edit["X-Frame-Options"] == "DENY"
        from tests.admin_forms import guide_form_data

        url = reverse("wagtailadmin_pages:preview_on_edit", args=[guide.pk])
        assert client.post(url, guide_form_data(guide)).json()["is_valid"]
        preview = client.get(url, {"mode": "all-sections"})
        assert preview.status_code == 200 and guide.title in preview.content.decode()
        assert preview["X-Frame-Options"] == "SAMEORIGIN"
        assert csp(preview)["frame-ancestors"] == ["'self'"]

    def test_login_page_is_never_framed_by_others(self, client):
        response = client.get(reverse("wagtailadmin_login"))
        assert csp(response)["frame-ancestors"] == ["'self'"]
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
class TestLoginThrottle:
    """The admin login refuses a username from an address after five wrong passwords, for
    fifteen minutes, even with the right password; the failures are kept."""

    @pytest.fixture
    def user(self, editor):
        return editor

    def attempt(self, client, username, password):
        return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})

    def test_the_fifth_wrong_password_locks_out_with_a_clear_message(self, client, user, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            response = self.attempt(client, user.username, "forkert")
            assert response.status_code == 200  # the login form again, with its error
        locked = self.attempt(client, user.username, "forkert")
        assert locked.status_code == 429
        text = locked.content.decode()
        assert "For mange forkerte adgangskoder" in text and "15 minutter" in text
        assert AccessAttempt.objects.filter(username=user.username).exists()

    def test_the_right_password_is_refused_until_the_lockout_expires(self, client, user, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            self.attempt(client, user.username, "forkert")
        refused = self.attempt(client, user.username, PASSWORD)
        assert refused.status_code == 429
        assert "_auth_user_id" not in client.session
        # Sixteen minutes later the lockout has expired.
        AccessAttempt.objects.update(
            attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
        )
        accepted = self.attempt(client, user.username, PASSWORD)
        assert accepted.status_code == 302
        assert client.session["_auth_user_id"] == str(user.pk)

    def test_a_lockout_of_one_username_does_not_lock_out_another(self, client, user, settings):
        other = UserFactory(username="anden-redaktoer", groups=list(user.groups.all()))
        for _ in range(settings.AXES_FAILURE_LIMIT):
            self.attempt(client, user.username, "forkert")
        assert self.attempt(Client(), other.username, PASSWORD).status_code == 302

    def test_logins_from_code_still_work(self, user):
        # The test client's login() and management commands call authenticate() without a
        # request; the throttle only watches logins that come through the web.
        assert Client().login(username=user.username, password=PASSWORD)
