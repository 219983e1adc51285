"""Editor-side validation: problems are form errors on the block that has them."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from guides import services
from guides.models import GuidePage
from tests.admin_forms import guide_form_data
from tests.factories import guide_data, make_draft_with, question, section

pytestmark = pytest.mark.django_db


def errors_of(exc: ValidationError) -> dict:
    return exc.error_dict


def all_messages(exc: ValidationError) -> list[str]:
    """Every message in a (nested block) validation error."""

    def walk(data):
        if isinstance(data, dict):
            for value in data.values():
                yield from walk(value)
        elif isinstance(data, list):
            for value in data:
                yield from walk(value)
        elif isinstance(data, str):
            yield data

    messages = []
    for errors in exc.error_dict.values():
        for error in errors:
            messages += list(walk(error.as_json_data())) if hasattr(error, "as_json_data") else error.messages
    return messages


class TestModelValidation:
    def test_valid_guide_passes(self, guide):
        guide.full_clean()

    def test_condition_naming_a_removed_answer_is_an_error_on_that_section(self, home, authorities):
        data = guide_data(sections=[section("a"), section("b", audience={"akasse": ["maaske"]})])
        page = make_draft_with(home, data)
        with pytest.raises(ValidationError) as caught:
            page.full_clean()
        body_error = errors_of(caught.value)["body"][0]
        section_error = body_error.block_errors[1]
        messages = section_error.block_errors["audience"].non_block_errors.as_data()[0].messages
        assert messages == [
            "Betingelsen nævner svaret »maaske« på »akasse«, som ikke findes. Gyldige svar: ja, nej."
        ]
        assert 0 not in body_error.block_errors

    def test_condition_naming_a_missing_question_is_an_error(self, home, authorities):
        data = guide_data(sections=[section("a", audience={"uddannelse": ["ja"]})])
        page = make_draft_with(home, data)
        with pytest.raises(ValidationError) as caught:
            page.full_clean()
        assert any("»uddannelse«, som guiden ikke har" in message for message in all_messages(caught.value))

    def test_asked_when_naming_a_later_question_is_an_error_on_the_question(self, home, authorities):
        data = guide_data(
            questions=[question("a", asked_when={"b": ["ja"]}), question("b")],
            sections=[section("x")],
        )
        page = make_draft_with(home, data)
        with pytest.raises(ValidationError) as caught:
            page.full_clean()
        question_error = errors_of(caught.value)["questions"][0].block_errors[0]
        assert "tidligere spørgsmål" in str(question_error.non_block_errors.as_data()[0].messages)

    def test_duplicate_question_keys_are_an_error(self, home, authorities):
        data = guide_data(questions=[question("a"), question("a")], sections=[section("x")])
        page = make_draft_with(home, data)
        with pytest.raises(ValidationError) as caught:
            page.full_clean()
        assert any("brugt af et andet" in message for message in all_messages(caught.value))


class TestAdminEditForm:
    """Through the real Wagtail edit view, as an editor would."""

    def edit(self, client, page, **overrides):
        return client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            guide_form_data(page, **overrides),
        )

    def test_unchanged_guide_saves_as_a_draft(self, client, guide, editor):
        client.force_login(editor)
        response = self.edit(client, guide)
        assert response.status_code == 302
        assert guide.revisions.count() == 2

    def test_removing_an_answer_used_by_a_section_is_refused_and_named(
        self, client, guide, editor, authorities
    ):
        client.force_login(editor)
        page = GuidePage.objects.get(pk=guide.pk)
        revisions_before = page.revisions.count()
        # Replace the answer "ja" by "maaske"; the member section still names "ja".
        questions, _ = services.guide_stream_data(
            guide_data(
                questions=[
                    question("akasse", ("maaske", "nej")),
                    question("alder", ("under-30", "30-eller-derover"), asked_when={"akasse": ["nej"]}),
                ]
            ),
            authorities,
        )
        page.questions = questions
        response = self.edit(client, page)
        assert response.status_code == 200
        body_error = response.context["form"].errors.as_data()["body"][0]
        member_section = 1
        audience_error = body_error.block_errors[member_section].block_errors["audience"]
        assert audience_error.as_json_data() == {
            "messages": [
                "Betingelsen nævner svaret »ja« på »akasse«, som ikke findes. Gyldige svar: maaske, nej."
            ]
        }
        # The editor's browser renders these block errors from the form's JSON state.
        assert "blockErrors" in response.content.decode()
        assert page.revisions.count() == revisions_before

    def test_the_stored_condition_is_shown_back_not_dropped(self, client, home, authorities, editor):
        client.force_login(editor)
        data = guide_data(sections=[section("a", audience={"akasse": ["gammelt-svar"]})])
        page = make_draft_with(home, data, user=editor)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert "gammelt-svar" in response.content.decode()
