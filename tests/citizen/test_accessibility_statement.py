"""The accessibility statement renders what the tests declare, and what their last run found."""

import datetime
import json

import pytest
from django.test import Client

from home import accessibility

pytestmark = pytest.mark.django_db

STATEMENT = accessibility.STATEMENT_PATH


def passing_report(path, *, checked_at="2027-01-19T23:30:00+00:00"):
    report = accessibility.RunReport()
    for page in accessibility.PAGES:
        report.record_page(page.key, ["/a/", "/b/"], [], axe_version="4.12.1")
    for flow in accessibility.FLOWS:
        for variant in flow.variants:
            report.record_flow(flow.key, variant, passed=True)
    for entry in [
        *report.data["pages"].values(),
        *(v for f in report.data["flows"].values() for v in f.values()),
    ]:
        entry["checked_at"] = checked_at
    report.save(path)
    return report


@pytest.fixture
def report_path(settings, tmp_path):
    settings.ACCESSIBILITY_REPORT = tmp_path / "accessibility-report.json"
    return settings.ACCESSIBILITY_REPORT


class TestStatementPage:
    def test_every_public_page_links_to_the_statement_in_its_footer(self, guide, report_path):
        pages = ["/", guide.url, f"{guide.url}?akasse=ja", f"{guide.url}udskriv/?akasse=ja", STATEMENT]
        for path in pages:
            html = Client().get(path).content.decode()
            footer = html[html.index("<footer") :]
            assert f'<a href="{STATEMENT}">Tilgængelighedserklæring</a>' in footer, path

    def test_statement_is_a_danish_page_with_one_h1(self, db, report_path):
        response = Client().get(STATEMENT)
        html = response.content.decode()
        assert response.status_code == 200
        assert '<html lang="da"' in html
        assert html.count("<h1") == 1
        assert "<title>Tilgængelighedserklæring – Vejviser</title>" in html

    def test_statement_names_the_standard_the_rules_and_the_demo_guides(self, db, report_path):
        html = Client().get(STATEMENT).content.decode()
        assert "WCAG 2.1, niveau AA" in html
        assert "wcag2a, wcag2aa, wcag21a, wcag21aa" in html
        assert "»Hvis du bliver ledig« og »Når du får nyt job«" in html

    def test_statement_lists_every_declared_page_flow_and_gap(self, db, report_path):
        html = Client().get(STATEMENT).content.decode()
        for item in (*accessibility.PAGES, *accessibility.FLOWS):
            assert item.description in html
        for gap in accessibility.NOT_COVERED:
            assert gap in html

    def test_without_a_report_the_statement_claims_no_verified_run(self, db, report_path):
        html = Client().get(STATEMENT).content.decode()
        assert "Der er ingen rapport fra en testkørsel" in html
        assert "bestod den seneste test" not in html

    def test_with_a_complete_passing_report_it_gives_the_date_in_denmark(self, db, report_path):
        passing_report(report_path)  # 23:30 UTC on the 19th is the 20th in Copenhagen
        html = Client().get(STATEMENT).content.decode()
        assert "bestod den seneste test. Den ældste af de seneste kontroller er fra 20. januar 2027." in html
        assert f"Der blev kontrolleret {2 * len(accessibility.PAGES)} sider." in html
        assert "axe-core version 4.12.1" in html

    def test_a_failing_page_or_flow_is_named_and_no_pass_is_claimed(self, db, report_path):
        report = passing_report(report_path)
        report.record_page(
            "datoer", ["/x/"], [{"path": "/x/", "rule": "color-contrast", "nodes": 1}], axe_version="4.12.1"
        )
        report.record_flow("tastatur", accessibility.WITHOUT_JS, passed=False)
        report.save(report_path)
        html = Client().get(STATEMENT).content.decode()
        assert "Den seneste test bestod ikke for alt" in html
        assert "Der blev fundet fejl: Tjeklisten med datoer" in html
        assert "Ikke bestået eller ikke testet: Svare på spørgsmålene" in html
        assert "bestod den seneste test." not in html

    def test_a_page_kind_missing_from_the_report_is_named_as_not_tested(self, db, report_path):
        report = passing_report(report_path)
        del report.data["pages"]["udskrift"]
        report.save(report_path)
        html = Client().get(STATEMENT).content.decode()
        assert "Ikke testet endnu: Den udskriftsvenlige version af hver guide." in html

    def test_an_unreadable_report_counts_as_no_report(self, db, report_path):
        report_path.write_text("{not json")
        assert "Der er ingen rapport fra en testkørsel" in Client().get(STATEMENT).content.decode()

    def test_contact_is_the_configured_address_or_digitaliseringsstyrelsen(
        self, settings, authorities, report_path
    ):
        html = Client().get(STATEMENT).content.decode()
        assert 'href="mailto:borgerdk@digst.example"' in html
        settings.ACCESSIBILITY_CONTACT_EMAIL = "tilgaengelighed@vejviser.example"
        assert 'href="mailto:tilgaengelighed@vejviser.example"' in Client().get(STATEMENT).content.decode()


class TestDeclaration:
    def test_page_paths_cover_every_audience_of_both_demo_guides(self, demo):
        paths = {page.key: page.paths(demo, datetime.date(2027, 1, 20)) for page in accessibility.PAGES}
        assert sorted(paths["maalgrupper"]) == sorted(
            [
                "/hvis-du-bliver-ledig/?akasse=ja",
                "/hvis-du-bliver-ledig/?akasse=nej&alder=under-30",
                "/hvis-du-bliver-ledig/?akasse=nej&alder=30-eller-derover",
                "/naar-du-faar-nyt-job/?akasse=ja",
                "/naar-du-faar-nyt-job/?akasse=nej",
            ]
        )
        assert paths["spoergsmaal"] == [
            "/hvis-du-bliver-ledig/",
            "/hvis-du-bliver-ledig/?akasse=nej",
            "/naar-du-faar-nyt-job/",
        ]
        assert paths["datoer"][0] == "/hvis-du-bliver-ledig/?akasse=nej&alder=under-30&dato=2026-12-31"
        assert paths["udskrift"][0].startswith(
            "/hvis-du-bliver-ledig/udskriv/?akasse=nej&alder=under-30&dato="
        )
        assert paths["forside"] == ["/"] and paths["erklaering"] == [STATEMENT]

    def test_every_declared_path_answers_as_its_kind_expects(self, demo, settings, tmp_path):
        settings.ACCESSIBILITY_REPORT = tmp_path / "none.json"
        expected_400 = {"ugyldigt-svar", "ugyldig-dato"}
        for page in accessibility.PAGES:
            for path in page.paths(demo, datetime.date.today()):
                status = Client().get(path).status_code
                assert status == (400 if page.key in expected_400 else 200), (page.key, path)

    def test_report_keeps_results_between_runs_and_a_failure_replaces_a_pass(self, tmp_path):
        path = tmp_path / "report.json"
        first = accessibility.RunReport()
        first.record_page("forside", ["/"], [], axe_version="4.12.1")
        first.record_flow("tastatur", accessibility.WITH_JS, passed=True)
        first.save(path)
        second = accessibility.RunReport.load(path)
        second.record_flow("tastatur", accessibility.WITH_JS, passed=False)
        second.save(path)
        data = json.loads(path.read_text())
        assert data["pages"]["forside"]["paths"] == ["/"]
        assert data["flows"]["tastatur"][accessibility.WITH_JS]["passed"] is False
