"""The access matrix: every URL pattern of the project, and what each role gets there.

One data structure, plain Python (no Django import), used three ways:

- ``tests/security/test_route_inventory.py`` walks every URL pattern of the running
  project (``get_resolver()``, recursively, plus the guide's own routes) and fails when one
  is not covered here; it then requests the probes below as every role and checks the
  outcome (and that no protected text leaks into a refusal);
- ``render_markdown()`` is the table in docs/security.md (a test fails when they drift;
  ``python -m tests.security.access_matrix`` rewrites it);
- a reader: what may whom, in one place.

Our own routes are listed one by one and every one of them is requested by every role.
Wagtail's own admin routes are grouped by prefix with one expected outcome per role, and a
representative set of each group is requested.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROLES = (
    "anonymous",
    "editor",
    "reviewer_a",
    "reviewer_b",
    "agency_admin",
    "admin",
    "api_consumer",
    "preview_token",
)
ROLE_TITLES = {
    "anonymous": "anonymous",
    "editor": "editor",
    "reviewer_a": "reviewer A (owner)",
    "reviewer_b": "reviewer B (other authority)",
    "agency_admin": "agency admin",
    "admin": "admin (superuser)",
    "api_consumer": "API consumer",
    "preview_token": "preview token",
}

# Outcomes. ``denied`` is a 403, or Wagtail's way of refusing in the admin: a redirect to
# the dashboard (with a message); ``login`` is a redirect to a login page.
OK = "200"
LOGIN = "login"
DENIED = "denied"
NOT_FOUND = "404"
NOT_ALLOWED = "405"
BAD_REQUEST = "400"
UNAUTHORIZED = "401"
FORBIDDEN = "403"
CONFLICT = "409"
REDIRECT = "302"
SERVER_TEST = "500"


def roles(default, **overrides) -> dict:
    """Every role gets ``default`` unless named. API consumers and preview-token holders
    have no session: outside the API they are anonymous unless said otherwise."""
    expect = dict.fromkeys(ROLES, default)
    anonymous = overrides.get("anonymous", default)
    expect.update(api_consumer=anonymous, preview_token=anonymous)
    expect.update(overrides)
    return expect


def admin_area(*, editor=DENIED, reviewer_a=DENIED, reviewer_b=DENIED, agency_admin=DENIED, admin=OK):
    """A page of the admin: a login first, then as given per role."""
    return roles(
        LOGIN,
        editor=editor,
        reviewer_a=reviewer_a,
        reviewer_b=reviewer_b,
        agency_admin=agency_admin,
        admin=admin,
    )


ANY_ADMIN_USER = admin_area(editor=OK, reviewer_a=OK, reviewer_b=OK, agency_admin=OK)
EDITORS = admin_area(editor=OK)
SUPERUSERS = admin_area()
EDITORS_AND_REVIEWERS = admin_area(editor=OK, reviewer_a=OK, reviewer_b=OK)
AGENCY_ADMINS = admin_area(agency_admin=OK)
PUBLIC = roles(OK)


@dataclass(frozen=True)
class Probe:
    """One request: ``url`` is formatted with the test world's values (ids, slugs)."""

    url: str
    method: str = "GET"
    data: dict | None = None
    expect: dict | None = None  # defaults to the route's
    note: str = ""


@dataclass(frozen=True)
class Route:
    pattern: str  # as the resolver spells it; a prefix when ``group``
    what: str
    expect: dict
    probes: tuple[Probe, ...] = ()
    group: bool = False  # Wagtail's own routes under this prefix
    extra: dict = field(default_factory=dict)

    def expected(self, probe: Probe) -> dict:
        return probe.expect or self.expect


def P(url, **kwargs) -> Probe:
    return Probe(url, **kwargs)


DECIDE_STALE = {"decision": "approve", "fingerprint": "0" * 64}

# -- our own routes: each one requested by every role ----------------------------------------

