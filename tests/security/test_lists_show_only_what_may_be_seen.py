"""RELIABILITY case 37: lists show only what the viewer may see.

Filters, choosers, dashboards and reports never name a guide that was never published to a
user who may not edit it. A reviewer (member of an authority's reviewer group, no page
permissions) sees published guides and the guides their own authority has been asked
about (they must read those to sign them off); an editor who may edit a never-published
guide sees it everywhere an editor's lists go.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from guides.signoff import setup
from tests.factories import guide_data, make_guide, section

pytestmark = pytest.mark.django_db

#: The title of the guide that was never published: distinctive, so a substring check is exact.
SECRET_TITLE = "Guide om Planlagt Reform 4R7"
PUBLIC_TITLE = "Guide om Noget Offentligt"


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


@pytest.fixture
def guides(home, authorities, editor, workflow, reviewers):
    """A published guide and a never-published one; every section of the never-published
    guide is overdue for review (so the review-date lists have a reason to show it)."""
    published = make_guide(home, guide_data("offentlig", title=PUBLIC_TITLE), user=editor)
    data = guide_data("aldrig-udgivet-37", title=SECRET_TITLE)
    for each in data["sections"]:
        each["review_by"] = "2020-01-01"
    never_published = make_guide(home, data, user=editor, publish=False)
    return {"published": published, "never_published": never_published}


@pytest.fixture
def reviewer_client(client, reviewers):
    client.force_login(reviewers["kl"])
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def guide_filter_options(response) -> list[str]:
    soup = BeautifulSoup(body(response), "html.parser")
    select = soup.find("select", attrs={"name": "page"})
    assert select is not None, "the sign-off log has a guide filter"
    return [option.get_text(strip=True) for option in select.find_all("option") if option.get("value")]


class TestSignOffLogGuideFilter:
    url = reverse("signoff:log")

    def test_a_reviewer_is_not_offered_a_never_published_guide(self, guides, reviewer_client):
        response = reviewer_client.get(self.url)

        assert response.status_code == 200
        options = guide_filter_options(response)
        assert PUBLIC_TITLE in options
        assert SECRET_TITLE not in options
        assert SECRET_TITLE not in body(response)

    def test_filtering_by_the_never_published_guides_id_names_nothing(self, guides, reviewer_client):
        pk = guides["never_published"].pk

        for url in (self.url, reverse("signoff:log_results")):
            response = reviewer_client.get(url, {"page": pk})

            assert SECRET_TITLE not in body(response), url

    def test_an_editor_who_may_edit_it_is_offered_it(self, guides, editor_client):
        response = editor_client.get(self.url)

        assert response.status_code == 200
        assert {PUBLIC_TITLE, SECRET_TITLE} <= set(guide_filter_options(response))

    def test_a_reviewer_whose_authority_is_asked_about_it_is_offered_it(
        self, guides, editor, reviewer_client
    ):
        # Their own work: the first sign-off of a new guide happens before it is ever published.
        setup.submit(guides["never_published"], editor)

        options = guide_filter_options(reviewer_client.get(self.url))

        assert SECRET_TITLE in options


#: Every list a reviewer can open or try: the sign-off screens, the dashboard, the reports
#: (ours and Wagtail's) and the choosers. Each is a 200 with no mention of the guide, or a refusal.
REVIEWER_LISTS = [
    pytest.param("/admin/", id="dashboard"),
    pytest.param("/admin/godkendelse/", id="sign-off overview"),
    pytest.param("/admin/godkendelse/log/", id="sign-off log"),
    pytest.param("/admin/godkendelse/log/results/", id="sign-off log results"),
    pytest.param("/admin/reports/site-history/", id="site history report"),
    pytest.param("/admin/reports/workflow/", id="workflow report"),
    pytest.param("/admin/reports/workflow_tasks/", id="workflow tasks report"),
    pytest.param("/admin/reports/locked/", id="locked pages report"),
    pytest.param("/admin/reports/aging-pages/", id="aging pages report"),
    pytest.param("/admin/vejviser/reports/coverage/", id="coverage report"),
    *(
        pytest.param(
            f"/admin/vejviser/reports/{name}/{results}",
            id=f"{name} report{' results' if results else ''}",
        )
        for name in ("readability", "links", "review")
        for results in ("", "results/")
        # The link report's rows list only sections with links (there are none here);
        # its filter, on the full page, is what names the guide.
        if (name, results) != ("links", "results/")
    ),
    pytest.param("/admin/vejviser/reports/links/results/", id="links report results"),
    pytest.param("/admin/choose-page/", id="page chooser"),
    pytest.param("/admin/choose-page/search/?q=Reform", id="page chooser search"),
    pytest.param("/admin/pages/search/?q=Reform", id="admin page search"),
    pytest.param("/admin/snippets/choose/guides/authority/", id="authority chooser"),
    pytest.param("/admin/workflows/task_chooser/", id="task chooser"),
]


@pytest.mark.parametrize("url", REVIEWER_LISTS)
def test_no_list_a_reviewer_can_open_names_a_never_published_guide(guides, reviewer_client, url):
    response = reviewer_client.get(url)

    # A refusal is a 403, or Wagtail's redirect to the dashboard (whose panels are tested
    # as a list of their own).
    assert response.status_code in (200, 403) or response["Location"] == "/admin/", url
    assert SECRET_TITLE not in body(response)


#: The same lists, as an editor who may edit the never-published guide: those that list guides
#: at all name it (so the reviewer's tests above are not passing on empty lists).
EDITOR_LISTS = [
    "/admin/godkendelse/log/",
    "/admin/vejviser/reports/readability/",
    "/admin/vejviser/reports/review/",
    "/admin/vejviser/reports/coverage/",
    "/admin/pages/search/?q=Reform",
    "/admin/choose-page/search/?q=Reform",
]


@pytest.mark.parametrize("url", EDITOR_LISTS)
def test_an_editor_who_may_edit_a_never_published_guide_finds_it_in_the_lists(guides, editor_client, url):
    response = editor_client.get(url)

    assert response.status_code == 200
    assert SECRET_TITLE in body(response)


def test_the_reviewers_lists_do_show_published_guides(guides, reviewer_client):
    """The refusals above are about never-published guides only, not an empty screen."""
    response = reviewer_client.get("/admin/godkendelse/log/results/")

    assert PUBLIC_TITLE in body(response)


class TestANeverPublishedGuideInAnotherAuthoritysRound:
    """Submitted for sign-off, but nothing in it is KL's: KL's reviewer has no business with it."""

    TITLE = "Guide om Skattefri Ordning 9T2"

    @pytest.fixture
    def submitted(self, guides, home, editor):
        data = guide_data("kun-skat-37", title=self.TITLE, sections=[section("skat", authority="skat")])
        guide = make_guide(home, data, user=editor, publish=False)
        setup.submit(guide, editor)
        return guide

    @pytest.mark.parametrize(
        "url",
        ["/admin/", "/admin/godkendelse/", "/admin/godkendelse/log/", "/admin/godkendelse/log/results/"],
    )
    def test_the_other_authoritys_reviewer_is_not_shown_it(self, submitted, reviewer_client, url):
        response = reviewer_client.get(url)

        assert response.status_code == 200
        assert self.TITLE not in body(response)

    def test_the_asked_authoritys_reviewer_is_shown_it(self, submitted, client, reviewers):
        client.force_login(reviewers["skat"])

        assert self.TITLE in body(client.get("/admin/godkendelse/"))
        assert self.TITLE in guide_filter_options(client.get("/admin/godkendelse/log/"))
