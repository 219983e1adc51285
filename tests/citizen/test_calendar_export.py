"""The checklist as a calendar file: /<guide>/kalender.ics?<answers>&dato=YYYY-MM-DD."""

import datetime
import re

import icalendar
import pytest
from django.test import Client

from guides import calendar
from tests.citizen.test_dated_checklist import group_headings

pytestmark = pytest.mark.django_db


def ics_url(page) -> str:
    return f"{page.url}kalender.ics"


class TestCalendarFile:
    def test_file_is_served_as_a_calendar_download(self, guide, today):
        response = Client().get(ics_url(guide), {"akasse": "ja", "dato": "2027-01-04"})
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="testguide-tjekliste.ics"'
        assert response["Cache-Control"] == "private, no-cache"
        assert response["X-Robots-Tag"] == "noindex"

    def test_one_event_per_dated_item_of_the_audience(self, timed_guide, today):
        response = Client().get(ics_url(timed_guide), {"dato": "2027-01-04"})
        events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        assert sorted((event.decoded("DTSTART"), str(event["SUMMARY"])) for event in events) == [
            (datetime.date(2027, 1, 3), "Dagen før"),
            (datetime.date(2027, 1, 4), "God idé på første dag"),
            (datetime.date(2027, 1, 4), "På første dag"),
            (datetime.date(2027, 1, 17), "Inden for to uger"),
            (datetime.date(2027, 2, 3), "Inden udgangen af første måned"),
        ]

    def test_events_link_back_to_the_dated_guide_and_onward(self, timed_guide, today):
        response = Client().get(ics_url(timed_guide), {"dato": "2027-01-04"})
        event = next(
            event
            for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
            if str(event["SUMMARY"]) == "Inden for to uger"
        )
        guide_url = f"http://testserver{timed_guide.url}?dato=2027-01-04#tjekliste"
        assert str(event["URL"]) == guide_url
        assert str(event["DESCRIPTION"]).split("\n") == [
            "Det skal du",
            "Send papirerne.",
            "Gå til Jobnet: https://www.jobnet.dk/",
            f"Fra guiden »Guide med tidsplan«: {guide_url}",
        ]

    def test_events_match_the_dated_checklist_of_every_demo_audience(self, demo, today):
        for page in demo.values():
            for answers in page.document.questionnaire.audiences():
                query = f"{answers.query_string()}&dato=2027-01-04"
                html = Client().get(f"{page.url}?{query}").content.decode()
                dated_items = sum(
                    len(re.findall(r'<li class="vejviser-task">', group))
                    for group in re.split(r'<div class="vejviser-checklist-group', html)[1:]
                    if "<h3>Løbende" not in group
                )
                response = Client().get(f"{ics_url(page)}?{query}")
                assert response.status_code == 200, (page.slug, query)
                events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
                assert len(events) == dated_items, (page.slug, query)
                assert len({str(event["UID"]) for event in events}) == len(events)

    def test_the_page_links_to_the_file_only_with_a_date(self, guide, today):
        assert "kalender.ics" not in Client().get(guide.url, {"akasse": "ja"}).content.decode()
        html = Client().get(guide.url, {"akasse": "ja", "dato": "2027-01-04"}).content.decode()
        assert "Hent datoerne til din kalender" in html


class TestCalendarFileErrors:
    def assert_plain_400(self, response, *messages):
        body = response.content.decode()
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        for message in messages:
            assert message in body
        return body

    def test_without_a_date_the_answer_is_400_asking_for_one(self, guide, today):
        body = self.assert_plain_400(
            Client().get(ics_url(guide), {"akasse": "ja"}),
            "Angiv datoen for din første dag som dato=ÅÅÅÅ-MM-DD, fx dato=2027-01-20.",
        )
        assert f"http://testserver{guide.url}?akasse=ja" in body

    def test_invalid_answers_are_400_naming_the_valid_answers(self, guide, today):
        self.assert_plain_400(
            Client().get(ics_url(guide), {"akasse": "maaske", "dato": "2027-01-04"}),
            "»maaske« er ikke et svar",
            "Gyldige svar: ja, nej",
        )

    def test_missing_answers_are_400_naming_the_question(self, guide, today):
        self.assert_plain_400(
            Client().get(ics_url(guide), {"akasse": "nej", "dato": "2027-01-04"}),
            "Svar på spørgsmålet »Spørgsmål alder?«. Gyldige svar: under-30, 30-eller-derover.",
        )

    def test_an_invalid_date_is_400_with_the_reason(self, guide, today):
        self.assert_plain_400(
            Client().get(ics_url(guide), {"akasse": "ja", "dato": "2027-02-30"}),
            "Datoen 2027-02-30 findes ikke",
        )

    def test_a_checklist_with_only_ongoing_items_has_no_file(self, home, authorities, editor, today):
        from tests.factories import guide_data, make_guide, section, task

        page = make_guide(
            home,
            guide_data(
                "loebende", questions=[], sections=[section("a", tasks=[task(timing=("ongoing", 0))])]
            ),
            user=editor,
        )
        response = Client().get(ics_url(page), {"dato": "2027-01-04"})
        assert response.status_code == 404
        assert "ingen punkter med en dato" in response.content.decode()
        assert "kalender.ics" not in Client().get(page.url, {"dato": "2027-01-04"}).content.decode()

    def test_a_draft_guide_has_no_calendar_file(self, home, authorities, editor, today):
        from tests.factories import guide_data, make_guide

        page = make_guide(home, guide_data("kladde"), user=editor, publish=False)
        assert Client().get("/kladde/kalender.ics", {"akasse": "ja", "dato": "2027-01-04"}).status_code == 404
        assert not page.live

    @pytest.mark.parametrize("route", ["kalender.ics", "udskriv/"])
    def test_a_guide_behind_a_login_restriction_keeps_its_routes_private(self, guide, today, route):
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
        response = Client().get(f"{guide.url}{route}", {"akasse": "ja", "dato": "2027-01-04"})
        assert response.status_code == 302
        assert "login" in response["Location"]
        assert b"VCALENDAR" not in response.content

    def test_other_files_under_a_guide_are_not_found(self, guide, today):
        assert Client().get(f"{guide.url}andet.ics", {"akasse": "ja"}).status_code == 404


def test_dated_html_and_calendar_file_agree_on_dates(timed_guide, today):
    html = Client().get(timed_guide.url, {"dato": "2027-01-04"}).content.decode()
    response = Client().get(ics_url(timed_guide), {"dato": "2027-01-04"})
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    dates = sorted({event.decoded("DTSTART") for event in events})
    dated_headings = group_headings(html)[:-1]  # the last group is "Løbende"
    assert len(dated_headings) == len(dates)
    for day, heading in zip(dates, dated_headings, strict=True):
        assert calendar.danish_date(day) in heading.lower()


def test_a_line_break_in_the_guide_title_does_not_break_the_calendar_file():
    """Found by the served-property test: a title with a newline (possible through scripts
    and the API, not the admin's one-line field) made the calendar file a 500."""
    empty = calendar.DatedChecklist(
        anchor=datetime.date(2027, 1, 4), today=datetime.date(2027, 1, 1), groups=[]
    )
    body = calendar.build_ics(
        guide_title="Hvis du\nbliver ledig",
        guide_slug="hvis-du-bliver-ledig",
        guide_url="https://vejviser.example/hvis-du-bliver-ledig/",
        checklist=empty,
        uid_domain="vejviser.example",
        now=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
    )
    parsed = icalendar.Calendar.from_ical(body)
    assert str(parsed["x-wr-calname"]) == "Tjekliste: Hvis du bliver ledig"
