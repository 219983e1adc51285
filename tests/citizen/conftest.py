import datetime

import pytest

from guides import calendar
from home.accessibility import RunReport
from tests.browser import artifact_path

TODAY = datetime.date(2027, 1, 20)
"""A fixed Danish "today" for the HTML tests of dates (a Wednesday)."""


@pytest.fixture
def today(monkeypatch):
    """Fix the Danish date the views see."""
    monkeypatch.setattr(calendar, "copenhagen_today", lambda now=None: TODAY)
    return TODAY


@pytest.fixture
def timed_guide(home, authorities, editor):
    """A guide whose checklist has every kind of timing, for the dated checklist."""
    from tests.factories import guide_data, make_guide, section, task

    data = guide_data(
        "tidsplan",
        title="Guide med tidsplan",
        anchor_label="din første dag",
        questions=[],
        sections=[
            section(
                "frister",
                heading="Frister",
                tasks=[
                    task("Løbende opgave", timing=("ongoing", 0)),
                    task("Inden udgangen af første måned", timing=("within_months", 1)),
                    task(
                        "Inden for to uger",
                        timing=("within_days", 14),
                        details="Send papirerne.",
                        link=("Gå til Jobnet", "https://www.jobnet.dk/"),
                    ),
                    task("På første dag", timing=("on_day", 0)),
                    task("God idé på første dag", timing=("on_day", 0), obligation="god-ide"),
                    task("Dagen før", timing=("before", 1)),
                ],
            )
        ],
    )
    return make_guide(home, data, user=editor)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can see the outcome."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def run_report():
    """The accessibility run report (read by the accessibility statement), saved at the end.

    Results of earlier runs are kept for checks that did not run this time; see
    ``home.accessibility.RunReport``.
    """
    path = artifact_path("accessibility-report.json")
    report = RunReport.load(path) or RunReport()
    yield report
    report.save(path)
