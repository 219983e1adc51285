"""Query budget: a cache miss costs the same number of queries for 10 or 100 sections (and
more questions); the warm path costs none."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.delivery import prerender
from tests import caches
from tests.factories import guide_data, make_guide, question, section

pytestmark = pytest.mark.django_db

AUTHORITIES = ("digst", "kl", "star", "skat", "atp-udk")


def big_guide(home, editor, slug, sections, questions):
    link = f'<p>Se <a linktype="page" id="{home.pk}">forsiden</a>.</p>'
    data = guide_data(
        slug,
        questions=[question("akasse"), *(question(f"q{i}") for i in range(questions - 1))],
        sections=[
            section(
                f"s{i}",
                authority=AUTHORITIES[i % len(AUTHORITIES)],
                audience={"akasse": ["ja"]} if i % 2 else {},
                content=[("rich_text", link)],
            )
            for i in range(sections)
        ],
    )
    return make_guide(home, data, user=editor)


def queries_for(client, url) -> int:
    caches.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(queries)


@pytest.fixture
def small_and_large(home, authorities, editor, workflow, reviewers):
    return big_guide(home, editor, "lille", 10, 2), big_guide(home, editor, "stor", 100, 4)


class TestMissBudget:
    @pytest.mark.parametrize(
        "url",
        [
            "/api/v1/guides/{slug}/",
            "/api/v1/guides/{slug}/?akasse=ja{rest}",
            "/{slug}/",
            "/{slug}/?akasse=ja{rest}",
            "/{slug}/udskriv/?akasse=ja{rest}",
        ],
    )
    def test_a_miss_costs_the_same_for_10_and_100_sections(self, small_and_large, client, url):
        small, large = small_and_large
        counts = [
            queries_for(client, url.format(slug=page.slug, rest="".join(f"&q{i}=nej" for i in range(n - 1))))
            for page, n in ((small, 2), (large, 4))
        ]
        assert counts[0] == counts[1], counts


class TestWarmBudget:
    def test_the_warm_path_makes_no_query_for_100_sections(
        self, small_and_large, client, django_assert_num_queries
    ):
        prerender.warm_all()
        with django_assert_num_queries(0):
            assert client.get("/api/v1/guides/stor/?akasse=ja&q0=nej&q1=nej&q2=nej").status_code == 200
            assert client.get("/stor/?akasse=ja&q0=nej&q1=nej&q2=nej").status_code == 200
