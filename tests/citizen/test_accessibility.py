"""Accessibility, proven in a real browser: axe-core on every declared page, keyboard-only
and JavaScript-free flows, reflow at 320 px, and screenshots for a person to look at.

The pages and flows come from ``home.accessibility``, the same declaration the
accessibility statement renders; each test records its result in the run report that
the statement shows (``test-artifacts/accessibility-report.json``).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from guides.calendar import copenhagen_today, danish_date
from home import accessibility
from home.accessibility import DESKTOP, FLOWS, NARROW_WIDTH, PAGES, PHONE, WITH_JS, WITHOUT_JS
from tests.browser import artifact_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": list(accessibility.AXE_TAGS)},
    "resultTypes": ["violations"],
}
FLOW = {flow.key: flow for flow in FLOWS}
JS_VARIANTS = [pytest.param(True, id="med-js"), pytest.param(False, id="uden-js")]


def run_axe(tab) -> tuple[list[dict], str]:
    """(violations, axe-core version) for the page open in ``tab``."""
    response = AXE.run(tab, options=AXE_OPTIONS).response
    return response["violations"], response["testEngine"]["version"]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{item['path']}: {item['rule']} on {item['nodes']} element(s), {item['help']}: "
        + ", ".join(item["targets"])
        for item in violations
    )


@pytest.fixture
def open_tab(browser):
    """A factory for browser tabs with or without JavaScript; closes them afterwards."""
    contexts = []

    def factory(*, js: bool = True, viewport: dict = DESKTOP):
        context = browser.new_context(java_script_enabled=js, locale="da-DK", viewport=viewport)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        return tab

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture
def record_flow(run_report, request):
    """Record a flow variant in the run report: passed only if the whole test passed."""
    recorded = []

    def start(key: str, variant: str):
        assert variant in FLOW[key].variants
        recorded.append((key, variant))

    yield start
    outcome = getattr(request.node, "rep_call", None)
    for key, variant in recorded:
        run_report.record_flow(key, variant, passed=bool(outcome and outcome.passed))


# -- axe-core on every declared page ------------------------------------------------------


@pytest.mark.parametrize("check", PAGES, ids=[check.key for check in PAGES])
def test_declared_pages_have_no_wcag_2_1_a_or_aa_violations(check, open_tab, live_server, demo, run_report):
    # axe-core runs inside the page, so it needs JavaScript; the pages are the same HTML
    # without it, and the flows below check them with JavaScript turned off.
    paths = check.paths(demo, copenhagen_today())
    assert paths, f"{check.key} declares no pages"
    tab = open_tab()
    found, version = [], ""
    for path in paths:
        response = tab.goto(live_server.url + path)
        assert response.status in (200, 400), (path, response.status)
        violations, version = run_axe(tab)
        found += [
            {
                "path": path,
                "rule": violation["id"],
                "nodes": len(violation["nodes"]),
                "help": violation["help"],
                "targets": [", ".join(node["target"]) for node in violation["nodes"]],
            }
            for violation in violations
        ]
    run_report.record_page(check.key, paths, found, axe_version=version)
    assert not found, describe(found)


def test_axe_reports_a_violation_when_there_is_one(open_tab, live_server, demo):
    """Guards the check above: zero violations must mean axe looked, not that it could not."""
    tab = open_tab()
    tab.goto(f"{live_server.url}/")
    tab.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\">')")
    violations, version = run_axe(tab)
    assert "label" in {violation["id"] for violation in violations}
    assert re.match(r"^\d+\.\d+\.\d+$", version)


# -- keyboard only ------------------------------------------------------------------------

FOCUS_INDICATOR = (Path(__file__).parent / "focus_indicator.js").read_text(encoding="utf-8")


class Keyboard:
    """Moves with Tab and Shift+Tab only, checking the focus ring at every stop."""

    def __init__(self, tab):
        self.tab = tab
        self.stops: list[dict] = []

    def focused(self) -> dict | None:
        return self.tab.evaluate(FOCUS_INDICATOR)

    def press(self, key: str):
        self.tab.keyboard.press(key)
        if key in ("Tab", "Shift+Tab"):
            stop = self.focused()
            if stop is not None:
                self.stops.append(stop)
                # WCAG 2.4.7 (focus visible) and 1.4.11 (3:1 against what is around it).
                assert stop["contrast"] >= 3, f"weak or no focus ring on {stop}"
                assert not stop["hidden"], f"focus on an invisible element {stop}"

    def tab_to(self, selector: str, *, key: str = "Tab", limit: int = 80):
        for _ in range(limit):
            self.press(key)
            if self.tab.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"{selector} not reached with {key}; stops: {self.stops[-10:]}")


@pytest.mark.parametrize("js", JS_VARIANTS)
def test_keyboard_alone_answers_the_questions_and_reaches_the_dated_checklist(
    js, open_tab, live_server, demo, record_flow
):
    record_flow("tastatur", WITH_JS if js else WITHOUT_JS)
    tab = open_tab(js=js)
    keys = Keyboard(tab)
    tab.goto(f"{live_server.url}/hvis-du-bliver-ledig/")

    # Tab, Space and Enter only: the first radio of an unanswered group is its tab stop.
    keys.tab_to("#q-akasse-ja")
    keys.press("Space")
    keys.tab_to("button[type=submit]")
    keys.press("Enter")
    tab.wait_for_url(re.compile(r"\?akasse=ja$"))
    assert tab.get_by_role("heading", name="Din tjekliste").is_visible()

    # The date: three number fields; Enter in the last one submits the form.
    anchor = copenhagen_today() - datetime.timedelta(days=3)
    keys.tab_to("#dato-dag")
    tab.keyboard.type(str(anchor.day))
    keys.tab_to("#dato-maaned")
    tab.keyboard.type(str(anchor.month))
    keys.tab_to("#dato-aar")
    tab.keyboard.type(str(anchor.year))
    keys.press("Enter")
    tab.wait_for_url(re.compile(rf"\?akasse=ja&dato={anchor.isoformat()}#tjekliste$"))
    assert tab.get_by_role("heading", name=re.compile(r"den \d+\. \w+ \d{4}")).first.is_visible()

    # From the checklist heading (the address's #tjekliste) on to the first task's link.
    keys.tab_to(".vejviser-task-links a")
    assert tab.evaluate("document.activeElement.closest('.vejviser-checklist') !== null")

    # Back to change the answers: arrow keys move within a radio group, as in every
    # browser. The follow-up question appears (at once with JavaScript, after the next
    # submit without), and the date stays.
    keys.tab_to("a.vejviser-change-answers", key="Shift+Tab")
    keys.press("Enter")
    tab.wait_for_url(re.compile(r"rediger=1"))
    keys.tab_to("#q-akasse-ja")
    tab.keyboard.press("ArrowDown")
    expect(tab.locator("#q-akasse-nej")).to_be_checked()
    if not js:
        keys.tab_to("button[type=submit]")
        keys.press("Enter")
        tab.wait_for_url(re.compile(r"\?akasse=nej&dato="))
    expect(tab.get_by_text("Hvor gammel er du?")).to_be_visible()
    keys.tab_to("#q-alder-under-30")
    keys.press("Space")
    keys.tab_to("button[type=submit]")
    keys.press("Enter")
    tab.wait_for_url(re.compile(rf"\?akasse=nej&alder=under-30&dato={anchor.isoformat()}$"))
    assert tab.get_by_role("heading", name="Din tjekliste").is_visible()
    assert tab.get_by_text(f"dag som ledig er {danish_date(anchor)}").is_visible()
    assert len(keys.stops) >= 10


# -- printing and the calendar file -------------------------------------------------------


@pytest.mark.parametrize("js", JS_VARIANTS)
def test_print_view_and_calendar_file_are_reached_from_the_dated_checklist(
    js, open_tab, live_server, demo, record_flow
):
    record_flow("udskrift-og-kalender", WITH_JS if js else WITHOUT_JS)
    tab = open_tab(js=js)
    anchor = copenhagen_today() - datetime.timedelta(days=3)
    tab.goto(f"{live_server.url}/hvis-du-bliver-ledig/?akasse=ja&dato={anchor.isoformat()}")

    with tab.expect_download() as download:
        tab.get_by_role("link", name="Hent datoerne til din kalender").click()
    assert download.value.suggested_filename == "hvis-du-bliver-ledig-tjekliste.ics"
    events = icalendar.Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")
    assert events and all(event.decoded("DTSTART") >= anchor - datetime.timedelta(days=1) for event in events)

    tab.get_by_role("link", name="Udskriv tjeklisten og guiden").click()
    tab.wait_for_url(re.compile(r"/udskriv/\?akasse=ja&dato="))
    assert tab.locator("form").count() == 0
    assert tab.get_by_role("button", name="Udskriv").is_visible() is js
    assert tab.get_by_role("link", name="Tilbage til guiden").is_visible()

    # On paper: no navigation, footer or print tools; link addresses written out.
    tab.emulate_media(media="print")
    assert not tab.locator("footer").is_visible()
    assert not tab.locator(".vejviser-print-tools").is_visible()
    assert not tab.locator(".skipnav").is_visible()
    external_link = "document.querySelector('.vejviser-task-links a[href^=\"http\"]')"
    after = tab.evaluate(f"getComputedStyle({external_link}, '::after').content")
    assert re.match(r'^" \(" attr\(href\) "\)"$|^" \(https?://', after), after
    assert tab.get_by_role("heading", name="Din tjekliste").is_visible()
    tab.emulate_media(media="screen")


# -- phone and narrow screens -------------------------------------------------------------


def dated_guide_path(guide_slug: str = "hvis-du-bliver-ledig") -> str:
    anchor = copenhagen_today() - datetime.timedelta(days=accessibility.OVERDUE_DAYS)
    return f"/{guide_slug}/?akasse=nej&alder=under-30&dato={anchor.isoformat()}"


def horizontal_overflow(tab) -> int:
    return tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_guide_reflows_at_320_pixels_without_sideways_scrolling(open_tab, live_server, demo, record_flow):
    record_flow("smal-skaerm", WITH_JS)
    tab = open_tab(viewport={"width": NARROW_WIDTH, "height": 640})
    for path in (
        dated_guide_path(),
        "/hvis-du-bliver-ledig/?akasse=nej",
        "/hvis-du-bliver-ledig/?akasse=ja&dag=31&maaned=2&aar=2027",
        dated_guide_path().replace("/?", "/udskriv/?"),
        "/naar-du-faar-nyt-job/?akasse=nej&dato=2027-01-04",
    ):
        tab.goto(live_server.url + path)
        assert horizontal_overflow(tab) <= 0, path


def test_tailored_guide_screenshots_on_phone_and_desktop(open_tab, live_server, demo):
    """Saved for a person to look at: test-artifacts/tailored-guide-*.png and the print PDF."""
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        tab = open_tab(viewport=viewport)
        tab.goto(live_server.url + dated_guide_path())
        assert horizontal_overflow(tab) <= 0
        path = artifact_path(f"tailored-guide-{name}.png")
        tab.screenshot(path=path, full_page=True)
        assert path.stat().st_size > 10_000
        if name == "phone":
            top = artifact_path("tailored-guide-phone-first-screen.png")
            tab.screenshot(path=top)
            assert top.stat().st_size > 5_000
    tab = open_tab()
    tab.goto(live_server.url + dated_guide_path().replace("/?", "/udskriv/?"))
    tab.emulate_media(media="print")
    pdf = artifact_path("tailored-guide-print.pdf")
    tab.pdf(path=pdf, format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")
