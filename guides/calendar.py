"""A citizen's own dates: the checklist with real due dates, and as a calendar file.

A citizen may tell us the date of the guide's anchor event (the first day without work,
the first working day). Each timed checklist group then gets a real date from
``Timing.due_date()``; this module sorts the groups by date, marks the ones whose date
has passed, writes dates the Danish way and builds the ``.ics`` calendar file.

Plain Python (no Django): "today" is always a parameter, so the tests can fix it.
``copenhagen_today()`` gives the real one for the adapters, because a deadline passes at
midnight in Denmark, not at midnight UTC on the server.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import icalendar

from guides.timing import ON_DAY, Timing

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

YEARS_BACK = 10
YEARS_AHEAD = 10
"""The anchor dates we accept, around today. Wider than any real case, narrow enough that a
typo (»2207«) gets a message instead of a checklist 180 years away."""

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def copenhagen_today(now: datetime.datetime | None = None) -> datetime.date:
    """Today's date in Denmark. ``now`` must be aware; default: the current time."""
    moment = now if now is not None else datetime.datetime.now(datetime.UTC)
    if moment.tzinfo is None:
        raise ValueError("copenhagen_today() needs an aware datetime")
    return moment.astimezone(COPENHAGEN).date()


def danish_date(day: datetime.date, *, weekday: bool = True) -> str:
    """E.g. ``torsdag den 14. januar 2027`` (or ``14. januar 2027`` without the weekday)."""
    text = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} den {text}" if weekday else text


# -- reading a date -----------------------------------------------------------------------


class InvalidDate(ValueError):
    """A date the citizen gave that we cannot use; ``message`` is for the citizen.

    ``fields`` names the parts (``day``, ``month``, ``year``) to mark in the form.
    """

    def __init__(self, message: str, fields: Iterable[str] = ("day", "month", "year")):
        super().__init__(message)
        self.message = message
        self.fields = tuple(fields)


def _check_range(day: datetime.date, today: datetime.date) -> datetime.date:
    first, last = today.year - YEARS_BACK, today.year + YEARS_AHEAD
    if not first <= day.year <= last:
        raise InvalidDate(f"Skriv et år mellem {first} og {last}.", ("year",))
    return day


def parse_iso_date(value: str, *, today: datetime.date) -> datetime.date:
    """A date from the ``dato`` query parameter (``YYYY-MM-DD``)."""
    value = (value or "").strip()
    if not ISO_DATE.match(value):
        raise InvalidDate(
            f"Vi kan ikke læse datoen »{value[:40]}«. Skriv dag, måned og år med tal, fx 4, 1 og 2027."
        )
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise InvalidDate(f"Datoen {value} findes ikke. Tjek dag og måned.", ("day", "month")) from None
    return _check_range(day, today)


def date_from_parts(day: str, month: str, year: str, *, today: datetime.date) -> datetime.date:
    """A date from the three fields of the date form (day, month, year)."""
    parts = {"day": (day or "").strip(), "month": (month or "").strip(), "year": (year or "").strip()}
    missing = [name for name, value in parts.items() if not value]
    if len(missing) == len(parts):
        raise InvalidDate("Skriv dag, måned og år.")
    if missing:
        names = {"day": "dag", "month": "måned", "year": "år"}
        raise InvalidDate(f"Skriv også {' og '.join(names[name] for name in missing)}.", missing)
    not_numbers = [name for name, value in parts.items() if not (value.isascii() and value.isdigit())]
    if not_numbers:
        raise InvalidDate("Skriv datoen med tal, fx 4, 1 og 2027.", not_numbers)
    if len(parts["year"]) != 4:
        raise InvalidDate("Skriv året med fire cifre, fx 2027.", ("year",))
    number = {name: int(value) for name, value in parts.items()}
    if not 1 <= number["month"] <= 12:
        raise InvalidDate("Måneden skal være et tal fra 1 til 12.", ("month",))
    try:
        result = datetime.date(number["year"], number["month"], number["day"])
    except ValueError:
        raise InvalidDate(
            f"Datoen findes ikke: {MONTHS[number['month'] - 1]} {number['year']} har ikke en dag "
            f"nummer {number['day']}.",
            ("day",),
        ) from None
    return _check_range(result, today)


# -- the dated checklist ------------------------------------------------------------------


