"""The citizen's own dates, without Django: due dates, order, overdue, Danish words, .ics."""

import datetime

import icalendar
import pytest

from guides import calendar
from guides.document import ChecklistEntry, ChecklistGroup
from guides.timing import BEFORE, ON_DAY, ONGOING, WITHIN_DAYS, WITHIN_MONTHS, Timing

ANCHOR_LABEL = "din første dag som ledig"


def entry(text, timing, *, must=True, position=0, section="afsnit-a", details="", link=("", "")):
    return ChecklistEntry(
        section_id=section,
        section_heading="Afsnit",
        text=text,
        details=details,
        timing=timing,
        obligation="skal" if must else "god-ide",
        link_label=link[0],
        link_url=link[1],
        position=position,
    )


def groups_of(*entries):
    """Checklist groups as ``GuideDocument.checklist_for`` makes them (ordered by timing)."""
    groups = {}
    for item in entries:
        group = groups.setdefault(item.timing, ChecklistGroup(item.timing, item.timing.heading(ANCHOR_LABEL)))
        (group.must if item.is_must else group.good_idea).append(item)
    return sorted(groups.values(), key=lambda group: group.timing.sort_key)


class TestDanishDates:
    def test_date_reads_with_weekday_and_month_name(self):
        assert calendar.danish_date(datetime.date(2027, 1, 14)) == "torsdag den 14. januar 2027"

    def test_date_without_weekday(self):
        assert calendar.danish_date(datetime.date(2027, 5, 1), weekday=False) == "1. maj 2027"

    @pytest.mark.parametrize(
        ("month", "name"), [(2, "februar"), (3, "marts"), (6, "juni"), (10, "oktober"), (12, "december")]
    )
    def test_month_names_are_danish(self, month, name):
        assert name in calendar.danish_date(datetime.date(2027, month, 1))


class TestCopenhagenToday:
    def test_late_evening_utc_is_already_tomorrow_in_denmark_in_winter(self):
        # 23:30 UTC on 13 January is 00:30 on 14 January in Copenhagen (UTC+1).
        now = datetime.datetime(2027, 1, 13, 23, 30, tzinfo=datetime.UTC)
        assert calendar.copenhagen_today(now) == datetime.date(2027, 1, 14)

    def test_summer_time_is_two_hours_ahead(self):
        assert calendar.copenhagen_today(
            datetime.datetime(2027, 7, 1, 21, 59, tzinfo=datetime.UTC)
        ) == datetime.date(2027, 7, 1)
        assert calendar.copenhagen_today(
            datetime.datetime(2027, 7, 1, 22, 0, tzinfo=datetime.UTC)
        ) == datetime.date(2027, 7, 2)

    def test_naive_datetimes_are_refused(self):
        with pytest.raises(ValueError, match="aware"):
            calendar.copenhagen_today(datetime.datetime(2027, 1, 1, 12))

    def test_an_item_due_yesterday_in_denmark_is_overdue_although_it_is_still_that_day_in_utc(self):
        # At 23:30 UTC on 13 January the Danish date is the 14th: a deadline of the 13th has passed.
        today = calendar.copenhagen_today(datetime.datetime(2027, 1, 13, 23, 30, tzinfo=datetime.UTC))
        checklist = calendar.date_checklist(
            groups_of(entry("Frist", Timing(WITHIN_DAYS, 13))), datetime.date(2027, 1, 1), today
        )
        assert checklist.groups[0].due == datetime.date(2027, 1, 13)
        assert checklist.groups[0].overdue