OWN_ROUTES = [
    # Citizens' site (Wagtail's page serving, with the guide's own routes).
    Route(
        r"^((?:[\w\-]+/)*)$",
        "home page and every live page (Wagtail's serve view)",
        PUBLIC,
        (P("/"), P("/{guide_slug}/")),
    ),
    Route(
        "page:guides.GuidePage:",
        "a guide (questions, then the tailored guide)",
        PUBLIC,
        (
            P("/{guide_slug}/?akasse=ja"),
            P("/{unpublished_slug}/", expect=roles(NOT_FOUND), note="never published: for nobody"),
        ),
    ),
    Route(
        "page:guides.GuidePage:udskriv/",
        "a guide's print view",
        PUBLIC,
        (P("/{guide_slug}/udskriv/?akasse=ja"), P("/{unpublished_slug}/udskriv/", expect=roles(NOT_FOUND))),
    ),
    Route(
        "page:guides.GuidePage:kalender.ics/",
        "a guide's calendar file (through the .ics route below)",
        PUBLIC,
        (P("/{guide_slug}/kalender.ics?akasse=ja&dato={today}"),),
    ),
    Route(
        r"^((?:[\w\-]+/)+[\w\-]+\.ics)$",
        "files under a page (kalender.ics), routed to Wagtail's serve view",
        PUBLIC,
        (
            P("/{guide_slug}/kalender.ics?akasse=ja&dato={today}"),
            P("/{unpublished_slug}/kalender.ics?akasse=ja&dato={today}", expect=roles(NOT_FOUND)),
        ),
    ),
    Route(
        "tilgaengelighedserklaering/",
        "the accessibility statement",
        PUBLIC,
        (P("/tilgaengelighedserklaering/"),),
    ),
    # The guide API.
    Route("api/v1/", "API root (nothing there)", roles(NOT_FOUND), (P("/api/v1/"),)),
    Route("api/v1/openapi.json", "the OpenAPI schema", PUBLIC, (P("/api/v1/openapi.json"),)),
    Route("api/v1/docs", "Swagger UI", PUBLIC, (P("/api/v1/docs"),)),
    Route("api/v1/guides/", "published guides", PUBLIC, (P("/api/v1/guides/"),)),
    Route(
        "api/v1/guides/<slug>/",
        "one published guide; a preview token reads its one draft revision",
        PUBLIC,
        (
            P("/api/v1/guides/{guide_slug}/?akasse=ja"),
            P(
                "/api/v1/guides/{unpublished_slug}/",
                expect=roles(NOT_FOUND, preview_token=FORBIDDEN),
                note="a session never grants a preview; a token only for its own guide",
            ),
        ),
    ),
    # Sign-off (guides/signoff).
    Route(
        "admin/godkendelse/",
        "what waits for the user's authority; open rounds of guides the user may edit",
        ANY_ADMIN_USER,
        (P("/admin/godkendelse/"),),
    ),
    Route(
        "admin/godkendelse/runde/<int:task_state_id>/",
        "one round: the user's authority's sections and their diffs",
        admin_area(editor=OK, reviewer_a=OK, admin=OK),
        (P("/admin/godkendelse/runde/{task_state}/"),),
    ),
    Route(
        "admin/godkendelse/afgoerelse/<int:request_id>/",
        "a decision on one section (POST only)",
        admin_area(
            editor=NOT_ALLOWED,
            reviewer_a=NOT_ALLOWED,
            reviewer_b=NOT_ALLOWED,
            agency_admin=NOT_ALLOWED,
            admin=NOT_ALLOWED,
        ),
        (
            P("/admin/godkendelse/afgoerelse/{request}/"),
            P(
                "/admin/godkendelse/afgoerelse/{request}/",
                method="POST",
                data=DECIDE_STALE,
                expect=admin_area(
                    editor=FORBIDDEN,
                    reviewer_a=CONFLICT,
                    reviewer_b=FORBIDDEN,
                    agency_admin=FORBIDDEN,
                    admin=FORBIDDEN,
                ),
                note="only the owner's reviewer gets past the membership check (here: a stale version, 409)",
            ),
        ),
    ),
    Route(
        "admin/godkendelse/noedudgivelse/<int:page_id>/",
        "emergency publish (permission + publish right + a reason)",
        SUPERUSERS,
        (
            P("/admin/godkendelse/noedudgivelse/{guide}/"),
            P(
                "/admin/godkendelse/noedudgivelse/{guide}/",
                method="POST",
                data={"reason": "for kort"},
                note="too short a reason: the form again, nothing published",
            ),
        ),
    ),
    Route(
        "admin/godkendelse/log/",
        "the sign-off log (editors: all; reviewers: their authority's)",
        EDITORS_AND_REVIEWERS,
        (P("/admin/godkendelse/log/"),),
    ),
    Route(
        "admin/godkendelse/log/results/",
        "the sign-off log's results",
        EDITORS_AND_REVIEWERS,
        (P("/admin/godkendelse/log/results/"),),
    ),
    # API preview tokens.
    Route(
        "admin/guides/<int:page_id>/api-preview/",
        "issue an API preview token (users who may edit the guide)",
        EDITORS,
        (
            P("/admin/guides/{guide}/api-preview/"),
            P(
                "/admin/guides/{guide}/api-preview/",
                method="POST",
                data={"revision": "0"},
                expect=admin_area(editor=BAD_REQUEST, admin=BAD_REQUEST),
                note="no such revision: 400, and no token",
            ),
        ),
    ),
    # Editor reports (guides/editorial).
    Route(
        "admin/vejviser/reports/coverage/",
        "audience coverage report",
        EDITORS,
        (P("/admin/vejviser/reports/coverage/"),),
    ),
    Route(
        "admin/vejviser/reports/coverage/results/",
        "its results",
        EDITORS,
        (P("/admin/vejviser/reports/coverage/results/"),),
    ),
    Route(
        "admin/vejviser/reports/coverage/<int:page_id>/",
        "one guide's sections × audiences",
        EDITORS,
        (P("/admin/vejviser/reports/coverage/{guide}/"),),
    ),
    Route(
        "admin/vejviser/reports/readability/",
        "readability (reviewers: own sections)",
        EDITORS_AND_REVIEWERS,
        (P("/admin/vejviser/reports/readability/"),),
    ),
    Route(
        "admin/vejviser/reports/readability/results/",
        "its results",
        EDITORS_AND_REVIEWERS,
        (P("/admin/vejviser/reports/readability/results/"),),
    ),
    Route(
        "admin/vejviser/reports/links/",
        "links (reviewers: own sections)",
        EDITORS_AND_REVIEWERS,
        (P("/admin/vejviser/reports/links/"),),
    ),
    Route(
        "admin/vejviser/reports/links/results/",
        "its results",
        EDITORS_AND_REVIEWERS,
        (P("/admin/vejviser/reports/links/results/"),),
    ),
    Route(
        "admin/vejviser/reports/review/",
        "review dates (reviewers: own sections)",
        EDITORS_AND_REVIEWERS,
        (P("/admin/vejviser/reports/review/"),),
    ),
    Route(
        "admin/vejviser/reports/review/results/",
        "its results",
        EDITORS_AND_REVIEWERS,
        (P("/admin/vejviser/reports/review/results/"),),
    ),
]


