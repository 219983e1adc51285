"""The editor tools' reports and the reviewers' dashboard panel, through the real admin views."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from guides.editorial import readability, review
from guides.editorial.tasks import check_guide_links
from guides.models import GuidePage

pytestmark = pytest.mark.django_db

REPORTS = ["coverage", "readability", "links", "review"]
SECTION_REPORTS = ["readability", "links", "review"]


def url(name, **query):
    path = reverse(f"editorial_reports:{name}")
    if query:
        path += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return path


def get(client, name, **query):
    response = client.get(url(name, **query))
    assert response.status_code == 200, response.status_code
    return response


def rows(response):
    return list(response.context["object_list"])


def headings(response):
    return [row.heading for row in rows(response)]


class TestAccess:
    @pytest.mark.parametrize("name", REPORTS)
    def test_editor_sees_every_report(self, client, demo, demo_editor, name):
        client.force_login(demo_editor)
        get(client, name)

    @pytest.mark.parametrize("name", SECTION_REPORTS)
    def test_reviewer_sees_the_section_reports(self, client, demo, demo_reviewer, name):
        client.force_login(demo_reviewer("kl"))
        get(client, name)

    def test_reviewer_may_not_see_the_coverage_report(self, client, demo, demo_reviewer):
        client.force_login(demo_reviewer("kl"))
        assert client.get(url("coverage")).status_code == 403
        page = demo["hvis-du-bliver-ledig"]
        assert client.get(reverse("editorial_reports:coverage_guide", args=[page.pk])).status_code == 403

    @pytest.mark.parametrize("name", REPORTS)
    def test_admin_user_who_is_neither_editor_nor_reviewer_gets_403(self, client, demo, outsider, name):
        client.force_login(outsider)
        response = client.get(url(name))
        assert response.status_code == 403
        assert "Du har ikke adgang til denne rapport" in response.content.decode()

    @pytest.mark.parametrize("name", REPORTS)
    def test_anonymous_users_are_sent_to_log_in(self, client, demo, name):
        response = client.get(url(name))
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]

    def test_menu_shows_the_reports_each_user_may_see(self, client, demo, demo_editor, demo_reviewer):
        client.force_login(demo_editor)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        for name in REPORTS:
            assert url(name) in html
        client.force_login(demo_reviewer("skat"))
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert url("coverage") not in html
        for name in SECTION_REPORTS:
            assert url(name) in html


class TestCoverageReport:
    def test_demo_guides_have_no_coverage_problems(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        response = get(client, "coverage")
        assert {row.page.slug: row.problems for row in rows(response)} == {
            "hvis-du-bliver-ledig": [],
            "naar-du-faar-nyt-job": [],
        }

    def test_crafted_defects_are_listed_per_guide(self, client, crafted, crafted_draft, editor):
        client.force_login(editor)
        problems = {row.page.slug: " ".join(row.problems) for row in rows(get(client, "coverage"))}
        assert "Medlem under 30" in problems["defekt-guide"]
        assert "30 eller derover" in problems["defekt-guide"]
        assert "»maaske«" in problems["defekt-kladde"]
        assert "»maaske«" not in problems["defekt-guide"]

    def test_matrix_per_demo_guide_has_every_section_and_audience(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        for page in demo.values():
            response = client.get(reverse("editorial_reports:coverage_guide", args=[page.pk]))
            assert response.status_code == 200
            html = response.content.decode()
            for section in page.document.sections:
                assert f'data-section-id="{section.id}"' in html
            for answers in page.document.audiences:
                assert page.document.questionnaire.audience_label(answers) in html

    def test_matrix_of_an_unknown_guide_is_404(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        assert client.get(reverse("editorial_reports:coverage_guide", args=[999999])).status_code == 404


class TestReadabilityReport:
    def test_every_demo_section_is_listed_with_its_lix(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        listed = {row.section.id: row.score for row in rows(get(client, "readability"))}
        sections = [section for page in demo.values() for section in page.document.sections]
        assert set(listed) == {section.id for section in sections}
        for section in sections:
            assert listed[section.id] == readability.section_lix(section).score

    def test_hard_section_is_flagged_and_filterable(self, client, crafted, editor):
        client.force_login(editor)
        difficult = [row.heading for row in rows(get(client, "readability")) if row.is_difficult]
        assert difficult == ["Dokumentationskrav"]
        assert headings(get(client, "readability", difficult="1")) == ["Dokumentationskrav"]

    def test_reviewer_sees_only_their_authoritys_sections(self, client, crafted, reviewer_for):
        client.force_login(reviewer_for("skat"))
        assert headings(get(client, "readability")) == ["Dokumentationskrav"]
        client.force_login(reviewer_for("kl"))
        assert set(headings(get(client, "readability"))) == {"Ung og ledig", "Medlem under 30"}

    def test_filter_by_guide_and_authority(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        page = demo["naar-du-faar-nyt-job"]
        listed = rows(get(client, "readability", guide=page.pk, authority="skat"))
        assert listed
        assert {(row.page.pk, row.section.authority_code) for row in listed} == {(page.pk, "skat")}

    def test_csv_export(self, client, crafted, editor):
        client.force_login(editor)
        response = client.get(url("readability", export="csv"))
        content = b"".join(response.streaming_content).decode()
        assert "Dokumentationskrav" in content
        assert "LIX" in content.splitlines()[0]


class TestLinkReport:
    def test_demo_links_are_listed_unchecked_and_never_fetched(self, client, demo, demo_editor):
        client.force_login(demo_editor)
        listed = rows(get(client, "links"))
        assert listed
        assert all(row.check is None for row in listed)
        assert {row.url for row in listed} >= {"https://www.jobnet.dk/"}

    def test_broken_link_is_shown_with_status_per_guide_and_authority(self, client, crafted, editor, links):
        check_guide_links.enqueue(crafted.pk)
        client.force_login(editor)
        failed = rows(get(client, "links", result="failed"))
        assert [(row.url, row.status_text, row.heading, row.owner) for row in failed] == [
            (
                links.url("/missing"),
                "404",
                "Dagpenge fra a-kassen",
                "Styrelsen for Arbejdsmarked og Rekruttering",
            )
        ]
        assert len(rows(get(client, "links", guide=crafted.pk, authority="star"))) == 2
        assert rows(get(client, "links", authority="kl")) == []
        html = get(client, "links").content.decode()
        assert links.url("/missing") in html

    def test_redirect_target_is_shown(self, client, crafted, editor, links):
        page = GuidePage.objects.get(pk=crafted.pk)
        page.body[0].value["content"].append(
            ("rich_text", f'<p><a href="{links.url("/moved")}">Flyttet</a></p>')
        )
        page.save_revision(user=editor)
        check_guide_links.enqueue(crafted.pk)
        client.force_login(editor)
        moved = rows(get(client, "links", result="redirect"))
        assert [(row.url, row.status_text, row.redirect_to) for row in moved] == [
            (links.url("/moved"), "301 → 200", links.url("/ok"))
        ]

    def test_reviewer_sees_only_their_authoritys_links(self, client, crafted, links, reviewer_for):
        check_guide_links.enqueue(crafted.pk)
        client.force_login(reviewer_for("star"))
        assert {row.url for row in rows(get(client, "links"))} == {links.url("/ok"), links.url("/missing")}
        client.force_login(reviewer_for("kl"))
        assert rows(get(client, "links")) == []


class TestReviewReport:
    def test_overdue_section_is_listed_first(self, client, crafted, editor):
        client.force_login(editor)
        listed = rows(get(client, "review"))
        assert (listed[0].heading, listed[0].status) == ("Dagpenge fra a-kassen", review.OVERDUE)
        assert headings(get(client, "review", status="overdue")) == ["Dagpenge fra a-kassen"]

    def test_every_demo_section_has_its_effective_date_and_status(self, client, demo, demo_editor, settings):
        client.force_login(demo_editor)
        today = timezone.localdate()
        listed = {row.section.id: row for row in rows(get(client, "review"))}
        signed = review.last_signoff_dates(list(demo.values()))
        for page in demo.values():
            for section in page.document.sections:
                row = listed[section.id]
                # load_demo signed every section off today, which renews its review date.
                assert signed[(page.pk, section.id)] == today
                due = review.effective_review_by(
                    section.review_by, signed[(page.pk, section.id)], settings.VEJVISER_REVIEW_RENEWAL_DAYS
                )
                assert row.due == due
                assert row.status == review.review_status(due, today, settings.VEJVISER_REVIEW_SOON_DAYS)

    def test_reviewer_sees_their_authoritys_overdue_section(self, client, crafted, reviewer_for):
        client.force_login(reviewer_for("star"))
        assert headings(get(client, "review", status="attention")) == ["Dagpenge fra a-kassen"]
        client.force_login(reviewer_for("kl"))
        assert headings(get(client, "review", status="attention")) == []

    def test_a_signoff_renews_the_review_date(self, client, crafted, editor, settings, monkeypatch):
        """Through the integration point the sign-off workflow will fill."""
        settings.VEJVISER_REVIEW_RENEWAL_DAYS = 100
        medlem = next(s for s in crafted.document.sections if s.heading == "Dagpenge fra a-kassen")
        signed = timezone.localdate() - datetime.timedelta(days=10)
        monkeypatch.setattr(review, "last_signoff_dates", lambda pages: {(crafted.pk, medlem.id): signed})
        client.force_login(editor)
        row = next(row for row in rows(get(client, "review")) if row.section.id == medlem.id)
        assert (row.last_signoff, row.due, row.status) == (
            signed,
            signed + datetime.timedelta(days=100),
            review.OK,
        )


class TestReviewDashboardPanel:
    def dashboard(self, client, user):
        client.force_login(user)
        return client.get(reverse("wagtailadmin_home")).content.decode()

    def panel_sections(self, html):
        if "data-editorial-review-due" not in html:
            return None
        panel = html.split("data-editorial-review-due", 1)[1].split("</section>", 1)[0]
        return re.findall(r'data-section-id="([^"]+)"', panel)

    def test_reviewer_sees_their_authoritys_overdue_section(self, client, crafted, reviewer_for):
        medlem = next(s for s in crafted.document.sections if s.heading == "Dagpenge fra a-kassen")
        assert self.panel_sections(self.dashboard(client, reviewer_for("star"))) == [medlem.id]

    def test_reviewer_of_another_authority_does_not(self, client, crafted, reviewer_for):
        assert self.panel_sections(self.dashboard(client, reviewer_for("kl"))) is None

    def test_editor_who_is_no_reviewer_gets_no_panel(self, client, crafted, editor):
        assert self.panel_sections(self.dashboard(client, editor)) is None

    def test_each_demo_reviewer_sees_exactly_their_authoritys_due_sections(
        self, client, demo, demo_reviewer, settings
    ):
        settings.VEJVISER_REVIEW_SOON_DAYS = 3650  # every demo section is due within ten years
        for code in ("digst", "kl", "star", "skat", "atp-udk"):
            expected = {
                section.id
                for page in demo.values()
                for section in page.document.sections
                if section.authority_code == code
            }
            assert set(self.panel_sections(self.dashboard(client, demo_reviewer(code)))) == expected, code

    def test_membership_is_checked_live(self, client, crafted, reviewer_for, authorities):
        user = reviewer_for("star")
        assert self.panel_sections(self.dashboard(client, user))
        user.groups.remove(authorities["star"].reviewer_group)
        assert self.panel_sections(self.dashboard(client, user)) is None
