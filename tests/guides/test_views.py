"""The citizen HTML: questions first (without JavaScript), then the tailored guide."""

import re

import pytest
from django.test import Client

from guides.models import GuidePage

pytestmark = pytest.mark.django_db


def section_headings(html: str) -> list[str]:
    return re.findall(r'<h2 id="afsnit-[^"]+-titel">([^<]+)</h2>', html)


class TestQuestionForm:
    def test_first_visit_shows_the_questions_and_no_guide(self, guide):
        response = Client().get(guide.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert '<form method="get"' in html
        assert 'name="akasse"' in html
        assert "Din tjekliste" not in html

    def test_conditional_question_is_not_shown_before_its_premise_is_answered(self, guide):
        html = Client().get(guide.url).content.decode()
        alder = re.search(r'<div class="form-group[^"]*"\s+id="q-alder".*?>', html, re.S).group(0)
        assert "hidden" in alder
        assert re.search(r'name="alder" value="under-30" disabled', html)

    def test_answering_the_premise_reveals_the_conditional_question_without_javascript(self, guide):
        response = Client().get(guide.url, {"akasse": "nej"})
        html = response.content.decode()
        assert response.status_code == 200
        alder = re.search(r'<div class="form-group[^"]*"\s+id="q-alder".*?>', html, re.S).group(0)
        assert "hidden" not in alder
        assert 'value="nej" checked' in html
        assert "Svar også på spørgsmålet herunder" in html

    def test_invalid_answer_shows_the_form_with_a_clear_message(self, guide):
        response = Client().get(guide.url, {"akasse": "maaske"})
        html = response.content.decode()
        assert response.status_code == 400
        assert "Vi kunne ikke bruge dine svar" in html
        assert "»maaske« er ikke et svar" in html
        assert "Gyldige svar: ja, nej" in html
        assert '<form method="get"' in html

    def test_answer_to_a_question_that_does_not_apply_is_explained(self, guide):
        response = Client().get(guide.url, {"akasse": "ja", "alder": "under-30"})
        assert response.status_code == 400
        assert "stilles ikke ud fra dine andre svar" in response.content.decode()

    def test_edit_link_shows_the_form_with_the_answers_kept(self, guide):
        html = (
            Client().get(guide.url, {"akasse": "nej", "alder": "under-30", "rediger": "1"}).content.decode()
        )
        assert '<form method="get"' in html
        assert 'value="under-30" checked' in html


class TestTailoredGuide:
    def test_member_sees_the_sections_for_members_and_everyone(self, guide):
        html = Client().get(guide.url, {"akasse": "ja"}).content.decode()
        assert section_headings(html) == [
            "Afsnit alle",
            "Afsnit medlem",
            "Afsnit skat",
            "Afsnit pension",
        ]

    def test_young_non_member_sees_the_under_30_section_only(self, guide):
        html = Client().get(guide.url, {"akasse": "nej", "alder": "under-30"}).content.decode()
        assert "Afsnit ung" in section_headings(html)
        assert "Afsnit voksen" not in section_headings(html)
        assert "Afsnit medlem" not in section_headings(html)

    def test_answers_are_shown_with_a_way_to_change_them(self, guide):
        html = Client().get(guide.url, {"akasse": "nej", "alder": "under-30"}).content.decode()
        assert "Dine svar" in html
        assert 'href="?akasse=nej&amp;alder=under-30&amp;rediger=1"' in html

    def test_checklist_groups_musts_before_good_ideas_under_timing_headings(self, home, authorities, editor):
        from tests.factories import guide_data, make_guide, section, task

        data = guide_data(
            "tjek",
            questions=[],
            sections=[
                section(
                    "a",
                    tasks=[
                        task("Senere", timing=("within_months", 1)),
                        task("God idé først dag", timing=("on_day", 0), obligation="god-ide"),
                        task("Skal første dag", timing=("on_day", 0)),
                        task("Altid", timing=("ongoing", 0)),
                    ],
                )
            ],
        )
        page = make_guide(home, data, user=editor)
        html = Client().get(page.url).content.decode()
        order = [html.index(text) for text in ("Skal første dag", "God idé først dag", "Senere", "Altid")]
        assert order == sorted(order)
        assert "På din første dag" in html
        assert "Det skal du" in html and "Det er en god idé at" in html

    def test_page_is_danish_and_has_one_h1(self, guide):
        html = Client().get(guide.url, {"akasse": "ja"}).content.decode()
        assert '<html lang="da"' in html
        assert html.count("<h1") == 1
        assert 'href="#main-content"' in html

    def test_editor_metadata_is_not_shown_to_citizens(self, guide):
        html = Client().get(guide.url, {"akasse": "ja"}).content.decode()
        assert "Testkilde" not in html
        assert "2027-06-01" not in html


class TestHomePage:
    def test_home_lists_published_guides_only(self, home, authorities, editor):
        from tests.factories import guide_data, make_guide

        make_guide(home, guide_data("offentlig", title="Offentlig guide"), user=editor)
        make_guide(home, guide_data("kladde", title="Kladde guide"), user=editor, publish=False)
        html = Client().get("/").content.decode()
        assert "Offentlig guide" in html
        assert "Kladde guide" not in html

    def test_draft_guide_is_not_served(self, home, authorities, editor):
        from tests.factories import guide_data, make_guide

        page = make_guide(home, guide_data("kladde"), user=editor, publish=False)
        assert Client().get("/kladde/").status_code == 404
        assert not GuidePage.objects.get(pk=page.pk).live