@dataclass
class DatedGroup:
    """A checklist group (entries sharing one timing) with its real date, if it has one."""

    group: object  # guides.document.ChecklistGroup
    due: datetime.date | None
    today: datetime.date

    @property
    def timing(self) -> Timing:
        return self.group.timing

    @property
    def relative_heading(self) -> str:
        return self.group.heading

    @property
    def heading(self) -> str:
        """``Senest torsdag den 14. januar 2027``; ``Mandag den 4. januar 2027`` for a given day."""
        if self.due is None:
            return self.group.heading
        text = danish_date(self.due)
        if self.timing.kind == ON_DAY:
            return text[0].upper() + text[1:]
        return f"Senest {text}"

    @property
    def must(self) -> list:
        return self.group.must

    @property
    def good_idea(self) -> list:
        return self.group.good_idea

    @property
    def entries(self) -> list:
        return self.group.entries

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < self.today

    @property
    def due_today(self) -> bool:
        return self.due is not None and self.due == self.today

    @property
    def sort_key(self) -> tuple:
        # Dated groups by date (ties by timing), then the undated (ongoing) ones.
        if self.due is None:
            return (1, datetime.date.max, self.timing.sort_key)
        return (0, self.due, self.timing.sort_key)


@dataclass
class DatedChecklist:
    anchor: datetime.date
    today: datetime.date
    groups: list[DatedGroup] = field(default_factory=list)

    @property
    def dated_groups(self) -> list[DatedGroup]:
        return [group for group in self.groups if group.due is not None]

    @property
    def overdue_count(self) -> int:
        """How many items have a date that has passed."""
        return sum(len(group.entries) for group in self.groups if group.overdue)

    @property
    def dated_count(self) -> int:
        return sum(len(group.entries) for group in self.dated_groups)

    def events(self) -> list[tuple[datetime.date, object]]:
        """(due date, checklist entry) for every item with a date, in checklist order."""
        return [(group.due, entry) for group in self.dated_groups for entry in group.entries]


def date_checklist(groups: Iterable, anchor: datetime.date, today: datetime.date) -> DatedChecklist:
    """The checklist groups of a tailored guide with real dates, sorted by date.

    Dates are calendar days from ``Timing.due_date()``: weekends and holidays are not
    skipped. A group is overdue when its date is before ``today`` (a date of today is not).
    """
    dated = [DatedGroup(group, group.timing.due_date(anchor), today) for group in groups]
    return DatedChecklist(anchor, today, sorted(dated, key=lambda group: group.sort_key))


# -- the calendar file --------------------------------------------------------------------

PRODID = "-//Vejviser//Tjekliste fra guide//DA"
OBLIGATION_WORDS = {True: "Det skal du", False: "Det er en god idé"}


def event_uid(guide_slug: str, entry, domain: str) -> str:
    """Stable across downloads, answers and anchor dates.

    A citizen who changes the date and imports the file again gets the same events moved
    (calendar apps update an event with a known UID) instead of a second copy of each.
    The section's block id is stable across edits; the position is the item's place in
    its section's checklist.
    """
    return f"{guide_slug}.{entry.section_id}.{entry.position}@{domain}"


def event_description(entry, *, guide_title: str, guide_url: str) -> str:
    lines = [OBLIGATION_WORDS[entry.is_must]]
    if entry.details:
        lines.append(entry.details)
    if entry.link_url:
        lines.append(f"{entry.link_label or 'Link'}: {entry.link_url}")
    lines.append(f"Fra guiden »{guide_title}«: {guide_url}")
    return "\n".join(lines)


def build_ics(
    *,
    guide_title: str,
    guide_slug: str,
    guide_url: str,
    checklist: DatedChecklist,
    uid_domain: str,
    now: datetime.datetime,
) -> bytes:
    """An RFC 5545 calendar with one all-day event per dated checklist item.

    Events, not to-dos (VTODO): Google Calendar and Outlook ignore VTODO when they import
    a file, and Apple Calendar sends them to Reminders or drops them. An all-day VEVENT
    on the due date shows up in every common calendar app. The events are TRANSPARENT,
    so the day does not show as busy. ``icalendar`` does the escaping and the line
    folding (75 octets, CRLF). ``now`` becomes DTSTAMP.
    """
    stamp = now.astimezone(datetime.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # Not in RFC 5545, but Apple Calendar and Outlook use it to name an imported calendar.
    # X-WR-CALNAME is an unescaped text property: a line break in a title would end the line.
    calendar.add("x-wr-calname", "Tjekliste: " + " ".join(guide_title.split()))
    for due, entry in checklist.events():
        event = icalendar.Event()
        event.add("uid", event_uid(guide_slug, entry, uid_domain))
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + datetime.timedelta(days=1))
        event.add("summary", entry.text)
        event.add("description", event_description(entry, guide_title=guide_title, guide_url=guide_url))
        event.add("url", guide_url)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
