"""Case 7, CSRF and tokens: every state-changing POST without a CSRF token is refused, the
only CSRF-exempt routes are the read-only API's, the API's preview token is a scoped
capability for one revision of one guide, and a session cookie never stands in for it.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import PageLogEntry, Revision

from guides.signoff.models import SignOffEvent, SignOffRequest
from tests.security import access_matrix as matrix
from tests.security.conftest import DRAFT_MARKER
from tests.security.test_idor import idor_requests

pytestmark = pytest.mark.django_db


def callbacks(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from callbacks(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


#: Exempt from Django's CSRF middleware: our read-only API (django-ninja), and Wagtail's
#: admin API (Django REST framework), which checks CSRF itself for session-authenticated
#: writes (the sweep below proves it refuses them).
CSRF_EXEMPT_PREFIXES = ("api/v1/", "admin/api/main/")


def test_only_the_read_only_api_and_the_admin_api_are_csrf_exempt():
    exempt = sorted(route for route, view in callbacks() if getattr(view, "csrf_exempt", False))
    assert any(route.startswith("api/v1/") for route in exempt)
    assert all(route.startswith(CSRF_EXEMPT_PREFIXES) for route in exempt), exempt


@pytest.mark.parametrize("url", ["/api/v1/guides/", "/api/v1/guides/{guide_slug}/"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_takes_no_writes(world, url, method):
    response = getattr(world.client("editor"), method)(url.format(**world.url_values()))
    assert response.status_code == 405


def counts():
    return (
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        SignOffEvent.objects.count(),
        sorted(SignOffRequest.objects.values_list("status", flat=True)),
    )


def every_post(world):
    """Every POST of the access matrix and the IDOR sweep, plus every other probed URL posted to."""
    values = world.url_values()
    posts = {
        (probe.url.format(**values), tuple(sorted((probe.data or {}).items())))
        for route in matrix.ALL_ROUTES
        for probe in route.probes
    }
    yield from ((url, dict(data)) for url, data in sorted(posts))
    for method, url, data in idor_requests(world):
        if method == "POST":
            yield url, data
    yield "/admin/logout/", {}
    yield "/admin/login/", {"username": "admin", "password": "x"}
    yield "/admin/account/", {}


def test_every_state_changing_post_without_a_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["admin"])
    before = counts()
    accepted = []
    for url, data in every_post(world):
        if url.startswith("/api/"):
            continue  # read-only and CSRF-exempt: see above
        response = client.post(url, data)
        if response.status_code != 403 or b"CSRF" not in response.content:
            accepted.append(f"{url}: {response.status_code}")
    assert not accepted, "\n".join(accepted)
    assert counts() == before
    assert "_auth_user_id" in client.session  # not even logged out


def test_the_same_post_with_the_token_goes_through(world):
    """The refusals above are CSRF's: with the page's token the admin may decide."""
    from django.middleware.csrf import get_token

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["reviewer_a"])
    page = client.get(f"/admin/godkendelse/runde/{world.task_state.pk}/")
    token = get_token(page.wsgi_request)
    response = client.post(
        f"/admin/godkendelse/afgoerelse/{world.request.pk}/",
        {"decision": "approve", "fingerprint": world.request.fingerprint, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert SignOffRequest.objects.get(pk=world.request.pk).status == SignOffRequest.APPROVED


class TestPreviewTokenScope:
    def test_a_session_never_reads_a_draft_through_the_api(self, world):
        for role in ("editor", "reviewer_a", "admin"):
            response = world.client(role).get(f"/api/v1/guides/{world.guide.slug}/")
            assert response.status_code == 200
            assert response.json()["preview"] is False, role
            assert DRAFT_MARKER not in response.content.decode(), role
            assert world.client(role).get(f"/api/v1/guides/{world.unpublished.slug}/").status_code == 404

    def test_the_api_sets_no_cookie_and_does_not_vary_on_one(self, world):
        response = world.client("editor").get(f"/api/v1/guides/{world.guide.slug}/")
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()

    def test_a_token_reads_its_one_revision_and_nothing_else(self, world):
        client = world.client("preview_token")
        draft = client.get(f"/api/v1/guides/{world.guide.slug}/")
        assert draft.json()["preview"] is True and DRAFT_MARKER in draft.content.decode()
        assert client.get(f"/api/v1/guides/{world.unpublished.slug}/").status_code == 403
        assert client.get("/admin/").status_code == 302  # no admin session from a token
        assert (
            DRAFT_MARKER not in client.get(f"/{world.guide.slug}/?akasse=nej&alder=under-30").content.decode()
        )

    def test_a_token_in_a_cookie_or_form_field_is_not_a_token(self, world):
        client = Client()
        client.cookies["preview_token"] = world.token
        response = client.get(f"/api/v1/guides/{world.guide.slug}/")
        assert response.json()["preview"] is False
        response = client.post(f"/api/v1/guides/{world.guide.slug}/", {"preview_token": world.token})
        assert response.status_code == 405
