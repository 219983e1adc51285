"""Case 8 in a real browser: the Content-Security-Policy blocks nothing the site needs.

The citizen pages (strict policy), the admin's guide editor with its live preview (the
admin's policy, framing itself) and the API's Swagger UI (its own policy) load in headless
Chromium without a single CSP violation, and the preview and Swagger UI actually render.
"""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "vejviser-demo"


@pytest.fixture
def violations(page):
    seen = []
    page.on(
        "console",
        lambda message: seen.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return seen


def test_citizen_pages_load_without_csp_violations(page, live_server, demo, violations):
    for path in (
        "/",
        "/hvis-du-bliver-ledig/",
        "/hvis-du-bliver-ledig/?akasse=nej",
        "/hvis-du-bliver-ledig/?akasse=nej&alder=under-30",
        "/hvis-du-bliver-ledig/udskriv/?akasse=ja",
        "/tilgaengelighedserklaering/",
    ):
        page.goto(live_server.url + path)
        page.locator("h1").first.wait_for()
    # The conditional question still appears at once with JavaScript (our own script file).
    page.goto(live_server.url + "/hvis-du-bliver-ledig/")
    page.check("#q-akasse-nej")
    page.locator("#q-alder").wait_for(state="visible")
    assert violations == []


def test_admin_editor_with_live_preview_and_api_docs_load_without_csp_violations(
    page, live_server, demo, violations
):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "redaktoer")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    guide = demo["hvis-du-bliver-ledig"]
    page.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")
    page.click('[data-side-panel-toggle="preview"]')
    page.frame_locator("#w-preview-iframe").locator("h1").wait_for()
    page.goto(f"{live_server.url}/admin/godkendelse/")
    page.locator("h1").first.wait_for()

    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".swagger-ui .info .title").wait_for()
    assert violations == []
