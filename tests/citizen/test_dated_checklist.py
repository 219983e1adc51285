"""The dated checklist in the citizen HTML: the date form, real dates, overdue, bad dates."""

import re

import pytest
from django.test import Client

from guides.views import NON_ANSWER_PARAMS

pytestmark = pytest.mark.django_db


def group_headings(html: str) -> list[str]:
    """The checklist's group headings as text (badges included)."""
    return [
        re.sub(r"<[^>]+>", "", heading).strip()
        for heading in re.findall(r'<div class="vejviser-checklist-group[^"]*">\s*<h3>(.*?)</h3>', html, re.S)
    ]


class TestDateForm:
    def test_tailored_guide_asks_for_the_anchor_day_with_three_labelled_fields(self, timed_guide, today):
        html = Client().get(timed_guide.url).content.decode()
        assert '<legend class="form-label">Hvornår er din første dag?</legend>' in html
        for field_id, name, label in (
            ("dag", "dag", "Dag"),
            ("maaned", "maaned", "Måned"),
            ("aar", "aar", "År"),
        ):
            assert f'<label class="form-label" for="dato-{field_id}">{label}</label>' in html
            assert re.search(rf'inputmode="numeric"[^>]*id="dato-{field_id}" name="{name}"', html)
        assert "fx 4 1 2027" in html

    def test_date_form_keeps_the_answers_as_hidden_fields(self, guide, today):
        html = Client().get(guide.url, {"akasse": "nej", "alder": "under-30"}).content.decode()
        form = re.search(r'<form method="get"[^>]*class="vejviser-date-form.*?</form>', html, re.S).group(0)
        assert '<input type="hidden" name="akasse" value="nej">' in form
        assert '<input type="hidden" name="alder" value="under-30">' in form

    def test_date_fields_become_one_dato_parameter(self, guide, today):
        response = Client().get(
            guide.url, {"akasse": "nej", "alder": "under-30", "dag": "4", "maaned": "1", "aar": "2027"}
        )
        assert response.status_code == 302
        assert response["Location"] == f"{guide.url}?akasse=nej&alder=under-30&dato=2027-01-04#tjekliste"

    def test_the_date_is_not_taken_for_an_answer(self, guide, today):
        assert {"dato", "dag", "maaned", "aar"} <= NON_ANSWER_PARAMS
        response = Client().get(guide.url, {"akasse": "ja", "dato": "2027-01-04"})
        assert response.status_code == 200
        assert "Guiden har ikke spørgsmålet" not in response.content.decode()

    def test_without_a_date_the_checklist_shows_timing_relative_to_the_anchor_day(self, timed_guide, today):
        html = Client().get(timed_guide.url).content.decode()
        assert group_headings(html) == [
            "Før din første dag",
            "På din første dag",
            "Inden for de første to uger",
            "Inden udgangen af den første måned",
            "Løbende",
        ]
        assert "kalender.ics" not in html
        assert "overskredet" not in html


class TestDatedChecklist:
    def get(self, page, **params):
        return Client().get(page.url, {"dato": "2027-01-04", **params})

    def test_each_group_has_its_real_date_in_danish_sorted_by_date(self, timed_guide, today):
        html = self.get(timed_guide).content.decode()
        assert group_headings(html) == [
            "Senest søndag den 3. januar 2027 Fristen er overskredet",
            "Mandag den 4. januar 2027 Fristen er overskredet",
            "Senest søndag den 17. januar 2027 Fristen er overskredet",
            "Senest onsdag den 3. februar 2027",
            "Løbende",
        ]
        assert "din første dag er mandag den 4. januar 2027" in html

    def test_relative_timing_stays_under_each_date(self, timed_guide, today):
        html = self.get(timed_guide).content.decode()
        assert '<p class="vejviser-relative-timing">Inden for de første to uger</p>' in html
        assert '<p class="vejviser-relative-timing">Løbende</p>' not in html

    def test_overdue_items_are_marked_in_words_and_counted(self, timed_guide, today):
        html = self.get(timed_guide).content.decode()
        assert html.count("Fristen er overskredet</strong>") == 3
        # Four items have passed: the day before, two on the first day, one within two weeks.
        assert "Fristen er overskredet for 4 punkter i tjeklisten" in html
        assert "i dag er det onsdag den 20. januar 2027" in html

    def test_an_item_due_today_is_marked_as_today_not_overdue(self, timed_guide, today):
        html = self.get(timed_guide, dato="2027-01-07").content.decode()
        assert "Senest onsdag den 20. januar 2027 I dag" in group_headings(html)

    def test_nothing_is_overdue_before_the_dates(self, timed_guide, today):
        html = self.get(timed_guide, dato="2027-03-01").content.decode()
        assert "overskredet" not in html

    def test_links_to_calendar_and_print_view_carry_answers_and_date(self, guide, today):
        html = (
            Client()
            .get(guide.url, {"akasse": "nej", "alder": "under-30", "dato": "2027-01-04"})
            .content.decode()
        )
        query = "akasse=nej&amp;alder=under-30&amp;dato=2027-01-04"
        assert f'href="{guide.url}kalender.ics?{query}"' in html
        assert f'href="{guide.url}udskriv/?{query}"' in html
        assert 'href="?akasse=nej&amp;alder=under-30#tjekliste">Vis tjeklisten uden datoer' in html

    def test_changing_the_answers_keeps_the_date(self, guide, today):
        html = Client().get(guide.url, {"akasse": "ja", "dato": "2027-01-04"}).content.decode()
        assert 'href="?akasse=ja&amp;dato=2027-01-04&amp;rediger=1"' in html
        form = (
            Client().get(guide.url, {"akasse": "ja", "dato": "2027-01-04", "rediger": "1"}).content.decode()
        )
        assert '<input type="hidden" name="dato" value="2027-01-04">' in form

    def test_date_form_shows_the_current_date(self, guide, today):
        html = Client().get(guide.url, {"akasse": "ja", "dato": "2027-01-04"}).content.decode()
        assert 'name="dag" value="4"' in html
        assert 'name="maaned" value="1"' in html
        assert 'name="aar" value="2027"' in html
        assert "Skift dato" in html

    def test_a_page_with_a_date_is_private_and_not_indexed(self, guide, today):
        response = Client().get(guide.url, {"akasse": "ja", "dato": "2027-01-04"})
        assert response["Cache-Control"] == "private"
        assert '<meta name="robots" content="noindex">' in response.content.decode()

    def test_demo_guide_dates_every_timed_item(self, demo, today):
        page = demo["hvis-du-bliver-ledig"]
        html = Client().get(page.url, {"akasse": "ja", "dato": "2027-01-04"}).content.decode()
        headings = group_headings(html)
        assert headings[0].startswith("Mandag den 4. januar 2027")
        assert headings[-1] == "Løbende"
        assert all("2027" in heading for heading in headings[:-1])