def _viewset_routes(prefix, name, pk, *, expect, read_expect=None, write_expect=None):
    """The routes of one of our ModelViewSets, each with a probe. A read-only log
    (``write_expect`` given) shows its list and inspect view only: its history and usage
    views need the change permission nobody has."""
    read_expect = read_expect or expect
    write_expect = write_expect or expect
    change_expect = write_expect
    specs = [
        ("", "list", read_expect, ""),
        ("results/", "list results", read_expect, "results/"),
        ("new/", "add", write_expect, "new/"),
        ("edit/<int:pk>/", "edit", write_expect, f"edit/{{{pk}}}/"),
        ("delete/<int:pk>/", "delete", write_expect, f"delete/{{{pk}}}/"),
        ("history/<int:pk>/", "history", change_expect, f"history/{{{pk}}}/"),
        ("history-results/<int:pk>/", "history results", change_expect, f"history-results/{{{pk}}}/"),
        ("usage/<int:pk>/", "usage", change_expect, f"usage/{{{pk}}}/"),
        ("inspect/<int:pk>/", "inspect", read_expect, f"inspect/{{{pk}}}/"),
    ]
    return [
        Route(f"{prefix}{suffix}", f"{name}: {what}", routes_expect, (P(f"/{prefix}{url}"),))
        for suffix, what, routes_expect, url in specs
    ]


def _uuid(routes):
    return [
        Route(route.pattern.replace("<int:pk>", "<uuid:pk>"), route.what, route.expect, route.probes)
        for route in routes
    ]