class TestReadingDates:
    today = datetime.date(2026, 11, 26)

    def test_iso_date_is_read(self):
        assert calendar.parse_iso_date("2027-01-04", today=self.today) == datetime.date(2027, 1, 4)

    @pytest.mark.parametrize("value", ["4-1-2027", "2027/01/04", "i morgen", "2027-1-4", "20270104"])
    def test_other_formats_get_a_message_asking_for_numbers(self, value):
        with pytest.raises(calendar.InvalidDate, match="Skriv dag, måned og år med tal"):
            calendar.parse_iso_date(value, today=self.today)

    def test_a_day_that_does_not_exist_is_named(self):
        with pytest.raises(calendar.InvalidDate, match="Datoen 2027-02-29 findes ikke"):
            calendar.parse_iso_date("2027-02-29", today=self.today)

    def test_leap_day_is_accepted_in_a_leap_year(self):
        assert calendar.parse_iso_date("2028-02-29", today=self.today) == datetime.date(2028, 2, 29)

    def test_years_far_from_today_are_refused_with_the_range(self):
        with pytest.raises(calendar.InvalidDate, match="Skriv et år mellem 2016 og 2036") as caught:
            calendar.parse_iso_date("2207-01-04", today=self.today)
        assert caught.value.fields == ("year",)
        # The ends of the range would otherwise overflow date arithmetic (year 1 or 9999).
        with pytest.raises(calendar.InvalidDate):
            calendar.parse_iso_date("0001-01-01", today=self.today)
        with pytest.raises(calendar.InvalidDate):
            calendar.parse_iso_date("9999-12-31", today=self.today)

    def test_three_fields_make_a_date(self):
        assert calendar.date_from_parts("4", "01", "2027", today=self.today) == datetime.date(2027, 1, 4)
        assert calendar.date_from_parts(" 04 ", "1", "2027", today=self.today) == datetime.date(2027, 1, 4)

    @pytest.mark.parametrize(
        ("parts", "message", "fields"),
        [
            (("", "", ""), "Skriv dag, måned og år.", ("day", "month", "year")),
            (("4", "", ""), "Skriv også måned og år.", ("month", "year")),
            (("4", "1", ""), "Skriv også år.", ("year",)),
            (("fire", "1", "2027"), "Skriv datoen med tal", ("day",)),
            (("4", "1", "27"), "Skriv året med fire cifre", ("year",)),
            (("4", "13", "2027"), "Måneden skal være et tal fra 1 til 12.", ("month",)),
            (("31", "4", "2027"), "april 2027 har ikke en dag nummer 31", ("day",)),
            (("29", "2", "2027"), "februar 2027 har ikke en dag nummer 29", ("day",)),
            (("0", "1", "2027"), "januar 2027 har ikke en dag nummer 0", ("day",)),
        ],
    )
    def test_each_problem_with_the_fields_has_its_own_message_and_marks_its_field(
        self, parts, message, fields
    ):
        with pytest.raises(calendar.InvalidDate, match=message) as caught:
            calendar.date_from_parts(*parts, today=self.today)
        assert caught.value.fields == fields


