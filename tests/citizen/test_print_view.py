"""The print view (/<guide>/udskriv/?<answers>): the same tailored guide, laid out for paper."""

import re

import pytest
from django.test import Client

from tests.guides.test_views import section_headings

pytestmark = pytest.mark.django_db


def print_url(page) -> str:
    return f"{page.url}udskriv/"


class TestPrintView:
    def test_print_view_shows_the_same_tailored_guide_as_the_guide(self, guide, today):
        answers = {"akasse": "nej", "alder": "under-30"}
        guide_html = Client().get(guide.url, answers).content.decode()
        response = Client().get(print_url(guide), answers)
        html = response.content.decode()
        assert response.status_code == 200
        assert section_headings(html) == section_headings(guide_html)
        assert "Din tjekliste" in html
        assert html.count("<h1") == 1

    def test_print_view_has_no_forms_and_no_answer_editing(self, guide, today):
        html = Client().get(print_url(guide), {"akasse": "ja", "dato": "2027-01-04"}).content.decode()
        assert "<form" not in html
        assert "Ret dine svar" not in html
        assert "Hent datoerne til din kalender" not in html

    def test_print_view_carries_the_date_into_the_answers_and_the_checklist(self, timed_guide, today):
        html = Client().get(print_url(timed_guide), {"dato": "2027-01-04"}).content.decode()
        assert "<dt>Hvornår er din første dag?</dt><dd>Mandag den 4. januar 2027</dd>" in html
        assert "Senest søndag den 17. januar 2027" in html
        assert "Fristen er overskredet" in html

    def test_print_view_explains_printing_without_javascript_and_offers_a_button_with_it(self, guide, today):
        html = Client().get(print_url(guide), {"akasse": "ja"}).content.decode()
        assert "med din browsers funktion til at udskrive" in html
        button = re.search(
            r'<button type="button" class="[^"]*vejviser-print-button" hidden>.*?</button>', html
        )
        assert button.group(0).endswith("Udskriv</button>")
        assert "vejviser/print.js" in html

    def test_print_view_links_back_to_the_guide_and_names_its_address(self, guide, today):
        html = Client().get(print_url(guide), {"akasse": "ja", "dato": "2027-01-04"}).content.decode()
        address = f"http://testserver{guide.url}?akasse=ja&amp;dato=2027-01-04"
        assert f'<a href="{address}" class="back-link">' in html
        assert f"Hentet onsdag den 20. januar 2027 fra {address}" in html

    def test_print_view_is_not_indexed(self, guide, today):
        html = Client().get(print_url(guide), {"akasse": "ja"}).content.decode()
        assert '<meta name="robots" content="noindex">' in html

    def test_print_view_without_complete_answers_shows_the_questions(self, guide, today):
        response = Client().get(print_url(guide), {"akasse": "nej"})
        html = response.content.decode()
        assert response.status_code == 200
        assert f'<form method="get" action="{guide.url}"' in html
        assert "Svar også på spørgsmålet herunder" in html

    def test_print_view_with_invalid_answers_is_400_with_the_form(self, guide, today):
        response = Client().get(print_url(guide), {"akasse": "maaske"})
        assert response.status_code == 400
        assert "Vi kunne ikke bruge dine svar" in response.content.decode()

    def test_print_view_with_an_invalid_date_shows_the_date_form_with_the_message(self, guide, today):
        response = Client().get(print_url(guide), {"akasse": "ja", "dato": "2027-02-30"})
        assert response.status_code == 400
        html = response.content.decode()
        assert "Datoen 2027-02-30 findes ikke" in html
        assert "vejviser-date-form" in html

    def test_guide_links_to_its_print_view_with_the_answers(self, guide, today):
        html = Client().get(guide.url, {"akasse": "ja"}).content.decode()
        link = re.search(r'<a href="([^"]+)" class="function-link vejviser-print-link">.*?</a>', html)
        assert link.group(1) == f"{guide.url}udskriv/?akasse=ja"
        assert link.group(0).endswith("Udskriv tjeklisten og guiden</a>")

    def test_pages_print_with_the_print_stylesheet(self, guide, today):
        html = Client().get(guide.url, {"akasse": "ja"}).content.decode()
        assert re.search(r'<link rel="stylesheet" href="[^"]*vejviser/print.css" media="print">', html)


class TestGuideRoutes:
    def test_the_guide_itself_still_goes_through_serve_guide(self, guide, today):
        response = Client().get(guide.url, {"akasse": "ja"})
        assert response.status_code == 200
        assert response.templates[0].name == "guides/guide_page.html"

    def test_an_audience_preview_is_the_citizen_guide_for_that_audience(self, guide, today):
        # The routes must not take over previews: GuidePage.serve_preview stays in charge.
        response = guide.make_preview_request(preview_mode="audience:akasse=ja")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Din tjekliste" in html
        assert "vejviser-date-form" in html

    def test_route_addresses_carry_the_query_and_fragment(self, guide):
        assert guide.guide_url("akasse=ja", fragment="tjekliste") == f"{guide.url}?akasse=ja#tjekliste"
        assert guide.print_url("akasse=ja") == f"{guide.url}udskriv/?akasse=ja"
        assert guide.calendar_url("akasse=ja") == f"{guide.url}kalender.ics?akasse=ja"
        assert guide.print_url() == f"{guide.url}udskriv/"

    def test_unknown_subpaths_of_a_guide_are_not_found(self, guide):
        assert Client().get(f"{guide.url}findes-ikke/").status_code == 404