class TestInvalidDate:
    def test_a_day_that_does_not_exist_gets_a_message_in_the_page(self, guide, today):
        response = Client().get(guide.url, {"akasse": "ja", "dag": "31", "maaned": "2", "aar": "2027"})
        html = response.content.decode()
        assert response.status_code == 400
        assert "februar 2027 har ikke en dag nummer 31" in html
        assert '<span class="sr-only">Fejl: </span>' in html
        assert re.search(r'id="dato-dag" name="dag" value="31" aria-invalid="true"', html)
        assert 'id="dato-maaned" name="maaned" value="2">' in html
        assert "<title>Fejl: " in html
        # The rest of the guide is still there, with the relative timing.
        assert "Din tjekliste" in html
        assert "På din første dag" in html

    def test_a_garbled_dato_parameter_gets_a_message(self, guide, today):
        response = Client().get(guide.url, {"akasse": "ja", "dato": "i-morgen"})
        assert response.status_code == 400
        assert "Vi kan ikke læse datoen »i-morgen«" in response.content.decode()

    def test_a_year_far_away_is_refused_with_the_range(self, guide, today):
        response = Client().get(guide.url, {"akasse": "ja", "dato": "2207-01-04"})
        assert response.status_code == 400
        assert "Skriv et år mellem 2017 og 2037." in response.content.decode()

    def test_empty_fields_ask_for_the_date(self, guide, today):
        response = Client().get(guide.url, {"akasse": "ja", "dag": "", "maaned": "", "aar": ""})
        assert response.status_code == 400
        assert "Skriv dag, måned og år." in response.content.decode()

    @pytest.mark.parametrize(
        "value",
        [
            "",
            " ",
            "2027-13-01",
            "2027-02-30",
            "0000-01-01",
            "9999-12-31",
            "٢٠٢٧-٠١-٠٤",
            "x" * 5000,
            "2027-01-04\x00",
        ],
    )
    def test_no_date_value_breaks_the_page(self, guide, today, value):
        response = Client().get(guide.url, {"akasse": "ja", "dato": value})
        assert response.status_code in (200, 400)
        assert "Din tjekliste" in response.content.decode()

    @pytest.mark.parametrize(
        "parts",
        [
            ("1", "1", "99999"),
            ("-1", "1", "2027"),
            ("1.5", "1", "2027"),
            ("½", "1", "2027"),
            ("x" * 500, "1", "2027"),
        ],
    )
    def test_no_field_value_breaks_the_page(self, guide, today, parts):
        params = dict(zip(("dag", "maaned", "aar"), parts, strict=True))
        response = Client().get(guide.url, {"akasse": "ja", **params})
        assert response.status_code == 400
        assert "form-error-message" in response.content.decode()

    def test_a_date_with_invalid_answers_shows_the_answer_problem(self, guide, today):
        response = Client().get(guide.url, {"akasse": "maaske", "dato": "2027-01-04"})
        assert response.status_code == 400
        html = response.content.decode()
        assert "»maaske« er ikke et svar" in html
        assert "vejviser-date-form" not in html
