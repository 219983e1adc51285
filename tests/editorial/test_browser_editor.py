"""The editor tools in a real browser (headless Chromium, the demo and a crafted guide)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import artifact_path
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "vejviser-demo"


def log_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def open_preview_panel(page):
    page.click('[data-side-panel-toggle="preview"]')
    frame = page.frame_locator("#w-preview-iframe")
    frame.locator("h1").wait_for()
    return frame


def section_headings(frame):
    """The guide sections' headings in the preview (overview or one audience)."""
    return frame.locator("section.vejviser-section > h2").all_inner_texts()


def answers_text(guide, answers):
    return [answer.label for _, answer in guide.document.questionnaire.describe_answers(answers)][-1]


def test_editor_switches_preview_modes_and_sees_each_audiences_sections(page, live_server, demo):
    log_in(page, live_server, "redaktoer", DEMO_PASSWORD)
    guide = demo["hvis-du-bliver-ledig"]
    page.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")
    frame = open_preview_panel(page)
    mode = page.locator("#id_preview_mode")
    options = mode.locator("option").all_inner_texts()
    assert options == [
        "Alle afsnit med målgrupper",
        "A-kasse: Ja",
        "A-kasse: Nej · Alder: Under 30 år",
        "A-kasse: Nej · Alder: 30 år eller derover",
    ]

    # The overview: every section, labelled with its audience and owner.
    frame.locator(".editorial-condition").first.wait_for()
    assert section_headings(frame) == [section.heading for section in guide.document.sections]
    assert "A-kasse: Nej · Alder: Under 30 år" in frame.locator(".editorial-condition").all_inner_texts()

    seen = {}
    for answers in guide.document.audiences:
        label = guide.document.questionnaire.audience_label(answers)
        mode.select_option(label=label)
        tailored = guide.document.tailor(answers)
        expected = [section.heading for section in tailored.sections if section.has_prose]
        # The preview reloads in the background: wait until it shows this audience.
        expect(frame.locator("section.vejviser-section > h2")).to_have_text(expected)
        expect(frame.locator(".vejviser-answer-list")).to_contain_text(answers_text(guide, answers))
        seen[label] = section_headings(frame)
    assert len({tuple(headings) for headings in seen.values()}) == len(seen)
    page.screenshot(path=str(artifact_path("editor-preview-audience.png")))


def test_quality_tab_notices_and_content_checks_for_a_guide_with_defects(page, live_server, crafted, editor):
    log_in(page, live_server, editor.username, PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/{crafted.pk}/edit/")

    # The findings appear on the sections themselves in the content tab.
    notice = page.locator(".editorial-section-notice", has_text="LIX")
    notice.wait_for()
    hard = next(section for section in crafted.document.sections if section.heading == "Dokumentationskrav")
    assert page.locator(f'[data-contentpath="{hard.id}"] .editorial-section-notice').count() == 1

    # The Quality tab lists the coverage problems.
    page.get_by_role("tab", name="Kvalitet").click()
    problems = page.locator(".editorial-problem-list")
    assert "Medlem under 30" in problems.inner_text()

    # Wagtail's checks panel reports the hard section of the overview preview.
    open_preview_panel(page)
    page.click('[data-side-panel-toggle="checks"]')
    issue = page.locator("[data-checks-panel]", has_text="LIX")
    issue.wait_for()
    assert "svær" in issue.inner_text().lower() or "45" in issue.inner_text()
    page.screenshot(path=str(artifact_path("editor-checks-panel.png")))
