"""Case 1, route inventory: every URL pattern of the project is in the access matrix
(tests/security/access_matrix.py), and every role gets what the matrix says.

Protects against a new view, app or Wagtail upgrade adding a route nobody decided the
access to, and against any route answering a role it should refuse (and leaking a draft,
an unpublished guide or a private document in the refusal).
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from guides.models import GuidePage
from tests.security import access_matrix as matrix
from tests.security.conftest import DRAFT_MARKER, PRIVATE_DOCUMENT_MARKER, UNPUBLISHED_MARKER


def walk(resolver=None, prefix=""):
    """Every URL pattern, as one string per route, with included patterns expanded."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def page_routes():
    """The routes of routable page types (``RoutablePageMixin``), e.g. a guide's print view."""
    for pattern in GuidePage.get_subpage_urls():
        yield f"page:guides.GuidePage:{pattern.pattern}"


def every_route() -> list[str]:
    return [*walk(), *page_routes()]


def test_every_url_pattern_of_the_project_is_in_the_access_matrix():
    routes = every_route()
    assert len(routes) > 200  # Wagtail's admin, our admin views, the API, the site
    missing = [route for route in routes if matrix.route_for(route) is None]
    assert not missing, "routes without an access decision in tests/security/access_matrix.py:\n" + "\n".join(
        missing
    )


def test_every_own_route_of_the_matrix_exists_and_is_exercised():
    routes = set(every_route())
    stale = [route.pattern for route in matrix.OWN_ROUTES if route.pattern not in routes]
    assert not stale, f"matrix entries for routes that no longer exist: {stale}"
    unexercised = [route.pattern for route in matrix.OWN_ROUTES if not route.probes]
    assert not unexercised, f"own routes without a probe: {unexercised}"


def test_every_wagtail_group_of_the_matrix_still_has_routes():
    routes = every_route()
    empty = [
        group.pattern
        for group in matrix.WAGTAIL_GROUPS
        if not group.extra.get("debug_only") and not any(r.startswith(group.pattern) for r in routes)
    ]
    assert not empty, f"groups without routes: {empty}"


def test_docs_security_md_shows_the_current_access_matrix():
    assert matrix.documented_table() == matrix.render_markdown(), (
        "docs/security.md is out of date: run `python -m tests.security.access_matrix`"
    )


# -- requesting every probe as every role ----------------------------------------------------

LOGIN_PATHS = ("/admin/login/", "/_util/login/")


def outcome_matches(expected: str, response) -> bool:
    status = response.status_code
    location = response.get("Location", "")
    if expected == matrix.LOGIN:
        return status == 302 and location.split("?")[0].endswith(LOGIN_PATHS)
    if expected == matrix.DENIED:
        # Wagtail refuses in the admin by redirecting to the dashboard with a message.
        return status == 403 or (
            status == 302 and location.split("?")[0] in ("/admin/", "http://testserver/admin/")
        )
    if expected == matrix.REDIRECT:
        return status == 302
    return str(status) == expected


def forbidden_markers(role: str, url: str) -> list[bytes]:
    """Text this role must never receive at this address."""
    markers = []
    if role in ("anonymous", "reviewer_b", "agency_admin", "api_consumer") or (
        role == "preview_token" and not url.startswith("/api/")
    ):
        markers.append(DRAFT_MARKER.encode())
    if role in ("anonymous", "agency_admin", "api_consumer", "preview_token"):
        markers.append(UNPUBLISHED_MARKER.encode())
    if role not in ("editor", "admin"):
        markers.append(PRIVATE_DOCUMENT_MARKER)
    return markers


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.django_db
@pytest.mark.parametrize("role", matrix.ROLES)
def test_each_route_answers_the_role_as_the_access_matrix_says(world, role):
    values = world.url_values()
    client = world.client(role)
    # Requests that change state (decisions, tokens) go last, so earlier ones see the world as built.
    probes = [(route, probe) for route in matrix.ALL_ROUTES for probe in route.probes]
    probes.sort(key=lambda pair: pair[1].method != "GET")
    failures = []
    for route, probe in probes:
        url = probe.url.format(**values)
        response = client.post(url, probe.data or {}) if probe.method == "POST" else client.get(url)
        expected = route.expected(probe)[role]
        if not outcome_matches(expected, response):
            failures.append(
                f"{probe.method} {url}: expected {expected}, got {response.status_code} "
                f"{response.get('Location', '')}".rstrip()
            )
            continue
        leaked = [marker for marker in forbidden_markers(role, url) if marker in body_of(response)]
        if leaked:
            failures.append(f"{probe.method} {url}: leaked {leaked}")
    assert not failures, f"{role}:\n" + "\n".join(failures)
