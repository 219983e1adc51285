"""Four eyes by authorship (finding 4, case 34), approvals count for the wording the
authority last approved, and what a decision costs (constant in the history length)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from guides.models import GuidePage
from guides.signoff import actions, setup
from guides.signoff.guard import SignOffRequired
from guides.signoff.models import SignOffRequest, UnitWording
from tests.admin_forms import guide_form_data
from tests.factories import make_guide
from tests.signoff.conftest import edit_section

pytestmark = pytest.mark.django_db

TAX = "Afsnit skat"


@pytest.fixture
def draft(home, authorities, editor, workflow):
    return make_guide(home, user=editor, publish=False)


def submit(page, user):
    state = setup.submit(GuidePage.objects.get(pk=page.pk), user)
    return state.current_task_state.specific


def tax_request(task_state):
    return task_state.requests.get(heading=TAX, status=SignOffRequest.PENDING)


class TestFourEyesByAuthorship:
    def test_a_colleagues_undo_does_not_make_her_own_words_approvable_by_her(self, draft, editor, reviewers):
        skat = reviewers["skat"]
        edit_section(draft, TAX, "Skattestyrelsens egen tekst", user=skat)
        edit_section(draft, TAX, "Redaktørens ændring", user=editor)
        edit_section(draft, TAX, "Skattestyrelsens egen tekst", user=editor)  # the undo
        task_state = submit(draft, editor)
        with pytest.raises(actions.FourEyesViolation):
            actions.decide(tax_request(task_state).pk, skat, actions.APPROVE)

    def test_wagtails_revert_does_not_make_her_own_words_approvable_by_her(
        self, client, draft, editor, reviewers, second_reviewers
    ):
        skat = reviewers["skat"]
        hers = edit_section(draft, TAX, "Skattestyrelsens egen tekst", user=skat)
        edit_section(draft, TAX, "Redaktørens ændring", user=editor)
        client.force_login(editor)
        data = guide_form_data(hers.as_object())
        data["revision"] = str(hers.pk)
        client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
        page = GuidePage.objects.get(pk=draft.pk)
        assert page.get_latest_revision().user == editor
        assert "Skattestyrelsens egen tekst" in str(page.get_latest_revision_as_object().body.raw_data)
        task_state = submit(page, editor)
        request = tax_request(task_state)
        assert not actions.Decide(request, skat).is_allowed()
        with pytest.raises(actions.FourEyesViolation):
            actions.decide(request.pk, skat, actions.APPROVE)
        actions.decide(request.pk, second_reviewers["skat"], actions.APPROVE)

    def test_pasting_her_own_earlier_wording_back_after_a_newer_approval_needs_someone_else(
        self, published_guide, editor, reviewers, second_reviewers
    ):
        skat, other = reviewers["skat"], second_reviewers["skat"]
        edit_section(published_guide, TAX, "Sats 100 kr.", user=skat)
        actions.decide(tax_request(submit(published_guide, editor)).pk, other, actions.APPROVE)
        edit_section(published_guide, TAX, "Sats 120 kr.", user=editor)
        actions.decide(tax_request(submit(published_guide, editor)).pk, other, actions.APPROVE)
        edit_section(published_guide, TAX, "Sats 100 kr.", user=skat)  # pasted back
        task_state = submit(published_guide, editor)
        with pytest.raises(actions.FourEyesViolation):
            actions.decide(tax_request(task_state).pk, skat, actions.APPROVE)

    def test_authorship_is_recorded_per_changed_unit_when_a_revision_is_saved(self, draft, editor, reviewers):
        revision = edit_section(draft, TAX, "Ny tekst", user=reviewers["skat"])
        (row,) = UnitWording.objects.filter(revision_id=revision.pk)  # only the tax section changed
        tax = next(block for block in draft.body if block.value["heading"] == TAX)
        assert (row.unit_id, row.user_id) == (tax.id, reviewers["skat"].pk)

    def test_the_review_screen_shows_no_approve_button_to_the_author(self, client, draft, editor, reviewers):
        skat = reviewers["skat"]
        edit_section(draft, TAX, "Skattestyrelsens egen tekst", user=skat)
        task_state = submit(draft, editor)
        client.force_login(skat)
        response = client.get(reverse("signoff:review", args=[task_state.pk]))
        (item,) = response.context["items"]
        assert not item["can_decide"]
        html = response.content.decode()
        assert 'value="approve"' not in html
        assert "fire øjne" in html


class TestTheLatestApprovedWordingCounts:
    def test_reverting_to_an_outdated_amount_needs_the_authority_again(
        self, published_guide, editor, reviewers
    ):
        original = published_guide.get_latest_revision_as_object()
        edit_section(published_guide, TAX, "Ny sats 120 kr.", user=editor)
        actions.decide(tax_request(submit(published_guide, editor)).pk, reviewers["skat"], actions.APPROVE)
        assert "120 kr." in str(GuidePage.objects.get(pk=published_guide.pk).body.raw_data)
        old = original.save_revision(user=editor)  # back to the wording approved before
        with pytest.raises(SignOffRequired, match=TAX):
            old.publish(user=editor)
        task_state = submit(published_guide, editor)
        assert [request.heading for request in task_state.requests.all()] == [TAX]

    def test_other_units_keep_their_approvals(self, published_guide, editor, reviewers):
        edit_section(published_guide, TAX, "Ny sats", user=editor)
        task_state = submit(published_guide, editor)
        assert list(task_state.requests.values_list("heading", flat=True)) == [TAX]


def history(page, editor, count):
    for index in range(count):
        edit_section(page, "Afsnit pension", f"Pension version {index}", user=editor)


@pytest.mark.parametrize("decision", [actions.APPROVE, actions.REQUEST_CHANGES])
def test_a_decision_costs_the_same_with_2_and_50_revisions_of_history(
    home, authorities, editor, workflow, reviewers, decision
):
    from tests.factories import guide_data

    counts = []
    for length, slug in ((2, "kort-historik"), (50, "lang-historik")):
        page = make_guide(home, guide_data(slug), user=editor, publish=False)
        history(page, editor, length - 1)
        task_state = submit(page, editor)
        request = tax_request(task_state)  # not the last pending one: no publish in this decision
        with CaptureQueriesContext(connection) as queries:
            actions.decide(request.pk, reviewers["skat"], decision, comment="Ret det.")
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_last_approval_costs_a_bounded_number_of_queries_and_one_parse(
    home, authorities, editor, workflow, reviewers, monkeypatch
):
    from guides.document import GuideDocument

    page = make_guide(home, user=editor, publish=False)
    task_state = submit(page, editor)
    requests = list(task_state.requests.select_related("authority").order_by("pk"))
    for request in requests[:-1]:
        actions.decide(request.pk, reviewers[request.authority.code], actions.APPROVE)
    parses = []
    original = GuideDocument.from_page.__func__
    monkeypatch.setattr(
        GuideDocument, "from_page", classmethod(lambda cls, p: parses.append(1) or original(cls, p))
    )
    last = requests[-1]
    with CaptureQueriesContext(connection) as queries:
        actions.decide(last.pk, reviewers[last.authority.code], actions.APPROVE)
    assert GuidePage.objects.get(pk=page.pk).live
    assert len(queries) <= 120, len(queries)  # 129 before issue 12
    assert len(parses) == 1, len(parses)  # 4 before issue 12