WEBHOOK_ROUTES = [
    *_viewset_routes(
        "admin/webhook_subscriptions/", "webhook subscribers", "subscription", expect=SUPERUSERS
    ),
    *_uuid(
        _viewset_routes(
            "admin/webhook_events/",
            "webhook events (read-only)",
            "event",
            expect=SUPERUSERS,
            write_expect=admin_area(admin=DENIED),
        )
    ),
    *_viewset_routes(
        "admin/webhook_deliveries/",
        "webhook deliveries (read-only)",
        "delivery",
        expect=SUPERUSERS,
        write_expect=admin_area(admin=DENIED),
    ),
]


def _snippet_routes():
    base = "admin/snippets/guides/authority/"
    specs = [
        ("", "list", ""),
        ("results/", "list results", "results/"),
        ("add/", "add", "add/"),
        ("edit/<int:pk>/", "edit", "edit/{authority}/"),
        ("delete/<int:pk>/", "delete", "delete/{authority}/"),
        ("usage/<int:pk>/", "usage", "usage/{authority}/"),
        ("history/<int:pk>/", "history", "history/{authority}/"),
        ("history-results/<int:pk>/", "history results", "history-results/{authority}/"),
        ("copy/<int:pk>/", "copy", "copy/{authority}/"),
    ]
    routes = [
        Route(f"{base}{suffix}", f"authorities: {what}", AGENCY_ADMINS, (P(f"/{base}{url}"),))
        for suffix, what, url in specs
    ]
    chooser = "admin/snippets/choose/guides/authority/"
    # Authorities are public facts (citizens see who wrote a section); editors choose them
    # in the page editor, and Wagtail opens snippet choosers to every admin user.
    chooser_expect = ANY_ADMIN_USER
    routes += [
        Route(
            f"{chooser}{suffix}",
            f"authority chooser (page editor): {what}",
            chooser_expect,
            (P(f"/{chooser}{url}"),),
        )
        for suffix, what, url in [
            ("", "choose", ""),
            ("results/", "results", "results/"),
            ("chosen/<str:pk>/", "chosen", "chosen/{authority}/"),
            ("chosen-multiple/", "chosen (several)", "chosen-multiple/?id={authority}"),
        ]
    ]
    routes.append(
        Route(f"{chooser}create/", "authority chooser: create", AGENCY_ADMINS, (P(f"/{chooser}create/"),))
    )
    return routes


OWN_ROUTES += WEBHOOK_ROUTES + _snippet_routes()

# -- Wagtail's own routes, grouped by prefix -------------------------------------------------

