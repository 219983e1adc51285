"""What our accessibility tests check, declared once.

The real-browser tests (``tests/citizen/test_accessibility.py``) parametrize over
``PAGES`` and ``FLOWS`` and write a run report; the accessibility statement
(``home/views.py``) renders the same declarations and that report. So the statement can
never claim a page, a flow or a standard that the tests do not check, and it says when
they last passed.

Plain Python: no database, no requests. Paths are built from the guides' own
questionnaires (``guides.audience``), so a new audience is checked without a new test.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from guides.calendar import copenhagen_today, danish_date
from guides.demo import new_job, unemployment

STANDARD = "WCAG 2.1, niveau AA"
STANDARD_URL = "https://www.w3.org/TR/WCAG21/"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
"""The axe-core rules we run: exactly those for WCAG 2.0 and 2.1, levels A and AA."""

DEMO_GUIDES = (unemployment.GUIDE, new_job.GUIDE)
"""The tests run on the demo content (the contract in PRODUCT.md)."""

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
NARROW_WIDTH = 320
"""WCAG 1.4.10 (reflow): content fits 320 CSS pixels without scrolling sideways."""

STATEMENT_PATH = "/tilgaengelighedserklaering/"

OVERDUE_DAYS = 20
"""The dated checklist is checked with an anchor date this many days ago, so that it has
passed and coming dates side by side."""


@dataclass(frozen=True)
class PageCheck:
    key: str
    description: str
    #: (live guides by slug, today) -> the paths to check
    paths: Callable[[Mapping[str, object], datetime.date], list[str]]


@dataclass(frozen=True)
class FlowCheck:
    key: str
    description: str
    variants: tuple[str, ...]


def _guides(guides: Mapping[str, object]) -> list:
    return [guides[data["slug"]] for data in DEMO_GUIDES]


def _question_paths(guides, today):
    paths = []
    for guide in _guides(guides):
        paths.append(guide.url)
        questionnaire = guide.document.questionnaire
        # A first answer that brings a follow-up question forward (asked only when …).
        for question in questionnaire:
            for rule_key, values in question.asked_when.rules:
                paths.append(f"{guide.url}?{urlencode({rule_key: sorted(values)[0]})}")
    return list(dict.fromkeys(paths))


def _audience_paths(guides, today):
    return [
        f"{guide.url}?{answers.query_string()}"
        for guide in _guides(guides)
        for answers in guide.document.questionnaire.audiences()
    ]


def _first_audience(guide):
    """The audience with the most answers, so that its guide has the most sections."""
    return max(guide.document.questionnaire.audiences(), key=len)


def _dated_paths(guides, today):
    anchor = today - datetime.timedelta(days=OVERDUE_DAYS)
    return [
        f"{guide.url}?{_first_audience(guide).query_string()}&dato={anchor.isoformat()}"
        for guide in _guides(guides)
    ]


def _invalid_answer_paths(guides, today):
    guide = _guides(guides)[0]
    first = guide.document.questionnaire.questions[0]
    return [f"{guide.url}?{urlencode({first.key: 'ved-ikke'})}"]


def _invalid_date_paths(guides, today):
    guide = _guides(guides)[0]
    query = _first_audience(guide).query_string()
    return [f"{guide.url}?{query}&dag=31&maaned=2&aar={today.year}"]


def _print_paths(guides, today):
    anchor = today - datetime.timedelta(days=OVERDUE_DAYS)
    return [
        guide.print_url(f"{_first_audience(guide).query_string()}&dato={anchor.isoformat()}")
        for guide in _guides(guides)
    ]


PAGES = (
    PageCheck("forside", "Forsiden med listen over guider", lambda guides, today: ["/"]),
    PageCheck(
        "spoergsmaal",
        "Spørgsmålene i hver guide, også når et svar får et opfølgende spørgsmål frem",
        _question_paths,
    ),
    PageCheck(
        "maalgrupper",
        "Hver guide, som den ser ud for hver målgruppe (alle kombinationer af svar)",
        _audience_paths,
    ),
    PageCheck("ugyldigt-svar", "Fejlbeskeden, når et svar ikke er gyldigt", _invalid_answer_paths),
    PageCheck(
        "datoer",
        "Tjeklisten med datoer, hvor nogle datoer er overskredet og andre ikke",
        _dated_paths,
    ),
    PageCheck("ugyldig-dato", "Fejlbeskeden, når en dato ikke findes", _invalid_date_paths),
    PageCheck("udskrift", "Den udskriftsvenlige version af hver guide", _print_paths),
    PageCheck("erklaering", "Denne tilgængelighedserklæring", lambda guides, today: [STATEMENT_PATH]),
)

WITH_JS, WITHOUT_JS = "med JavaScript", "uden JavaScript"

FLOWS = (
    FlowCheck(
        "tastatur",
        "Svare på spørgsmålene, skrive en dato og nå frem til tjeklisten kun med tastaturet "
        "(Tab, mellemrum og Enter), og bagefter ændre svarene med piletasterne, med synligt "
        "fokus på hvert element undervejs",
        (WITH_JS, WITHOUT_JS),
    ),
    FlowCheck(
        "udskrift-og-kalender",
        "Åbne den udskriftsvenlige version og hente kalenderfilen fra tjeklisten med datoer",
        (WITH_JS, WITHOUT_JS),
    ),
    FlowCheck(
        "smal-skaerm",
        f"Guiden med tjekliste og datoer på en skærm, der kun er {NARROW_WIDTH} pixels bred, "
        "uden at man skal rulle vandret (WCAG 1.4.10)",
        (WITH_JS,),
    ),
)

NOT_COVERED = (
    "Automatiske test finder kun en del af de mulige problemer. De vurderer fx ikke, om "
    "teksterne er lette at forstå, om links og overskrifter beskriver indholdet godt, eller "
    "hvordan siderne fungerer med en skærmlæser. Det har vi ikke testet med brugere af "
    "hjælpemidler endnu.",
    "Testene bruger guidernes demoindhold. Tekster, som redaktørerne skriver senere, bliver "
    "vist med de samme skabeloner, men selve teksterne er ikke testet.",
    "Kalenderfilen (.ics) er testet for, at den følger standarden (RFC 5545), ikke for, "
    "hvordan den bliver vist i hver kalender.",
    "Udskriften på papir er ikke testet. Den udskriftsvenlige side er testet på skærmen.",
    "Administrationsmodulet for redaktører og godkendere er ikke omfattet af erklæringen.",
    "Sider hos andre myndigheder, som guiderne linker til (fx Jobnet og skat.dk), har "
    "deres egne tilgængelighedserklæringer.",
)


# -- the run report -----------------------------------------------------------------------


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


class RunReport:
    """What one or more test runs verified, kept as JSON between runs.

    Each page check and flow variant keeps its own latest result and time, so a run of
    some tests updates those and keeps the rest; a failure replaces an earlier pass.
    """

    def __init__(self, data: dict | None = None):
        self.data = data or {}
        self.data.setdefault("pages", {})
        self.data.setdefault("flows", {})

    @classmethod
    def load(cls, path: Path | str | None) -> RunReport | None:
        if not path:
            return None
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return cls(data) if isinstance(data, dict) else None

    def record_page(self, key: str, paths: list[str], violations: list[dict], *, axe_version: str):
        self.data["axe_version"] = axe_version
        self.data["tags"] = list(AXE_TAGS)
        self.data["pages"][key] = {
            "checked_at": _now(),
            "paths": list(paths),
            "violations": [
                {"path": item["path"], "rule": item["rule"], "nodes": item["nodes"]} for item in violations
            ],
        }

    def record_flow(self, key: str, variant: str, *, passed: bool):
        self.data["flows"].setdefault(key, {})[variant] = {"checked_at": _now(), "passed": passed}

    def save(self, path: Path | str):
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(self.data, indent=2, ensure_ascii=False), encoding="utf-8")

    # -- reading, for the statement ------------------------------------------------------

    @property
    def axe_version(self) -> str:
        return self.data.get("axe_version", "")

    def page_result(self, key: str) -> dict | None:
        return self.data["pages"].get(key)

    def flow_passed(self, flow: FlowCheck) -> bool:
        results = self.data["flows"].get(flow.key, {})
        return all(results.get(variant, {}).get("passed") for variant in flow.variants)

    def status(self) -> Status:
        checked_at = []
        failed_pages, missing_pages, failed_flows = [], [], []
        page_count = 0
        for page in PAGES:
            result = self.page_result(page.key)
            if result is None:
                missing_pages.append(page)
                continue
            checked_at.append(result["checked_at"])
            page_count += len(result["paths"])
            if result["violations"]:
                failed_pages.append(page)
        for flow in FLOWS:
            results = self.data["flows"].get(flow.key, {})
            checked_at += [results[variant]["checked_at"] for variant in flow.variants if variant in results]
            if not self.flow_passed(flow):
                failed_flows.append(flow)
        return Status(
            complete=not (missing_pages or failed_pages or failed_flows),
            oldest=_copenhagen_day(min(checked_at)) if checked_at else None,
            page_count=page_count,
            failed_pages=failed_pages,
            missing_pages=missing_pages,
            failed_flows=failed_flows,
        )


@dataclass
class Status:
    complete: bool
    oldest: datetime.date | None
    page_count: int
    failed_pages: list
    missing_pages: list
    failed_flows: list

    @property
    def oldest_text(self) -> str:
        return danish_date(self.oldest, weekday=False) if self.oldest else ""


def _copenhagen_day(stamp: str) -> datetime.date:
    return copenhagen_today(datetime.datetime.fromisoformat(stamp))
