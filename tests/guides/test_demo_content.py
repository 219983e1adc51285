"""The demo content is a contract (PRODUCT.md) and the fixture of the acceptance checks."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from guides.audience import Answers
from guides.models import Authority, GuidePage
from tests.conftest import _Discard

pytestmark = pytest.mark.django_db

SLUGS = ["hvis-du-bliver-ledig", "naar-du-faar-nyt-job"]
AUTHORITY_CODES = {"digst", "kl", "star", "skat", "atp-udk"}
USERS = [
    "redaktoer",
    "godkender-digst",
    "godkender-kl",
    "godkender-star",
    "godkender-skat",
    "godkender-atp-udk",
    "admin",
]


def rendered_section_ids(html: str) -> list[str]:
    return re.findall(r'<section class="vejviser-section" id="afsnit-([^"]+)"', html)


AUDIENCES = [
    ("hvis-du-bliver-ledig", "akasse=ja"),
    ("hvis-du-bliver-ledig", "akasse=nej&alder=under-30"),
    ("hvis-du-bliver-ledig", "akasse=nej&alder=30-eller-derover"),
    ("naar-du-faar-nyt-job", "akasse=ja"),
    ("naar-du-faar-nyt-job", "akasse=nej"),
]


class TestContract:
    def test_both_guides_are_live_children_of_the_home_page(self, demo):
        assert sorted(demo) == SLUGS
        for page in demo.values():
            assert page.get_parent().specific_class.__name__ == "HomePage"
            assert page.url == f"/{page.slug}/"

    def test_questions_of_the_unemployment_guide(self, demo):
        questionnaire = demo["hvis-du-bliver-ledig"].document.questionnaire
        assert [(q.key, q.answer_keys) for q in questionnaire] == [
            ("akasse", ("ja", "nej")),
            ("alder", ("under-30", "30-eller-derover")),
        ]
        assert questionnaire.get("alder").asked_when.as_dict() == {"akasse": ["nej"]}

    def test_questions_of_the_new_job_guide(self, demo):
        questionnaire = demo["naar-du-faar-nyt-job"].document.questionnaire
        assert [(q.key, q.answer_keys) for q in questionnaire] == [("akasse", ("ja", "nej"))]

    def test_every_audience_listed_here_is_every_audience_of_the_guides(self, demo):
        enumerated = {(slug, a.query_string()) for slug in SLUGS for a in demo[slug].document.audiences}
        assert enumerated == set(AUDIENCES)

    def test_authorities_and_their_reviewer_groups(self, demo):
        assert set(Authority.objects.values_list("code", flat=True)) == AUTHORITY_CODES
        for authority in Authority.objects.all():
            reviewer = get_user_model().objects.get(username=f"godkender-{authority.code}")
            assert authority.has_member(reviewer)

    def test_demo_users_exist_and_log_in_with_the_demo_password(self, demo):
        for username in USERS:
            assert Client().login(username=username, password="vejviser-demo"), username
        assert get_user_model().objects.get(username="admin").is_superuser

    def test_section_counts_and_owners(self, demo):
        ledig = demo["hvis-du-bliver-ledig"].document
        nytjob = demo["naar-du-faar-nyt-job"].document
        assert len(ledig.sections) >= 12
        assert len(nytjob.sections) >= 8
        for document in (ledig, nytjob):
            assert {section.authority_code for section in document.sections} == AUTHORITY_CODES

    def test_every_section_has_a_review_date_and_a_source(self, demo):
        for page in demo.values():
            for section in page.document.sections:
                assert section.review_by, section.heading
                assert section.source.strip(), section.heading

    def test_demo_guides_pass_editor_validation(self, demo):
        for page in demo.values():
            page.full_clean()

    def test_loading_twice_changes_nothing(self, demo):
        revisions = {slug: page.live_revision_id for slug, page in demo.items()}
        users = get_user_model().objects.count()
        call_command("load_demo", stdout=_Discard())
        assert {p.slug: p.live_revision_id for p in GuidePage.objects.filter(slug__in=SLUGS)} == revisions
        assert get_user_model().objects.count() == users
        assert Authority.objects.count() == 5


class TestEveryAudience:
    def test_no_section_is_unreachable(self, demo):
        for page in demo.values():
            document = page.document
            for section in document.sections:
                assert any(section.condition.matches(a) for a in document.audiences), section.heading

    @pytest.mark.parametrize(("slug", "query"), AUDIENCES)
    def test_audience_gets_a_non_empty_checklist(self, demo, slug, query):
        document = demo[slug].document
        tailored = document.tailor(
            document.questionnaire.normalize(dict(pair.split("=") for pair in query.split("&")))
        )
        assert tailored.checklist
        assert any(group.must for group in tailored.checklist)

    @pytest.mark.parametrize(("slug", "query"), AUDIENCES)
    def test_html_shows_exactly_the_sections_the_audience_module_selects(self, demo, slug, query):
        page = demo[slug]
        document = page.document
        answers = document.questionnaire.normalize(dict(pair.split("=") for pair in query.split("&")))
        expected = [s.id for s in document.sections if s.condition.matches(answers) and s.has_prose]
        response = Client().get(f"{page.url}?{query}")
        assert response.status_code == 200
        assert rendered_section_ids(response.content.decode()) == expected

    def test_unemployment_checklist_covers_the_four_periods_for_every_audience(self, demo):
        document = demo["hvis-du-bliver-ledig"].document
        for audience in document.audiences:
            headings = [group.heading for group in document.tailor(audience).checklist]
            assert "På din første dag som ledig" in headings
            assert "Inden for de første to uger" in headings
            assert "Inden udgangen af den første måned" in headings
            assert "Løbende" in headings

    def test_members_see_dagpenge_and_non_members_see_kontanthjaelp(self, demo):
        document = demo["hvis-du-bliver-ledig"].document
        member = " ".join(s.heading for s in document.tailor(Answers([("akasse", "ja")])).sections).lower()
        young = document.tailor(Answers([("akasse", "nej"), ("alder", "under-30")]))
        older = document.tailor(Answers([("akasse", "nej"), ("alder", "30-eller-derover")]))
        assert "dagpenge" in member and "kontanthjælp" not in member
        young_ids = {s.id for s in young.sections}
        older_ids = {s.id for s in older.sections}
        assert young_ids != older_ids
        for tailored in (young, older):
            assert any("kontanthjælp" in s.heading.lower() for s in tailored.sections)
        # Everyone sees tax and pension.
        for audience in document.audiences:
            owners = {s.authority_code for s in document.tailor(audience).sections}
            assert {"skat", "atp-udk"} <= owners


def test_demo_text_passes_the_editorial_checks():
    """Wording, format, rich-text tags and coverage rules of guides/demo/check_content.py."""
    from guides.demo import check_content

    problems = []
    for slug, expected in check_content.EXPECTED.items():
        guide_problems, _ = check_content.check_guide(slug, expected)
        problems += guide_problems
    assert problems == []