WAGTAIL_GROUPS = [
    Route(
        "admin/login/",
        "admin login (logged-in users are sent on)",
        roles(
            OK,
            editor=REDIRECT,
            reviewer_a=REDIRECT,
            reviewer_b=REDIRECT,
            agency_admin=REDIRECT,
            admin=REDIRECT,
        ),
        (P("/admin/login/"),),
        group=True,
    ),
    Route("admin/password_reset/", "password reset", PUBLIC, (P("/admin/password_reset/"),), group=True),
    Route("admin/jsi18n/", "the admin's translations", PUBLIC, (P("/admin/jsi18n/"),), group=True),
    Route("admin/sprite/", "the admin's icons", PUBLIC, (P("/admin/sprite/"),), group=True),
    Route(
        "_util/",
        "login and password forms of view-restricted pages",
        PUBLIC,
        (P("/_util/login/"), P("/_util/authenticate_with_password/{page_restriction}/{unpublished}/")),
        group=True,
    ),
    Route(
        "documents/",
        "documents; a private collection's only to its group",
        roles(LOGIN, editor=OK, reviewer_a=LOGIN, reviewer_b=LOGIN, agency_admin=LOGIN, admin=OK),
        (
            P("/documents/{document}/{document_filename}"),
            P("/documents/authenticate_with_password/{collection_restriction}/", expect=PUBLIC),
        ),
        group=True,
    ),
    Route(
        "^media/",
        "uploaded files straight from disk: development only (cms/urls.py adds it with DEBUG)",
        PUBLIC,
        (),
        group=True,
        extra={"debug_only": True},
    ),
    Route("admin/", "dashboard", ANY_ADMIN_USER, (P("/admin/"),), group=True),
    Route("admin/account/", "own account", ANY_ADMIN_USER, (P("/admin/account/"),), group=True),
    Route("admin/logout/", "log out (POST)", ANY_ADMIN_USER, (), group=True),
    Route("admin/dismissibles/", "dismissed hints (POST)", ANY_ADMIN_USER, (), group=True),
    Route("admin/editing-sessions/", "editing sessions (POST, own sessions)", ANY_ADMIN_USER, (), group=True),
    Route("admin/block-preview/", "block previews", ANY_ADMIN_USER, (), group=True),
    Route("admin/tag-autocomplete/", "tag autocomplete", ANY_ADMIN_USER, (), group=True),
    Route(
        "admin/test404/",
        "the admin's 404 page, as a page",
        ANY_ADMIN_USER,
        (P("/admin/test404/"),),
        group=True,
    ),
    Route(
        "admin/failwhale/",
        "the admin's 500 page",
        admin_area(
            editor=SERVER_TEST,
            reviewer_a=SERVER_TEST,
            reviewer_b=SERVER_TEST,
            agency_admin=SERVER_TEST,
            admin=SERVER_TEST,
        ),
        (),
        group=True,
    ),
    Route(
        "admin/^.*/$",
        "anything else under /admin/",
        admin_area(
            editor=NOT_FOUND,
            reviewer_a=NOT_FOUND,
            reviewer_b=NOT_FOUND,
            agency_admin=NOT_FOUND,
            admin=NOT_FOUND,
        ),
        (P("/admin/findes-ikke/"),),
        group=True,
    ),
    Route(
        "admin/pages/",
        "page tree, editor, preview, revisions, compare, history, search, copy, move, delete "
        "(only for users with page permissions: guides/security/admin_scope.py)",
        EDITORS,
        (
            P(
                "/admin/pages/",
                expect=admin_area(editor=REDIRECT),
                note="editors are taken to their part of the tree",
            ),
            P("/admin/pages/{home}/"),
            P("/admin/pages/{guide}/edit/"),
            P("/admin/pages/{guide}/edit/preview/"),
            P("/admin/pages/{guide}/view_draft/"),
            P(
                "/admin/pages/{guide}/revisions/",
                expect=admin_area(editor=REDIRECT, admin=REDIRECT),
                note="a redirect to the history",
            ),
            P("/admin/pages/workflow/confirm_cancellation/{guide}/"),
            P("/admin/pages/{guide}/revisions/{latest_revision}/view/"),
            P("/admin/pages/{guide}/revisions/compare/{live_revision}...{latest_revision}/"),
            P("/admin/pages/{guide}/history/"),
            P("/admin/pages/{guide}/workflow_history/"),
            P("/admin/pages/{guide}/workflow_history/detail/{workflow_state}/"),
            P("/admin/pages/{guide}/copy/"),
            P("/admin/pages/{guide}/usage/"),
            P("/admin/pages/{guide}/unpublish/"),
            P("/admin/pages/{guide}/privacy/"),
            P("/admin/pages/search/?q=Guide"),
        ),
        group=True,
    ),
    Route(
        "admin/pages/workflow/",
        "Wagtail's whole-page workflow actions and previews (our task offers none)",
        admin_area(),
        (P("/admin/pages/workflow/preview/{guide}/{task}/", expect=admin_area(editor=DENIED, admin=DENIED)),),
        group=True,
    ),
    Route(
        "admin/bulk/",
        "bulk actions on pages (only for users with page permissions: guides/security/admin_scope.py)",
        EDITORS,
        (
            P("/admin/bulk/wagtailcore/page/publish/?id={guide}"),
            P("/admin/bulk/wagtailcore/page/publish/?id={unpublished}"),
        ),
        group=True,
    ),
    Route(
        "admin/api/main/",
        "the admin's page/document/image API (pages: only for users with page permissions)",
        EDITORS,
        (
            P("/admin/api/main/pages/"),
            P("/admin/api/main/pages/?child_of={home}"),
            P("/admin/api/main/pages/{guide}/"),
            P("/admin/api/main/documents/", expect=ANY_ADMIN_USER, note="only documents the user may choose"),
        ),
        group=True,
    ),
    Route(
        "admin/choose-page/",
        "page chooser (only for users with page permissions: it names drafts too)",
        EDITORS,
        (P("/admin/choose-page/"), P("/admin/choose-page/{home}/"), P("/admin/choose-page/search/?q=Guide")),
        group=True,
    ),
    Route(
        "admin/choose-",
        "link choosers (external, e-mail, phone, anchor)",
        ANY_ADMIN_USER,
        (P("/admin/choose-external-link/"),),
        group=True,
    ),
    Route("admin/documents/", "documents in the admin", EDITORS, (P("/admin/documents/"),), group=True),
    Route(
        "admin/images/",
        "images in the admin",
        SUPERUSERS,
        (P("/admin/images/"), P("/admin/images/{image}/")),
        group=True,
    ),
    Route("admin/collections/", "collections", SUPERUSERS, (P("/admin/collections/"),), group=True),
    Route("admin/workflows/", "workflows and tasks", SUPERUSERS, (P("/admin/workflows/list/"),), group=True),
    Route(
        "admin/reports/",
        "Wagtail's reports, each filtered to what the user may see",
        ANY_ADMIN_USER,
        (
            P("/admin/reports/site-history/"),
            P("/admin/reports/workflow/", expect=EDITORS),
            P("/admin/reports/locked/", expect=EDITORS),
        ),
        group=True,
    ),
    Route(
        "admin/forms/",
        "form submissions (of form pages the user may edit)",
        EDITORS,
        (P("/admin/forms/"),),
        group=True,
    ),
    Route("admin/redirects/", "redirects", SUPERUSERS, (P("/admin/redirects/"),), group=True),
    Route("admin/settings/", "site settings", SUPERUSERS, (), group=True),
    Route("admin/embeds/", "embed chooser", EDITORS, (), group=True),
    Route(
        "admin/snippets/",
        "snippets index (sends on to the snippet lists)",
        admin_area(
            editor=REDIRECT, reviewer_a=REDIRECT, reviewer_b=REDIRECT, agency_admin=REDIRECT, admin=REDIRECT
        ),
        (P("/admin/snippets/"),),
        group=True,
    ),
    Route("admin/sites/", "sites", SUPERUSERS, (P("/admin/sites/"),), group=True),
    Route(
        "admin/users/",
        "users",
        SUPERUSERS,
        (P("/admin/users/"), P("/admin/users/edit/{user}/")),
        group=True,
    ),
    Route(
        "admin/groups/",
        "groups and their permissions",
        SUPERUSERS,
        (P("/admin/groups/"), P("/admin/groups/edit/{reviewer_group}/")),
        group=True,
    ),
]

