"""Case 16, XSS corpus: markup stored straight into every field of a guide, never through
the editor's form (``save_revision(clean=False)``, as an import or another client could),
comes out escaped or stripped everywhere it is shown: the live page (every audience, the
print view), the editor's preview, revision compare, page history, the sign-off review
screen, admin messages, the sign-off log, notification e-mails and the JSON API.

There is no TableBlock in the product (docs/security.md), so there are no table classes
to inject.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from guides.models import GuidePage
from guides.signoff import setup
from guides.signoff.models import SignOffRequest
from tests.factories import guide_data, make_guide, question, reviewers_for_all, section, task

pytestmark = pytest.mark.django_db

TEXT = "\"'><script>alert('XSS-text')</script><img src=x onerror=\"alert('XSS-img')\">"
URL = "javascript:alert('XSS-url')"
DATA_URL = "data:text/html,<script>alert('XSS-data')</script>"
RICH = (
    "<p onclick=\"alert('XSS-onclick')\">Tekst<script>alert('XSS-rich')</script>"
    "<a href=\"javascript:alert('XSS-js')\">a</a>"
    "<a href=\"data:text/html,&lt;script&gt;alert('XSS-data')&lt;/script&gt;\">b</a>"
    '<a href="https://ok.example/" onmouseover="alert(\'XSS-over\')" class="x" style="x">c</a>'
    "<img src=x onerror=\"alert('XSS-img2')\"><iframe src=\"javascript:alert('XSS-frame')\"></iframe>"
    "<svg onload=\"alert('XSS-svg')\"></svg></p>"
)
COMMENT = "</textarea><script>alert('XSS-comment')</script>"

TEXT_FIELDS = {
    "heading",
    "text",
    "details",
    "label",
    "name",
    "role",
    "solution",
    "description",
    "help_text",
    "short_label",
    "source",
}
URL_FIELDS = {"url"}


def poison(value, *, path=""):
    """Every text of stored stream data replaced by markup, every URL by a script URL and
    every rich text by a hostile fragment; keys, ids, authorities and dates are kept."""
    if isinstance(value, list):
        return [poison(item, path=path) for item in value]
    if not isinstance(value, dict):
        return value
    if {"type", "value"} <= value.keys():
        kind = value["type"]
        if kind == "rich_text":
            return {**value, "value": RICH}
        return {**value, "value": poison(value["value"], path=kind)}
    out = {}
    for key, item in value.items():
        if key in TEXT_FIELDS and isinstance(item, str):
            out[key] = TEXT
        elif key in URL_FIELDS and isinstance(item, str):
            out[key] = DATA_URL if path == "actors" else URL
        elif key == "text" and path == "callout":
            out[key] = RICH
        elif path == "callout" and key == "kind":
            out[key] = "warning\" onmouseover=\"alert('XSS-kind')"
        else:
            out[key] = poison(item, path=path)
    if path == "callout" and "text" in value:
        out["text"] = RICH
    return out


def every_block_data(slug="xss"):
    content = [
        ("rich_text", "<p>x</p>"),
        ("actors", {"heading": "H", "actors": [{"name": "N", "role": "R", "url": "https://a.example/"}]}),
        (
            "self_service",
            {
                "label": "L",
                "url": "https://s.example/",
                "solution": "S",
                "authority": "skat",
                "description": "D",
            },
        ),
        ("callout", {"kind": "info", "heading": "H", "text": "<p>x</p>"}),
    ]
    return guide_data(
        slug,
        questions=[question("akasse", label="Spørgsmål?")],
        sections=[
            section(
                "alle",
                authority="digst",
                content=content,
                tasks=[task("T", details="D", link=("L", "https://l.example/"))],
            ),
            section("medlem", authority="skat", audience={"akasse": ["ja"]}),
        ],
    )


@pytest.fixture
def poisoned(home, authorities, editor, workflow, reviewers):
    """A published guide whose next draft carries the corpus in every field and the title."""
    page = make_guide(home, every_block_data(), user=editor)
    content = page.get_latest_revision_as_object()
    content.title = TEXT
    content.intro = TEXT
    content.anchor_label = TEXT
    content.questions = poison(content.questions.get_prep_value())
    content.body = poison(content.body.get_prep_value())
    content.save_revision(user=editor, clean=False)
    return GuidePage.objects.get(pk=page.pk)


def executable_markup(html: str) -> list[str]:
    """Every place where the corpus would run: a script element, an event handler, a
    javascript:/data: address or an element only the corpus brings (img, svg, iframe)."""
    problems = []
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        if tag.name == "script" and "XSS" in (tag.string or ""):
            problems.append(f"script: {tag.string[:60]}")
        if tag.name in ("img", "svg", "iframe") and "XSS" in str(tag):
            problems.append(f"element: {str(tag)[:80]}")
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") and "XSS" in value:
                problems.append(f"handler {name}: {value[:60]}")
            if name.lower() in (
                "href",
                "src",
                "action",
                "formaction",
                "srcdoc",
                "data",
                "xlink:href",
            ) and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                problems.append(f"{name}: {value[:60]}")
    return problems


def assert_inert(response, where):
    assert response.status_code == 200, (where, response.status_code)
    html = response.content.decode()
    assert "XSS" in html or where in INERT_WITHOUT_CORPUS, (
        f"{where}: the corpus did not reach the page at all"
    )
    problems = executable_markup(html)
    assert not problems, f"{where}: {problems}"


INERT_WITHOUT_CORPUS = set()


def sign_off_everything(page, editor):
    state = setup.submit(page, editor)
    setup.sign_off_round(state.current_task_state.specific, reviewers_for_all())
    return GuidePage.objects.get(pk=page.pk)


class TestBeforePublishing:
    def test_editor_preview_of_every_mode_is_inert(self, client, poisoned, editor):
        client.force_login(editor)
        for mode, _label in poisoned.get_latest_revision_as_object().preview_modes:
            response = client.get(
                reverse("wagtailadmin_pages:view_draft", args=[poisoned.pk]), {"mode": mode}
            )
            assert_inert(response, f"preview {mode or 'default'}")

    def test_edit_view_compare_and_history_are_inert(self, client, poisoned, editor):
        client.force_login(editor)
        urls = {
            "edit": reverse("wagtailadmin_pages:edit", args=[poisoned.pk]),
            "compare": reverse("wagtailadmin_pages:revisions_compare", args=[poisoned.pk, "live", "latest"]),
            "revision view": reverse(
                "wagtailadmin_pages:revisions_view", args=[poisoned.pk, poisoned.latest_revision_id]
            ),
            "history": reverse("wagtailadmin_pages:history", args=[poisoned.pk]),
        }
        for where, url in urls.items():
            assert_inert(client.get(url), where)

    def test_sign_off_screen_comment_log_and_emails_are_inert(
        self, client, poisoned, editor, reviewers, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            state = setup.submit(poisoned, editor)
        task_state = state.current_task_state.specific
        client.force_login(reviewers["skat"])
        assert_inert(client.get(reverse("signoff:review", args=[task_state.pk])), "review")
        request = task_state.requests.get(authority__code="skat")
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("signoff:decide", args=[request.pk]),
                {"decision": "request_changes", "comment": COMMENT},
            )
        assert SignOffRequest.objects.get(pk=request.pk).comment == COMMENT.strip()
        assert_inert(client.get(reverse("signoff:review", args=[task_state.pk])), "review after comment")
        client.force_login(editor)
        assert_inert(client.get(reverse("signoff:log")), "sign-off log")
        assert_inert(
            client.get(reverse("wagtailadmin_pages:history", args=[poisoned.pk])), "history with comment"
        )
        assert mail.outbox
        for message in mail.outbox:
            # Plain-text e-mail: markup is shown as text by every mail client, never run.
            assert not getattr(message, "alternatives", None)
            assert message.content_subtype == "plain"

    def test_admin_message_naming_unsigned_sections_is_inert(self, client, poisoned, editor):
        from guides.blocks.content import RICH_TEXT_FEATURES
        from guides.richtext import sanitize
        from tests.admin_forms import guide_form_data

        client.force_login(editor)
        # What the editor's form posts back for the stored draft: its rich text comes out
        # of Draftail clean, its headings and title are still markup-laden text.
        content = poisoned.get_latest_revision_as_object()
        content.body = json.loads(
            json.dumps(content.body.get_prep_value()).replace(
                json.dumps(RICH)[1:-1], json.dumps(sanitize(RICH, RICH_TEXT_FEATURES))[1:-1]
            )
        )
        data = guide_form_data(content)
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[poisoned.pk]),
            {**data, "action-publish": "action-publish"},
            follow=True,
        )
        messages = [str(m) for m in response.context["messages"]] if response.context else []
        html = response.content.decode()
        assert not executable_markup(html)
        assert any("XSS" in message for message in messages) or "XSS" in html


class TestAfterPublishing:
    @pytest.fixture
    def live(self, poisoned, editor):
        page = sign_off_everything(poisoned, editor)
        assert page.title == TEXT and page.live
        return page

    def test_live_page_for_every_audience_and_print_view_is_inert(self, client, live):
        for query in ("", "akasse=ja", "akasse=nej"):
            assert_inert(client.get(f"{live.url}?{query}"), f"guide ?{query}")
            if query:
                assert_inert(client.get(f"{live.url}udskriv/?{query}"), f"print ?{query}")
        assert_inert(client.get("/"), "home")

    def test_json_api_carries_sanitized_html_and_no_script_urls(self, client, live):
        for query in ("", "?akasse=ja"):
            data = client.get(f"/api/v1/guides/{live.slug}/{query}").json()
            text = json.dumps(data)
            assert "javascript:" not in text and "data:text/html" not in text
            for shown in data["sections"]:
                for block in shown["content"]:
                    if "html" in block:
                        assert not executable_markup(block["html"]), block["html"]
                        assert "<script" not in block["html"] and "onclick" not in block["html"]
            # Plain text fields are text: the consumer escapes them (docs/api.md).
            assert data["title"] == TEXT
        listing = client.get("/api/v1/guides/")
        assert listing["Content-Type"].startswith("application/json")
        assert listing["X-Content-Type-Options"] == "nosniff"

    def test_calendar_file_is_text_not_html(self, client, live):
        import datetime

        date = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
        response = client.get(f"{live.url}kalender.ics?akasse=ja&dato={date}")
        assert response["Content-Type"].startswith("text/calendar")
