"""The sign-off flow tried as its users would, in headless Chromium against the demo.

redaktoer edits the tax section and a KL section of the unemployment guide and submits;
godkender-skat sees only the tax section with its diff and signs it off; godkender-kl
asks for changes; redaktoer fixes the text and resubmits; only the KL section is asked
again; when KL signs off, the guide is published and the public page shows the new text.
"""

import re

import pytest

from guides.models import GuidePage
from guides.signoff.models import SignOffRequest
from tests.browser import artifact_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TAX = "Ret din forskudsopgørelse"
KL = "Meld dig ledig på din første dag"


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "vejviser-demo")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def append_to_section(page, heading, text):
    """Type at the end of the first rich text block of the section with this heading."""
    name = page.eval_on_selector_all(
        "input[name^='body-'][name$='-value-heading']",
        "(inputs, heading) => inputs.find(i => i.value === heading).name",
        heading,
    )
    prefix = name.removesuffix("-value-heading")
    editor = (
        page.locator(f"input[name='{prefix}-value-content-0-value']")
        .locator("xpath=..")
        .locator("[contenteditable=true]")
    )
    # Let the editor settle first, as a person reading the page would: typed at once, the
    # change was sometimes made before Wagtail's autosave was watching the form (about one
    # run in two on a loaded machine), and no autosave followed.
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)
    editor.click()
    page.keyboard.press("Control+End")
    # Wagtail 8 autosaves 500 ms after typing; wait for that save to come back, as a person
    # would, so the next action is made from the form the autosave brought up to date.
    with page.expect_response(is_autosave, timeout=30_000):
        page.keyboard.type(text)


def is_autosave(response) -> bool:
    edit_url = re.search(r"/admin/pages/\d+/edit/$", response.url)
    return response.request.method == "POST" and edit_url is not None


def submit_for_sign_off(page):
    button = page.get_by_role("button", name=re.compile("Godkendelse af guides"))
    if not button.is_visible():
        page.locator("footer").get_by_role("button", name=re.compile("More actions|Flere handlinger")).click()
    button.click()
    page.wait_for_load_state("networkidle")


def open_round_for(page, base, guide_title):
    page.goto(f"{base}/admin/godkendelse/")
    page.get_by_role("link", name=guide_title).first.click()
    page.wait_for_url(re.compile(r"/admin/godkendelse/runde/\d+/$"))


def decision_form(page, heading, decision):
    section = page.locator("section.signoff-item", has=page.get_by_role("heading", name=heading))
    return section, section.locator(f"form:has(input[name=decision][value={decision}])")


def test_editor_and_two_authorities_take_a_guide_through_sign_off(page, live_server, demo):
    base = live_server.url
    guide = demo["hvis-du-bliver-ledig"]

    # The editor changes two sections and submits.
    log_in(page, base, "redaktoer")
    page.goto(f"{base}/admin/pages/{guide.pk}/edit/")
    append_to_section(page, TAX, " Husk også at rette dit fradrag.")
    append_to_section(page, KL, " Det gælder også på en helligdag.")
    submit_for_sign_off(page)
    state = GuidePage.objects.get(pk=guide.pk).current_workflow_state
    assert state is not None and state.status == "in_progress"
    first_round = state.current_task_state
    assert sorted(first_round.specific.requests.values_list("heading", flat=True)) == sorted([TAX, KL])

    # Skattestyrelsen sees only its own section, with what changed, and signs it off.
    log_in(page, base, "godkender-skat")
    open_round_for(page, base, guide.title)
    headings = page.locator("section.signoff-item h2").all_inner_texts()
    assert headings == [TAX]
    assert "Husk også at rette dit fradrag." in page.locator("section.signoff-item ins").all_inner_texts()[-1]
    page.screenshot(path=str(artifact_path("signoff-review-skat.png")), full_page=True)
    _, approve = decision_form(page, TAX, "approve")
    approve.locator("button").click()
    page.wait_for_load_state("networkidle")
    assert SignOffRequest.objects.get(task_state=first_round, heading=TAX).status == "approved"

    # KL asks for changes, with a comment.
    log_in(page, base, "godkender-kl")
    open_round_for(page, base, guide.title)
    assert page.locator("section.signoff-item h2").all_inner_texts() == [KL]
    section, request_changes = decision_form(page, KL, "request_changes")
    section.locator("summary").click()
    request_changes.locator("textarea").fill("Skriv »kommunen (jobcenter)« i stedet for jobcenteret.")
    request_changes.locator("button").click()
    page.wait_for_load_state("networkidle")
    state.refresh_from_db()
    assert state.status == "needs_changes"

    # The editor fixes the KL section and resubmits; only the KL section is asked again.
    log_in(page, base, "redaktoer")
    page.goto(f"{base}/admin/pages/{guide.pk}/edit/")
    append_to_section(page, KL, " Kommunen (jobcenter) hjælper dig.")
    resubmit = page.get_by_role("button", name=re.compile("Godkendelse af guides|Resubmit|Indsend igen"))
    if not resubmit.first.is_visible():
        page.locator("footer").get_by_role("button", name=re.compile("More actions|Flere handlinger")).click()
    resubmit.first.click()
    page.wait_for_load_state("networkidle")
    state.refresh_from_db()
    second_round = state.current_task_state.specific
    assert second_round.pk != first_round.pk
    assert list(second_round.requests.values_list("heading", flat=True)) == [KL]

    # KL signs off; the guide goes live with both changes.
    log_in(page, base, "godkender-kl")
    open_round_for(page, base, guide.title)
    _, approve = decision_form(page, KL, "approve")
    approve.locator("button").click()
    page.wait_for_load_state("networkidle")

    page.context.clear_cookies()
    page.goto(f"{base}/hvis-du-bliver-ledig/?akasse=ja")
    body = page.locator("main").inner_text()
    assert "Husk også at rette dit fradrag." in body
    assert "Kommunen (jobcenter) hjælper dig." in body
    page.screenshot(path=str(artifact_path("signoff-published.png")), full_page=False)
