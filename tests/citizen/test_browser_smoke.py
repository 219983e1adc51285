"""The demo guide in a real browser, without JavaScript and with it."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A click on the submit button starts a navigation that click() does not wait for:
# expect() retries until the next page shows what it should (or times out).


def test_member_gets_a_checklist_by_clicking_through_the_form(page, live_server, demo):
    page.goto(f"{live_server.url}/hvis-du-bliver-ledig/")
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Vis min guide").click()
    expect(page.get_by_role("heading", name="Din tjekliste")).to_be_visible()
    assert "akasse=ja" in page.url


def test_age_question_appears_at_once_with_javascript(page, live_server, demo):
    page.goto(f"{live_server.url}/hvis-du-bliver-ledig/")
    assert not page.get_by_text("Hvor gammel er du?").is_visible()
    page.get_by_label("Nej").check()
    expect(page.get_by_text("Hvor gammel er du?")).to_be_visible()
    page.get_by_label("Under 30 år").check()
    page.get_by_role("button", name="Vis min guide").click()
    expect(page.get_by_role("heading", name="Din tjekliste")).to_be_visible()
    assert "alder=under-30" in page.url


def test_age_question_works_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    tab = context.new_page()
    tab.goto(f"{live_server.url}/hvis-du-bliver-ledig/")
    assert not tab.get_by_text("Hvor gammel er du?").is_visible()
    tab.get_by_label("Nej").check()
    tab.get_by_role("button", name="Vis min guide").click()
    expect(tab.get_by_text("Hvor gammel er du?")).to_be_visible()
    tab.get_by_label("Under 30 år").check()
    tab.get_by_role("button", name="Vis min guide").click()
    expect(tab.get_by_role("heading", name="Din tjekliste")).to_be_visible()
    assert "akasse=nej&alder=under-30" in tab.url
    context.close()
