"""How blocks are shaped for the API: links, rich text safety, and the cost of a guide."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides import serializers
from guides.api.schemas import GuideDetail
from tests.api.conftest import body, guide_url
from tests.factories import guide_data, make_guide, publish_signed_off, section, task

pytestmark = pytest.mark.django_db

HOSTILE_HTML = (
    '<p>Se <a linktype="page" id="{page_id}">forsiden</a>, '
    '<a href="javascript:alert(1)">klik</a> og <a href="/hjaelp/">hjælp</a>.</p>'
    '<script>alert("x")</script><p onclick="alert(2)">tekst<img src=x onerror=alert(3)></p>'
)


def hostile_guide(home, editor):
    sections = [
        section(
            "fjendtlig",
            content=[
                ("rich_text", HOSTILE_HTML.format(page_id=home.pk)),
                (
                    "self_service",
                    {"label": "Farligt", "url": "javascript:alert(4)", "solution": "X", "authority": "skat"},
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "heading": "<b>Overskrift</b>",
                        "text": '<p><a href="data:text/html,x">d</a></p>',
                    },
                ),
                ("actors", {"heading": "", "actors": [{"name": "A", "role": "B", "url": "vbscript:x"}]}),
            ],
            tasks=[task("Opgave", link=("Link", "javascript:alert(5)"))],
        )
    ]
    page = make_guide(home, guide_data("fjendtlig", sections=sections), publish=False, user=editor)
    # As if stored by a script or another client, without the editor's validation.
    page.save_revision(user=editor, clean=False)
    publish_signed_off(page, editor)
    return page


class TestRichTextAndLinks:
    def test_internal_links_become_absolute_public_urls(self, home, authorities, editor, client):
        hostile_guide(home, editor)
        data = body(client.get(guide_url("fjendtlig")))
        html = data["sections"][0]["content"][0]["html"]
        assert f'<a href="http://testserver{home.url}">forsiden</a>' in html
        assert '<a href="http://testserver/hjaelp/">hjælp</a>' in html
        assert "linktype" not in html

    def test_scripts_event_handlers_and_dangerous_urls_never_reach_the_json(
        self, home, authorities, editor, client
    ):
        hostile_guide(home, editor)
        response = client.get(guide_url("fjendtlig"), {"akasse": "ja"})
        data = body(response)
        GuideDetail.model_validate(data)
        text = response.content.decode().lower()
        for needle in ("<script", "javascript:", "vbscript:", "data:text", "onclick", "onerror", "<img"):
            assert needle not in text, needle
        blocks = {block["type"]: block for block in data["sections"][0]["content"]}
        assert blocks["self_service"]["url"] == ""
        assert blocks["actors"]["actors"][0]["url"] is None
        assert blocks["checklist"]["items"][0]["link"] is None
        # Plain-text fields stay text: the consumer escapes them.
        assert blocks["callout"]["heading"] == "<b>Overskrift</b>"

    @pytest.mark.parametrize(
        ("url", "expected"),
        [
            ("https://www.skat.dk/", "https://www.skat.dk/"),
            ("/side/", "https://vejviser.example/side/"),
            ("//evil.example/", None),
            ("javascript:alert(1)", None),
            ("JaVaScRiPt:alert(1)", None),
            ("mailto:a@b.dk", "mailto:a@b.dk"),
            ("ftp://x/", None),
            ("", None),
        ],
    )
    def test_absolute_url(self, url, expected):
        assert serializers.absolute_url("https://vejviser.example", url) == expected


class TestQueryCount:
    def count_queries(self, client, slug, query=""):
        from guides.delivery import store

        store.new_generation()  # measure a render, not a replay from the delivery cache
        with CaptureQueriesContext(connection) as captured:
            response = client.get(guide_url(slug) + query)
        assert response.status_code == 200
        return len(captured)

    def test_queries_do_not_grow_with_the_number_of_sections(self, home, authorities, editor, client):
        codes = list(authorities)

        def sections(count):
            return [
                section(
                    f"s{i}",
                    authority=codes[i % 5],
                    content=[
                        ("rich_text", f'<p>Se <a linktype="page" id="{home.pk}">forsiden</a> {i}.</p>'),
                        (
                            "self_service",
                            {
                                "label": "L",
                                "url": "https://x.dk/",
                                "solution": "S",
                                "authority": codes[i % 5],
                            },
                        ),
                    ],
                )
                for i in range(count)
            ]

        small, big = sections(2), sections(30)
        make_guide(home, guide_data("lille", sections=small), user=editor)
        make_guide(home, guide_data("stor", sections=big), user=editor)
        client.get(guide_url("lille"))  # warm Wagtail's site root paths cache
        small_count = self.count_queries(client, "lille")
        big_count = self.count_queries(client, "stor")
        assert big_count == small_count

    def test_a_guide_costs_a_handful_of_queries(self, demo, client, django_assert_max_num_queries):
        client.get(guide_url("hvis-du-bliver-ledig"))
        with django_assert_max_num_queries(10):
            client.get(guide_url("hvis-du-bliver-ledig"), {"akasse": "nej", "alder": "under-30"})
        with django_assert_max_num_queries(6):
            client.get("/api/v1/guides/")