class TestDatedChecklist:
    anchor = datetime.date(2027, 1, 4)  # a Monday

    def checklist(self, *entries, today=datetime.date(2026, 12, 1)):
        return calendar.date_checklist(groups_of(*entries), self.anchor, today)

    def test_each_group_gets_its_date_and_a_dated_heading(self):
        checklist = self.checklist(
            entry("Meld dig ledig", Timing(ON_DAY, 0)),
            entry("Send papirer", Timing(WITHIN_DAYS, 14)),
            entry("Ret forskudsopgørelsen", Timing(WITHIN_MONTHS, 1)),
        )
        assert [(group.due, group.heading) for group in checklist.groups] == [
            (datetime.date(2027, 1, 4), "Mandag den 4. januar 2027"),
            (datetime.date(2027, 1, 17), "Senest søndag den 17. januar 2027"),
            (datetime.date(2027, 2, 3), "Senest onsdag den 3. februar 2027"),
        ]
        assert checklist.groups[1].relative_heading == "Inden for de første to uger"

    def test_weekends_are_not_skipped(self):
        # Day 14 from Monday 4 January is Sunday 17 January; the date stays on the Sunday.
        (group,) = self.checklist(entry("Send papirer", Timing(WITHIN_DAYS, 14))).groups
        assert group.due.weekday() == 6

    def test_month_ends_are_clamped(self):
        checklist = calendar.date_checklist(
            groups_of(entry("Inden udgangen af første måned", Timing(WITHIN_MONTHS, 1))),
            datetime.date(2027, 1, 31),
            datetime.date(2027, 1, 1),
        )
        assert checklist.groups[0].due == datetime.date(2027, 2, 28)

    def test_groups_are_sorted_by_date_with_ongoing_last(self):
        checklist = self.checklist(
            entry("Altid", Timing(ONGOING)),
            entry("Om 3 måneder", Timing(WITHIN_MONTHS, 3)),
            entry("Dagen før", Timing(BEFORE, 1)),
            entry("Inden 40 dage", Timing(WITHIN_DAYS, 40)),
            entry("Første måned", Timing(WITHIN_MONTHS, 1)),
        )
        dues = [group.due for group in checklist.groups]
        assert dues[:-1] == sorted(dues[:-1])
        assert dues[-1] is None
        assert checklist.groups[-1].heading == "Løbende"
        assert [group.entries[0].text for group in checklist.groups] == [
            "Dagen før",
            "Første måned",
            "Inden 40 dage",
            "Om 3 måneder",
            "Altid",
        ]

    def test_real_dates_decide_the_order_where_a_month_is_shorter_than_thirty_days(self):
        # Timing order guesses a month as 30 days, so "within 30 days" comes first. From
        # 1 February 2027 the first month ends on 28 February, before day 30 (2 March).
        checklist = calendar.date_checklist(
            groups_of(
                entry("Inden 30 dage", Timing(WITHIN_DAYS, 30)), entry("Måned", Timing(WITHIN_MONTHS, 1))
            ),
            datetime.date(2027, 2, 1),
            datetime.date(2027, 1, 1),
        )
        assert [(group.entries[0].text, group.due) for group in checklist.groups] == [
            ("Måned", datetime.date(2027, 2, 28)),
            ("Inden 30 dage", datetime.date(2027, 3, 2)),
        ]

    def test_groups_whose_date_has_passed_are_overdue_and_today_is_not(self):
        checklist = self.checklist(
            entry("Første dag", Timing(ON_DAY, 0)),
            entry("Anden dag", Timing(ON_DAY, 1)),
            entry("Tredje dag", Timing(ON_DAY, 2), must=False),
            entry("Altid", Timing(ONGOING)),
            today=datetime.date(2027, 1, 5),
        )
        state = {group.entries[0].text: (group.overdue, group.due_today) for group in checklist.groups}
        assert state == {
            "Første dag": (True, False),
            "Anden dag": (False, True),
            "Tredje dag": (False, False),
            "Altid": (False, False),
        }
        assert checklist.overdue_count == 1

    def test_musts_stay_before_good_ideas_within_a_date(self):
        (group,) = self.checklist(
            entry("God idé", Timing(ON_DAY, 0), must=False), entry("Skal", Timing(ON_DAY, 0))
        ).groups
        assert [item.text for item in group.entries] == ["Skal", "God idé"]

    def test_events_are_the_dated_items_only(self):
        checklist = self.checklist(
            entry("Første dag", Timing(ON_DAY, 0)),
            entry("Også første dag", Timing(ON_DAY, 0), must=False, position=1),
            entry("Altid", Timing(ONGOING)),
        )
        assert [(due, item.text) for due, item in checklist.events()] == [
            (self.anchor, "Første dag"),
            (self.anchor, "Også første dag"),
        ]
        assert checklist.dated_count == 2