ALL_ROUTES = OWN_ROUTES + WAGTAIL_GROUPS


def route_for(pattern: str) -> Route | None:
    """The matrix entry covering a walked URL pattern: our own exactly, else the longest
    Wagtail group whose prefix it starts with."""
    for route in OWN_ROUTES:
        if route.pattern == pattern:
            return route
    groups = [route for route in WAGTAIL_GROUPS if pattern.startswith(route.pattern)]
    return max(groups, key=lambda route: len(route.pattern)) if groups else None


# -- docs/security.md ----------------------------------------------------------------------

DOC = Path(__file__).resolve().parent.parent.parent / "docs" / "security.md"
BEGIN = "<!-- access-matrix:begin (generated by tests/security/access_matrix.py) -->"
END = "<!-- access-matrix:end -->"


def _cell(value: str) -> str:
    return value.replace("|", "\\|")


def render_markdown() -> str:
    header = "| route | what | " + " | ".join(ROLE_TITLES[role] for role in ROLES) + " |"
    lines = [header, "|" + " --- |" * (len(ROLES) + 2)]
    for route in ALL_ROUTES:
        name = f"`{_cell(route.pattern)}`" + (" (and below)" if route.group else "")
        cells = [_cell(route.expect[role]) for role in ROLES]
        lines.append(f"| {name} | {_cell(route.what)} | " + " | ".join(cells) + " |")
        for probe in route.probes:
            if probe.expect and probe.expect != route.expect:
                cells = [_cell(probe.expect[role]) for role in ROLES]
                label = f"{probe.method} `{_cell(probe.url)}`"
                note = f" ({_cell(probe.note)})" if probe.note else ""
                lines.append(f"| ↳ {label} |{note} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def documented_table() -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(re.escape(BEGIN) + r"\n(.*?)\n" + re.escape(END), text, re.S)
    return match.group(1) if match else ""


def write_docs() -> None:
    text = DOC.read_text(encoding="utf-8")
    block = f"{BEGIN}\n{render_markdown()}\n{END}"
    if BEGIN in text:
        text = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text += "\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_docs()
