"""Contract of the public guide API against the demo guides (PRODUCT.md)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from guides.api.schemas import GuideDetail, GuideList, Problem
from guides.audience import Answers
from guides.models import GuidePage
from tests.api.conftest import API, answers_of, body, guide_url, publish_new_revision
from tests.factories import guide_data, make_guide, section

pytestmark = pytest.mark.django_db

SLUGS = ["hvis-du-bliver-ledig", "naar-du-faar-nyt-job"]
AUDIENCES = [
    ("hvis-du-bliver-ledig", "akasse=ja"),
    ("hvis-du-bliver-ledig", "akasse=nej&alder=under-30"),
    ("hvis-du-bliver-ledig", "akasse=nej&alder=30-eller-derover"),
    ("naar-du-faar-nyt-job", "akasse=ja"),
    ("naar-du-faar-nyt-job", "akasse=nej"),
]
AUTHORITY_NAMES = {
    "digst": "Digitaliseringsstyrelsen",
    "kl": "KL",
    "star": "Styrelsen for Arbejdsmarked og Rekruttering",
    "skat": "Skattestyrelsen",
    "atp-udk": "ATP/Udbetaling Danmark",
}


class TestGuideList:
    def test_lists_both_published_demo_guides_with_absolute_urls(self, demo, client):
        response = client.get(f"{API}/guides/")
        data = body(response)
        GuideList.model_validate(data)
        assert response.status_code == 200
        assert data["count"] == 2
        assert [guide["slug"] for guide in data["results"]] == SLUGS
        first = data["results"][0]
        page = demo["hvis-du-bliver-ledig"]
        assert first["title"] == "Hvis du bliver ledig"
        assert first["intro"] == page.intro
        assert first["url"] == "http://testserver/api/v1/guides/hvis-du-bliver-ledig/"
        assert first["html_url"] == "http://testserver/hvis-du-bliver-ledig/"
        assert first["revision_id"] == page.live_revision_id
        assert datetime.datetime.fromisoformat(first["last_published_at"]) == page.last_published_at.replace(
            microsecond=page.last_published_at.microsecond // 1000 * 1000
        )

    def test_urls_follow_the_host_the_consumer_used(self, demo, client):
        data = body(client.get(f"{API}/guides/", HTTP_HOST="localhost", secure=True))
        assert data["results"][0]["url"] == "https://localhost/api/v1/guides/hvis-du-bliver-ledig/"

    def test_never_published_guide_is_not_listed(self, demo, client, editor):
        make_guide(
            demo["hvis-du-bliver-ledig"].get_parent(), guide_data("kladde"), publish=False, user=editor
        )
        assert [guide["slug"] for guide in body(client.get(f"{API}/guides/"))["results"]] == SLUGS

    def test_unpublished_guide_is_not_listed(self, demo, client):
        demo["naar-du-faar-nyt-job"].unpublish()
        assert [guide["slug"] for guide in body(client.get(f"{API}/guides/"))["results"]] == SLUGS[:1]

    def test_view_restricted_guide_is_not_listed(self, demo, client):
        PageViewRestriction.objects.create(
            page=demo["naar-du-faar-nyt-job"], restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        assert [guide["slug"] for guide in body(client.get(f"{API}/guides/"))["results"]] == SLUGS[:1]

    def test_restriction_on_an_ancestor_hides_every_guide_below_it(self, demo, client):
        restriction = PageViewRestriction.objects.create(
            page=demo["hvis-du-bliver-ledig"].get_parent(), restriction_type=PageViewRestriction.LOGIN
        )
        assert body(client.get(f"{API}/guides/"))["results"] == []
        restriction.groups.set([Group.objects.first()])
        assert body(client.get(f"{API}/guides/"))["results"] == []


class TestUnfilteredGuide:
    @pytest.mark.parametrize("slug", SLUGS)
    def test_returns_every_section_with_its_audience_and_owner(self, demo, client, slug):
        document = demo[slug].document
        response = client.get(guide_url(slug))
        data = body(response)
        GuideDetail.model_validate(data)
        assert response.status_code == 200
        assert data["filtered"] is False
        assert data["answers"] is None and data["audience"] is None and data["checklist"] is None
        assert [s["id"] for s in data["sections"]] == [s.id for s in document.sections]
        for api_section, doc_section in zip(data["sections"], document.sections, strict=True):
            assert api_section["heading"] == doc_section.heading
            assert api_section["authority"] == {
                "code": doc_section.authority_code,
                "name": AUTHORITY_NAMES[doc_section.authority_code],
            }
            assert api_section["audience"]["rules"] == [
                {"question": key, "answers": answers}
                for key, answers in doc_section.condition.as_dict().items()
            ]
            assert api_section["audience"]["everyone"] is doc_section.condition.is_empty
            assert api_section["audience"]["description"] == document.questionnaire.describe_condition(
                doc_section.condition
            )

    def test_questions_carry_labels_answers_and_the_asked_only_when_rule(self, demo, client):
        questions = body(client.get(guide_url("hvis-du-bliver-ledig")))["questions"]
        assert [q["key"] for q in questions] == ["akasse", "alder"]
        akasse, alder = questions
        assert akasse["label"] == "Er du medlem af en a-kasse?"
        assert akasse["short_label"] == "A-kasse"
        assert akasse["help_text"]
        assert akasse["answers"] == [{"key": "ja", "label": "Ja"}, {"key": "nej", "label": "Nej"}]
        assert akasse["asked_when"] == {"everyone": True, "rules": [], "description": "Alle"}
        assert [a["key"] for a in alder["answers"]] == ["under-30", "30-eller-derover"]
        assert alder["asked_when"] == {
            "everyone": False,
            "rules": [{"question": "akasse", "answers": ["nej"]}],
            "description": "A-kasse: Nej",
        }

    @pytest.mark.parametrize("slug", SLUGS)
    def test_editor_only_fields_are_not_published(self, demo, client, slug):
        text = client.get(guide_url(slug)).content.decode()
        assert "review_by" not in text and "source" not in text
        for doc_section in demo[slug].document.sections:
            assert doc_section.source not in text

    def test_every_content_block_type_of_the_demo_has_its_documented_shape(self, demo, client):
        data = body(client.get(guide_url("hvis-du-bliver-ledig")))
        blocks = [block for s in data["sections"] for block in s["content"]]
        assert {block["type"] for block in blocks} == {
            "rich_text",
            "checklist",
            "actors",
            "self_service",
            "callout",
        }
        for block in blocks:
            assert block["id"]
            if block["type"] in ("rich_text", "callout"):
                assert block["html"].startswith("<")
            if block["type"] == "self_service":
                assert block["url"].startswith("https://")
                assert block["solution"]
        items = [item for block in blocks if block["type"] == "checklist" for item in block["items"]]
        assert {item["obligation"] for item in items} == {"skal", "god-ide"}
        assert all(item["due_date"] is None for item in items)
        assert {item["timing"]["kind"] for item in items} >= {"on_day", "within_days", "ongoing"}
        assert all(item["timing"]["heading"] for item in items)


class TestEveryAudience:
    def test_the_contract_lists_every_audience_of_the_demo(self, demo):
        listed = {(slug, query) for slug, query in AUDIENCES}
        actual = {(slug, a.query_string()) for slug in SLUGS for a in demo[slug].document.audiences}
        assert listed == actual

    @pytest.mark.parametrize(("slug", "query"), AUDIENCES)
    def test_returns_exactly_the_sections_the_audience_module_selects(self, demo, client, slug, query):
        document = demo[slug].document
        tailored = document.tailor(answers_of(query))
        response = client.get(f"{guide_url(slug)}?{query}")
        data = body(response)
        GuideDetail.model_validate(data)
        assert response.status_code == 200
        assert data["filtered"] is True
        assert [s["id"] for s in data["sections"]] == [s.id for s in tailored.sections]
        assert data["answers"] == dict(answers_of(query))
        assert data["audience"] == {"query": query, "label": tailored.label}

    @pytest.mark.parametrize(("slug", "query"), AUDIENCES)
    def test_checklist_is_the_merged_checklist_grouped_by_timing(self, demo, client, slug, query):
        tailored = demo[slug].document.tailor(answers_of(query))
        checklist = body(client.get(f"{guide_url(slug)}?{query}"))["checklist"]
        assert [group["timing"]["heading"] for group in checklist] == [g.heading for g in tailored.checklist]
        for group, expected in zip(checklist, tailored.checklist, strict=True):
            assert [(i["text"], i["obligation"], i["section_id"]) for i in group["items"]] == [
                (e.text, e.obligation, e.section_id) for e in expected.entries
            ]
            obligations = [item["obligation"] for item in group["items"]]
            assert obligations == sorted(obligations, key=lambda o: o != "skal")

    def test_answers_are_normalized_before_they_are_echoed(self, demo, client):
        data = body(client.get(guide_url("hvis-du-bliver-ledig"), {"ALDER": " Under-30 ", "akasse": "NEJ"}))
        assert data["answers"] == {"akasse": "nej", "alder": "under-30"}
        assert data["audience"]["query"] == "akasse=nej&alder=under-30"

    def test_a_guide_without_questions_is_filtered_for_everyone(self, home, authorities, editor, client):
        make_guide(home, guide_data("uden", questions=[], sections=[section("alle")]), user=editor)
        data = body(client.get(guide_url("uden")))
        assert data["filtered"] is True
        assert data["answers"] == {}
        assert data["checklist"][0]["items"][0]["text"] == "Opgave i alle"


class TestAnchorDate:
    def test_every_dated_item_carries_its_due_date(self, demo, client):
        document = demo["hvis-du-bliver-ledig"].document
        data = body(client.get(guide_url("hvis-du-bliver-ledig"), {"akasse": "ja", "dato": "2027-01-31"}))
        anchor = datetime.date(2027, 1, 31)
        assert data["anchor_date"] == "2027-01-31"
        tailored = document.tailor(Answers([("akasse", "ja")]))
        for group, expected in zip(data["checklist"], tailored.checklist, strict=True):
            due = expected.timing.due_date(anchor)
            assert group["due_date"] == (due.isoformat() if due else None)
            assert {item["due_date"] for item in group["items"]} == {group["due_date"]}
        assert any(
            group["timing"]["kind"] == "ongoing" and group["due_date"] is None for group in data["checklist"]
        )
        section_items = [
            item
            for s in data["sections"]
            for block in s["content"]
            if block["type"] == "checklist"
            for item in block["items"]
            if item["timing"]["kind"] != "ongoing"
        ]
        assert section_items and all(item["due_date"] for item in section_items)

    def test_anchor_date_works_without_answers(self, demo, client):
        data = body(client.get(guide_url("naar-du-faar-nyt-job"), {"dato": "2027-03-01"}))
        assert data["filtered"] is False
        assert data["anchor_date"] == "2027-03-01"

    @pytest.mark.parametrize("value", ["1.12.2026", "2026-02-30", "20261201", "i morgen", "2026-12-01T00:00"])
    def test_invalid_date_is_400_naming_the_expected_format(self, demo, client, value):
        response = client.get(guide_url("hvis-du-bliver-ledig"), {"dato": value})
        data = body(response)
        Problem.model_validate(data)
        assert response.status_code == 400
        assert data["errors"] == [
            {
                "code": "invalid_date",
                "parameter": "dato",
                "value": value,
                "expected_format": "YYYY-MM-DD",
                "valid_values": [],
                "message": data["errors"][0]["message"],
            }
        ]
        assert "YYYY-MM-DD" in data["errors"][0]["message"]

    def test_date_far_from_today_is_400_like_on_the_citizen_pages(self, demo, client):
        response = client.get(guide_url("hvis-du-bliver-ledig"), {"dato": "1990-01-01"})
        [problem] = body(response)["errors"]
        assert response.status_code == 400
        assert problem["code"] == "invalid_date" and "Skriv et år mellem" in problem["message"]

    def test_two_dates_are_400(self, demo, client):
        response = client.get(f"{guide_url('hvis-du-bliver-ledig')}?dato=2026-12-01&dato=2026-12-02")
        assert response.status_code == 400
        assert body(response)["errors"][0]["code"] == "invalid_date"


class TestBadAnswers:
    def get_problems(self, client, query):
        response = client.get(f"{guide_url('hvis-du-bliver-ledig')}?{query}")
        data = body(response)
        Problem.model_validate(data)
        assert response.status_code == 400
        assert response["Cache-Control"] == "no-store"
        return data["errors"]

    def test_unknown_answer_is_400_naming_valid_values(self, demo, client):
        [problem] = self.get_problems(client, "akasse=maaske")
        assert problem["code"] == "unknown_answer"
        assert problem["parameter"] == "akasse"
        assert problem["value"] == "maaske"
        assert problem["valid_values"] == ["ja", "nej"]
        assert "Gyldige svar: ja, nej" in problem["message"]

    def test_unknown_question_is_400_naming_the_questions(self, demo, client):
        [problem] = self.get_problems(client, "akasse=ja&boern=ja")
        assert problem["code"] == "unknown_question"
        assert problem["parameter"] == "boern"
        assert problem["valid_values"] == ["akasse", "alder"]

    def test_answer_to_a_question_that_is_not_asked_is_400(self, demo, client):
        [problem] = self.get_problems(client, "akasse=ja&alder=under-30")
        assert problem["code"] == "not_applicable"
        assert problem["question"] == "alder"

    def test_incomplete_answers_are_400_naming_the_missing_question(self, demo, client):
        [problem] = self.get_problems(client, "akasse=nej")
        assert problem["code"] == "missing_answer"
        assert problem["question"] == "alder"
        assert problem["valid_values"] == ["under-30", "30-eller-derover"]

    def test_an_empty_answer_counts_as_missing(self, demo, client):
        assert [p["code"] for p in self.get_problems(client, "akasse=")] == ["missing_answer"]

    def test_two_answers_to_one_question_are_400(self, demo, client):
        [problem] = self.get_problems(client, "akasse=ja&akasse=nej")
        assert problem["code"] == "multiple_values"

    def test_every_problem_is_named_at_once(self, demo, client):
        problems = self.get_problems(client, "akasse=maaske&boern=ja&dato=igaar")
        assert {p["code"] for p in problems} == {"unknown_answer", "unknown_question", "invalid_date"}


class TestNoLeaks:
    def test_unknown_slug_is_404(self, demo, client):
        response = client.get(guide_url("findes-ikke"))
        assert response.status_code == 404
        Problem.model_validate(body(response))

    def test_never_published_guide_is_404(self, demo, client, editor):
        make_guide(
            demo["hvis-du-bliver-ledig"].get_parent(), guide_data("kladde"), publish=False, user=editor
        )
        assert client.get(guide_url("kladde")).status_code == 404

    def test_unpublished_guide_is_404(self, demo, client):
        demo["naar-du-faar-nyt-job"].unpublish()
        assert client.get(guide_url("naar-du-faar-nyt-job")).status_code == 404

    def test_latest_unpublished_revision_is_not_served(self, demo, client):
        page = demo["hvis-du-bliver-ledig"]
        draft = page.get_latest_revision_as_object()
        draft.title = "KLADDE: ikke godkendt"
        draft.intro = "KLADDE-INTRO"
        draft.save_revision()
        for query in ("", "?akasse=ja"):
            text = client.get(guide_url(page.slug) + query).content.decode()
            assert "KLADDE" not in text
        assert "KLADDE" not in client.get(f"{API}/guides/").content.decode()
        assert body(client.get(guide_url(page.slug)))["revision_id"] == page.live_revision_id

    def test_unpublished_section_edit_is_not_served(self, demo, client):
        page = demo["hvis-du-bliver-ledig"]
        draft = page.get_latest_revision_as_object()
        draft.body[0].value["heading"] = "Hemmelig kladdeoverskrift"
        draft.save_revision()
        assert "Hemmelig" not in client.get(guide_url(page.slug)).content.decode()

    def test_view_restricted_guide_is_404(self, demo, client):
        PageViewRestriction.objects.create(
            page=demo["naar-du-faar-nyt-job"], restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        response = client.get(guide_url("naar-du-faar-nyt-job"), {"akasse": "ja"})
        assert response.status_code == 404
        assert "nyt job" not in response.content.decode().lower()

    def test_guide_below_a_restricted_ancestor_is_404(self, demo, client, django_user_model):
        PageViewRestriction.objects.create(
            page=demo["hvis-du-bliver-ledig"].get_parent(), restriction_type=PageViewRestriction.LOGIN
        )
        logged_in = client
        logged_in.force_login(django_user_model.objects.get(username="admin"))
        # Even a session that could see the page in the browser gets no private page from the API.
        assert logged_in.get(guide_url("hvis-du-bliver-ledig")).status_code == 404

    def test_republished_content_is_served_at_once(self, demo, client):
        page = publish_new_revision(demo["naar-du-faar-nyt-job"], intro="Ny, godkendt intro.")
        data = body(client.get(guide_url(page.slug)))
        assert data["intro"] == "Ny, godkendt intro."
        assert data["revision_id"] == page.live_revision_id


def test_guide_page_type_is_the_only_one_served(demo, client):
    home = demo["hvis-du-bliver-ledig"].get_parent()
    assert client.get(guide_url(home.slug)).status_code == 404
    assert GuidePage.objects.filter(slug=home.slug).count() == 0