class TestCalendarFile:
    now = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=calendar.COPENHAGEN)
    url = "https://vejviser.example/hvis-du-bliver-ledig/?akasse=ja&dato=2027-01-04#tjekliste"

    def build(self, *entries, anchor=datetime.date(2027, 1, 4)):
        checklist = calendar.date_checklist(groups_of(*entries), anchor, datetime.date(2026, 12, 1))
        return calendar.build_ics(
            guide_title="Hvis du bliver ledig",
            guide_slug="hvis-du-bliver-ledig",
            guide_url=self.url,
            checklist=checklist,
            uid_domain="vejviser.example",
            now=self.now,
        )

    def sample(self):
        return self.build(
            entry(
                "Meld dig ledig på Jobnet",
                Timing(ON_DAY, 0),
                details="Gør det på din første dag; ellers kan du miste penge, også i weekenden.",
                link=("Gå til Jobnet", "https://www.jobnet.dk/"),
            ),
            entry("Lav et budget", Timing(WITHIN_DAYS, 14), must=False, position=1),
            entry("Hold øje med din post", Timing(ONGOING), position=2),
        )

    def test_file_parses_back_with_the_calendar_properties(self):
        parsed = icalendar.Calendar.from_ical(self.sample())
        assert str(parsed["VERSION"]) == "2.0"
        assert str(parsed["PRODID"]) == calendar.PRODID
        assert str(parsed["CALSCALE"]) == "GREGORIAN"
        assert str(parsed["METHOD"]) == "PUBLISH"

    def test_one_all_day_event_per_dated_item_and_none_for_ongoing(self):
        events = icalendar.Calendar.from_ical(self.sample()).walk("VEVENT")
        assert [str(event["SUMMARY"]) for event in events] == ["Meld dig ledig på Jobnet", "Lav et budget"]
        first, second = events
        assert first.decoded("DTSTART") == datetime.date(2027, 1, 4)
        assert first.decoded("DTEND") == datetime.date(2027, 1, 5)
        assert second.decoded("DTSTART") == datetime.date(2027, 1, 17)
        assert not isinstance(first.decoded("DTSTART"), datetime.datetime)
        assert first["DTSTART"].params.get("VALUE") == "DATE"

    def test_every_event_has_the_required_properties(self):
        for event in icalendar.Calendar.from_ical(self.sample()).walk("VEVENT"):
            for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL"):
                assert required in event, required
            assert event.decoded("DTSTAMP") == datetime.datetime(2026, 12, 1, 8, 30, tzinfo=datetime.UTC)
            assert str(event["URL"]) == self.url
            assert str(event["TRANSP"]) == "TRANSPARENT"

    def test_description_holds_obligation_details_link_and_guide(self):
        first, second = icalendar.Calendar.from_ical(self.sample()).walk("VEVENT")
        assert str(first["DESCRIPTION"]).split("\n") == [
            "Det skal du",
            "Gør det på din første dag; ellers kan du miste penge, også i weekenden.",
            "Gå til Jobnet: https://www.jobnet.dk/",
            f"Fra guiden »Hvis du bliver ledig«: {self.url}",
        ]
        assert str(second["DESCRIPTION"]).startswith("Det er en god idé\n")

    def test_uids_are_unique_and_stable_across_anchor_dates(self):
        items = (entry("A", Timing(ON_DAY, 0)), entry("B", Timing(ON_DAY, 0), position=1))
        uids = [
            str(event["UID"]) for event in icalendar.Calendar.from_ical(self.build(*items)).walk("VEVENT")
        ]
        moved = self.build(*items, anchor=datetime.date(2027, 3, 1))
        assert len(set(uids)) == 2
        assert uids == [str(event["UID"]) for event in icalendar.Calendar.from_ical(moved).walk("VEVENT")]
        assert uids[0] == "hvis-du-bliver-ledig.afsnit-a.0@vejviser.example"

    def test_lines_are_folded_at_75_octets_with_crlf_and_text_is_escaped(self):
        raw = self.sample()
        assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
        assert raw.endswith(b"END:VCALENDAR\r\n")
        lines = raw.split(b"\r\n")
        assert all(len(line) <= 75 for line in lines)
        assert b"\n" not in raw.replace(b"\r\n", b"")
        assert any(line.startswith(b" ") for line in lines), "the long description is folded"
        unfolded = raw.replace(b"\r\n ", b"")
        assert "første dag\\; ellers kan du miste penge\\, også".encode() in unfolded
        assert b"DESCRIPTION:Det skal du\\n" in unfolded
