"""The Quality tab of the guide editor and the submit confirmation, through the real edit view."""

import json
import re

import pytest
from django.urls import reverse

from guides import services
from guides.editorial import linkcheck
from guides.editorial.models import LinkCheck
from guides.editorial.tasks import check_guide_links
from guides.models import GuidePage
from tests.admin_forms import guide_form_data
from tests.factories import guide_data

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def open_editor(client, page):
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return response.content.decode()


def notices(html) -> dict:
    match = re.search(
        r'<script id="editorial-section-notices" type="application/json">(.*?)</script>', html, re.S
    )
    return json.loads(match.group(1))


def quality_tab(html) -> str:
    return html.split("data-editorial-checks", 1)[1].split('id="editorial-section-notices"', 1)[0]


class TestQualityTab:
    def test_demo_guides_have_full_coverage_and_every_section_and_audience_in_the_matrix(
        self, client, demo, demo_editor
    ):
        client.force_login(demo_editor)
        for page in demo.values():
            html = open_editor(client, page)
            tab = quality_tab(html)
            assert "Alle afsnit når en målgruppe, og alle målgrupper får en tjekliste." in tab
            document = page.document
            for section in document.sections:
                assert f'data-section-id="{section.id}"' in tab
            for answers in document.audiences:
                assert document.questionnaire.audience_label(answers) in tab

    def test_matrix_marks_exactly_the_audiences_that_see_each_demo_section(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        page = demo["hvis-du-bliver-ledig"]
        tab = quality_tab(open_editor(client, page))
        matrix = tab.split("editorial-matrix", 1)[1].split("</tbody>", 1)[0]
        document = page.document
        for section in document.sections:
            row = matrix.split(f'data-section-id="{section.id}"', 1)[1].split("</tr>", 1)[0]
            ticks = [cell == "✓" for cell in re.findall(r'<span aria-hidden="true">(.)</span>', row)]
            assert ticks == [section.condition.matches(answers) for answers in document.audiences]

    def test_crafted_defects_are_listed(self, client, crafted, editor):
        client.force_login(editor)
        tab = quality_tab(open_editor(client, crafted))
        assert "Medlem under 30" in tab
        assert "Ingen målgruppe ser afsnittet »Medlem under 30«" in tab
        assert "Målgruppen »A-kasse: Nej · Alder: 30 eller derover« får en tom tjekliste." in tab

    def test_dangling_condition_of_a_stored_draft_is_listed(self, client, crafted_draft, editor):
        client.force_login(editor)
        tab = quality_tab(open_editor(client, crafted_draft))
        assert "»maaske«" in tab

    def test_sections_get_their_own_notices(self, client, crafted, editor, links):
        check_guide_links.enqueue(crafted.pk)
        client.force_login(editor)
        found = notices(open_editor(client, crafted))
        by_heading = {section.heading: found.get(section.id, []) for section in crafted.document.sections}
        assert any("LIX" in message for message in by_heading["Dokumentationskrav"])
        assert any(
            links.url("/missing") in message and "404" in message
            for message in by_heading["Dagpenge fra a-kassen"]
        )
        assert any("2020" in message for message in by_heading["Dagpenge fra a-kassen"])
        assert len(by_heading["Medlem under 30"]) == 1
        assert by_heading["Ung og ledig"] == []

    def test_link_results_are_shown_per_section(self, client, crafted, editor, links):
        check_guide_links.enqueue(crafted.pk)
        assert LinkCheck.objects.get(url=links.url("/missing")).result == linkcheck.BROKEN
        client.force_login(editor)
        tab = quality_tab(open_editor(client, crafted))
        row = tab.split("editorial-sections", 1)[1]
        assert links.url("/missing") in row
        assert "(404)" in row

    def test_unchecked_links_say_so(self, client, crafted, editor):
        client.force_login(editor)
        tab = quality_tab(open_editor(client, crafted))
        assert "ikke tjekket endnu" in tab

    def test_the_section_notice_script_is_loaded(self, client, crafted, editor):
        client.force_login(editor)
        assert "editorial/section_notices.js" in open_editor(client, crafted)


class TestSubmitConfirmation:
    def post(self, client, page, **extra):
        data = guide_form_data(page)
        data.update(extra)
        return client.post(edit_url(page), data)

    def test_saving_a_draft_with_problems_is_never_blocked(self, client, crafted, editor):
        client.force_login(editor)
        assert self.post(client, crafted).status_code == 302
        assert crafted.revisions.count() == 2

    def test_submitting_with_problems_asks_for_confirmation_and_lists_them(self, client, crafted, editor):
        client.force_login(editor)
        revisions = crafted.revisions.count()
        workflows = crafted.workflow_states.count()
        response = self.post(client, crafted, **{"action-submit": "1"})
        assert response.status_code == 200
        form = response.context["form"]
        errors = " ".join(form.non_field_errors())
        assert "Medlem under 30" in errors
        assert "30 eller derover" in errors
        assert "confirm_coverage_problems" in form.errors
        assert crafted.revisions.count() == revisions
        assert crafted.workflow_states.count() == workflows
        # Wagtail's message at the top of the editor shows the same list.
        assert "Medlem under 30" in response.content.decode().split("messages", 1)[1]

    def test_submitting_with_problems_after_confirming_starts_the_workflow(self, client, crafted, editor):
        client.force_login(editor)
        before = crafted.workflow_states.count()
        response = self.post(client, crafted, **{"action-submit": "1", "confirm_coverage_problems": "on"})
        assert response.status_code == 302
        assert crafted.workflow_states.count() == before + 1

    def test_publishing_with_problems_asks_for_confirmation_too(self, client, crafted, editor):
        client.force_login(editor)
        response = self.post(client, crafted, **{"action-publish": "1"})
        assert response.status_code == 200
        assert "confirm_coverage_problems" in response.context["form"].errors

    def test_a_guide_without_problems_is_submitted_without_confirmation(self, client, guide, editor):
        client.force_login(editor)
        before = guide.workflow_states.count()
        response = self.post(client, guide, **{"action-submit": "1"})
        assert response.status_code == 302
        assert guide.workflow_states.count() == before + 1

    def test_the_demo_guides_are_submitted_without_confirmation(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        for page in demo.values():
            assert self.post(client, page, **{"action-submit": "1"}).status_code == 302

    def test_confirmation_is_judged_on_the_submitted_content(self, client, guide, editor, authorities):
        """A condition made unreachable in the same submission is caught, though the stored
        guide is fine."""
        client.force_login(editor)
        page = GuidePage.objects.get(pk=guide.pk)
        data = guide_data()
        voksen = next(section for section in data["sections"] if section["key"] == "voksen")
        voksen["audience"] = {"akasse": ["ja"], "alder": ["30-eller-derover"]}
        _, page.body = services.guide_stream_data(data, authorities)
        response = self.post(client, page, **{"action-submit": "1"})
        assert response.status_code == 200
        assert "Afsnit voksen" in " ".join(response.context["form"].non_field_errors())
