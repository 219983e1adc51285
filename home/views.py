"""The accessibility statement (Tilgængelighedserklæring).

A plain Django view, not a Wagtail page, on purpose: what the statement claims comes
from ``home.accessibility`` (the declarations the accessibility tests run) and from the
tests' run report, not from text an editor could change without changing the tests.
"""

from __future__ import annotations

import re
from importlib import resources

from django.conf import settings
from django.template.response import TemplateResponse

from home import accessibility


def bundled_axe_version() -> str:
    """The axe-core version the tests would use, when the test tools are installed."""
    try:
        script = resources.files("axe_playwright_python").joinpath("axe.min.js")
        with script.open(encoding="utf-8") as handle:
            head = handle.read(200)
    except (ModuleNotFoundError, OSError):
        return ""
    match = re.search(r"axe v(\d+\.\d+\.\d+)", head)
    return match.group(1) if match else ""


def contact_email() -> str:
    if settings.ACCESSIBILITY_CONTACT_EMAIL:
        return settings.ACCESSIBILITY_CONTACT_EMAIL
    from guides.models import Authority

    # The authority that owns every guide's frame (Digitaliseringsstyrelsen) edits the
    # guides and answers for the site as a whole.
    editor = Authority.objects.filter(owns_frame=True).only("contact_email").first()
    return editor.contact_email if editor else ""


def accessibility_statement(request):
    report = accessibility.RunReport.load(settings.ACCESSIBILITY_REPORT)
    status = report.status() if report else None
    context = {
        "standard": accessibility.STANDARD,
        "standard_url": accessibility.STANDARD_URL,
        "tags": accessibility.AXE_TAGS,
        "pages": [
            {"check": page, "result": report.page_result(page.key) if report else None}
            for page in accessibility.PAGES
        ],
        "flows": [
            {"check": flow, "passed": report.flow_passed(flow) if report else False}
            for flow in accessibility.FLOWS
        ],
        "not_covered": accessibility.NOT_COVERED,
        "demo_guides": accessibility.DEMO_GUIDES,
        "phone": accessibility.PHONE,
        "desktop": accessibility.DESKTOP,
        "report": report,
        "status": status,
        "axe_version": (report.axe_version if report else "") or bundled_axe_version(),
        "contact_email": contact_email(),
    }
    return TemplateResponse(request, "home/accessibility_statement.html", context)
