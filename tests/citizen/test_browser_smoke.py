"""The demo guide in a real browser, without JavaScript and with it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_gets_a_checklist_by_clicking_through_the_form(page, live_server, demo):
    page.goto(f"{live_server.url}/hvis-du-bliver-ledig/")
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Vis min guide").click()
    assert page.get_by_role("heading", name="Din tjekliste").is_visible()
    assert "akasse=ja" in page.url


def test_age_question_appears_at_once_with_javascript(page, live_server, demo):
    page.goto(f"{live_server.url}/hvis-du-bliver-ledig/")
    assert not page.get_by_text("Hvor gammel er du?").is_visible()
    page.get_by_label("Nej").check()
    assert page.get_by_text("Hvor gammel er du?").is_visible()
    page.get_by_label("Under 30 år").check()
    page.get_by_role("button", name="Vis min guide").click()
    assert "alder=under-30" in page.url
    assert page.get_by_role("heading", name="Din tjekliste").is_visible()


def test_age_question_works_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    tab = context.new_page()
    tab.goto(f"{live_server.url}/hvis-du-bliver-ledig/")
    assert not tab.get_by_text("Hvor gammel er du?").is_visible()
    tab.get_by_label("Nej").check()
    tab.get_by_role("button", name="Vis min guide").click()
    assert tab.get_by_text("Hvor gammel er du?").is_visible()
    tab.get_by_label("Under 30 år").check()
    tab.get_by_role("button", name="Vis min guide").click()
    assert "akasse=nej&alder=under-30" in tab.url
    assert tab.get_by_role("heading", name="Din tjekliste").is_visible()
    context.close()
