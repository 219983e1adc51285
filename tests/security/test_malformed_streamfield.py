"""Case 17, malformed StreamField input: unknown block types, deep nesting, huge lists,
wrong types and audience conditions naming questions or answers that do not exist give a
form error or a 400, never a 500 and never a partial save.

Through the page editor (save, publish, submit), its preview endpoint, and stored
revisions that never passed validation, read back by every reader.
"""

from __future__ import annotations

import json
import time

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision

from guides.models import GuidePage
from tests.admin_forms import guide_form_data
from tests.factories import make_guide

pytestmark = pytest.mark.django_db

ACTIONS = {
    "save": {},
    "publish": {"action-publish": "action-publish"},
    "submit": {"action-submit": "action-submit"},
}


@pytest.fixture
def live(home, authorities, editor, workflow, reviewers):
    return make_guide(home, user=editor)


@pytest.fixture
def editor_client(editor):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    return client


def section_keys(data):
    return sorted({key.split("-value-")[0] for key in data if key.startswith("body-") and "-value-" in key})


def malformed(data: dict, case: str) -> dict:
    """The editor's POST for the guide, broken in one way."""
    data = dict(data)
    first = "body-0-value"
    if case == "unknown block type":
        data["body-0-type"] = "script"
    elif case == "unknown content block type":
        data[f"{first}-content-0-type"] = "raw_html"
    elif case == "count beyond the posted blocks":
        data["body-count"] = str(10**9)
    elif case == "negative count":
        data["body-count"] = "-5"
    elif case == "count is not a number":
        data["body-count"] = "mange"
    elif case == "deeply nested prefix":
        data["-".join(["body-0-value-content-0-value"] * 200)] = "x"
        data[f"{first}-content-count"] = "2"
        data[f"{first}-content-1-type"] = "checklist"
        data[f"{first}-content-1-value-entries-count"] = str(10**8)
    elif case == "date is not a date":
        data[f"{first}-review_by"] = "i morgen"
    elif case == "authority does not exist":
        data[f"{first}-authority"] = "999999"
    elif case == "authority is not an id":
        data[f"{first}-authority"] = "kl' OR 1=1"
    elif case == "timing amount is not a number":
        key = next(k for k in data if k.endswith("-timing-amount"))
        data[key] = "tre"
    elif case == "timing kind is unknown":
        key = next(k for k in data if k.endswith("-timing-kind"))
        data[key] = "igår"
    elif case == "condition names a question that does not exist":
        data.update(
            {
                f"{first}-audience-count": "1",
                f"{first}-audience-0-deleted": "",
                f"{first}-audience-0-order": "0",
                f"{first}-audience-0-id": "",
                f"{first}-audience-0-value-question": "boern",
                f"{first}-audience-0-value-answers": "ja",
            }
        )
    elif case == "condition names an answer that does not exist":
        data.update(
            {
                f"{first}-audience-count": "1",
                f"{first}-audience-0-deleted": "",
                f"{first}-audience-0-order": "0",
                f"{first}-audience-0-id": "",
                f"{first}-audience-0-value-question": "akasse",
                f"{first}-audience-0-value-answers": "maaske",
            }
        )
    elif case == "question key is markup":
        data["questions-0-value-key"] = "<b>akasse</b>"
    elif case == "rich text is not contentstate":
        data[f"{first}-content-0-value"] = "{not json"
    elif case == "rich text is contentstate of the wrong shape":
        data[f"{first}-content-0-value"] = json.dumps({"blocks": "nej", "entityMap": []})
    else:
        raise AssertionError(case)
    return data


CASES = [
    "unknown block type",
    "unknown content block type",
    "count beyond the posted blocks",
    "negative count",
    "count is not a number",
    "deeply nested prefix",
    "date is not a date",
    "authority does not exist",
    "authority is not an id",
    "timing amount is not a number",
    "timing kind is unknown",
    "condition names a question that does not exist",
    "condition names an answer that does not exist",
    "question key is markup",
    "rich text is not contentstate",
    "rich text is contentstate of the wrong shape",
]


def state(page):
    page = GuidePage.objects.get(pk=page.pk)
    return (
        list(Revision.page_revisions.filter(object_id=str(page.pk)).values_list("pk", "content")),
        page.live_revision_id,
        page.body.get_prep_value(),
        page.workflow_states.count(),
    )


@pytest.mark.parametrize("case", CASES)
def test_malformed_editor_post_is_a_form_error_and_saves_nothing(live, editor_client, case):
    before = state(live)
    url = reverse("wagtailadmin_pages:edit", args=[live.pk])
    base = guide_form_data(live.get_latest_revision_as_object())
    for action, extra in ACTIONS.items():
        started = time.monotonic()
        response = editor_client.post(url, {**malformed(base, case), **extra})
        assert time.monotonic() - started < 10, f"{case}/{action}: not bounded"
        assert response.status_code in (200, 400), f"{case}/{action}: {response.status_code}"
        if response.status_code == 200:
            messages = " ".join(str(m) for m in response.context["messages"])
            assert (
                "could not be" in messages or "kunne ikke" in messages or response.context["form"].errors
            ), (
                case,
                action,
            )
        assert state(live) == before, f"{case}/{action}: something was saved"


@pytest.mark.parametrize("case", CASES)
def test_malformed_preview_post_is_reported_invalid_not_a_server_error(live, editor_client, case):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[live.pk])
    response = editor_client.post(url, malformed(guide_form_data(live.get_latest_revision_as_object()), case))
    assert response.status_code in (200, 400), response.status_code
    if response.status_code == 200:
        assert response.json()["is_valid"] is False


def test_too_many_fields_is_a_400(live, editor_client, settings):
    data = guide_form_data(live.get_latest_revision_as_object())
    data.update({f"body-{i}-type": "section" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)})
    before = state(live)
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[live.pk]), data)
    assert response.status_code == 400
    assert state(live) == before


class TestStoredMalformedContent:
    """A revision stored without validation (an import, a script) can be read by every
    reader without a 500: unknown blocks are dropped, wrong values are ignored or shown as
    problems, and dangling conditions hide a section instead of breaking the page."""

    @pytest.fixture
    def stored(self, live, editor):
        content = live.get_latest_revision_as_object()
        raw = content.body.get_prep_value()
        raw.append({"type": "script", "id": "x", "value": "<script>alert(1)</script>"})
        raw[0]["value"]["content"].append({"type": "raw_html", "id": "y", "value": "<b>x</b>"})
        raw[0]["value"]["audience"] = [
            {"type": "item", "id": "z", "value": {"question": "findes-ikke", "answers": ["ja"]}}
        ]
        raw[1]["value"]["review_by"] = "ikke en dato"
        raw[1]["value"]["authority"] = 999999
        deep = {"content": []}
        for _ in range(200):
            deep = {"content": [{"type": "section", "id": "d", "value": deep}]}
        raw.append({"type": "section", "id": "deep", "value": deep})
        content.body = raw
        content.save_revision(user=editor, clean=False)
        return GuidePage.objects.get(pk=live.pk)

    def test_every_reader_answers_without_a_server_error(self, stored, editor_client):
        from guides.api import preview

        token, _ = preview.issue(stored.pk, stored.latest_revision_id)
        urls = [
            reverse("wagtailadmin_pages:edit", args=[stored.pk]),
            reverse("wagtailadmin_pages:view_draft", args=[stored.pk]),
            reverse("wagtailadmin_pages:revisions_compare", args=[stored.pk, "live", "latest"]),
            reverse("editorial_reports:coverage_guide", args=[stored.pk]),
            f"/api/v1/guides/{stored.slug}/?preview_token={token}",
            stored.url,
            f"/api/v1/guides/{stored.slug}/",
        ]
        for url in urls:
            response = editor_client.get(url)
            assert response.status_code in (200, 400, 404), (url, response.status_code)

    def test_submitting_it_is_refused_with_a_message_or_routed_and_never_a_500(
        self, stored, editor_client, editor
    ):
        response = editor_client.post(
            reverse("wagtailadmin_pages:edit", args=[stored.pk]),
            {
                **guide_form_data(GuidePage.objects.get(pk=stored.pk).live_revision.as_object()),
                "action-submit": "action-submit",
            },
        )
        assert response.status_code in (200, 302)
