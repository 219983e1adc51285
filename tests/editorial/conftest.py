"""Fixtures for the editor tools: a local link server and guides with known defects."""

from __future__ import annotations

import pytest

from guides import services
from guides.demo import people
from guides.demo.dates import SECTION_REVIEW_DAYS, review_in
from tests.editorial.linkserver import LinkServer
from tests.factories import (
    PASSWORD,
    UserFactory,
    guide_data,
    make_draft_with,
    make_guide,
    question,
    section,
    task,
)

HARD_TEXT = (
    "<p>Arbejdsløshedsforsikringsordningens administrationsgrundlag forudsætter "
    "dokumentationsindsendelse vedrørende kvalifikationsgrundlaget, beskæftigelsesrettede "
    "aktiviteter og rådighedsvurderinger, inden ansøgningsfristens udløb indtræder, "
    "medmindre kommunalbestyrelsen dispenserer.</p>"
)
OVERDUE = "2020-01-01"


@pytest.fixture(scope="session")
def link_server():
    with LinkServer() as server:
        yield server


@pytest.fixture
def links(link_server, settings):
    """The link server, with the link checker allowed to reach it (loopback) and fast time-outs."""
    settings.VEJVISER_LINKCHECK_ALLOW_PRIVATE_ADDRESSES = True
    settings.VEJVISER_LINKCHECK_TIMEOUT = 0.5
    settings.VEJVISER_LINKCHECK_MAX_CONCURRENCY = 4
    link_server.reset()
    return link_server


def prose_section(key, *, authority="digst", audience=None, heading=None, text=None, review_by=None):
    """A section with running text only: no checklist (due for review in half a year)."""
    return {
        "key": key,
        "heading": heading or f"Afsnit {key}",
        "authority": authority,
        "audience": audience or {},
        "review_by": review_by or review_in(SECTION_REVIEW_DAYS),
        "source": "Testkilde",
        "content": [("rich_text", text or f"<p>Tekst om {key}.</p>")],
    }


def crafted_data(base_url="http://127.0.0.1:9", *, dangling=False, slug="defekt-guide"):
    """A guide with one of each defect the editor tools must find.

    * »umulig« asks for members under 30, but age is only asked of non-members: unreachable.
    * Non-members of 30 or over see only »intro« and »svaer«, which have no checklist.
    * »svaer« is bureaucratic prose with a LIX far above 45.
    * »medlem« links to a page that answers 404, and was due for review in 2020.
    * With ``dangling``: »gammel« is shown for the answer »maaske«, which does not exist.
    """
    medlem = section(
        "medlem",
        authority="star",
        audience={"akasse": ["ja"]},
        heading="Dagpenge fra a-kassen",
        tasks=[task("Søg dagpenge", link=("Læs mere", f"{base_url}/missing"))],
        content=[
            ("self_service", {"label": "Gå til a-kassen", "url": f"{base_url}/ok", "solution": "A-kassen"})
        ],
    )
    medlem["review_by"] = OVERDUE
    sections = [
        prose_section("intro", heading="Sådan bruger du guiden"),
        medlem,
        section(
            "ung", authority="kl", audience={"akasse": ["nej"], "alder": ["under-30"]}, heading="Ung og ledig"
        ),
        section(
            "umulig",
            authority="kl",
            audience={"akasse": ["ja"], "alder": ["under-30"]},
            heading="Medlem under 30",
        ),
        prose_section("svaer", authority="skat", heading="Dokumentationskrav", text=HARD_TEXT),
    ]
    if dangling:
        sections.append(
            section("gammel", authority="atp-udk", audience={"akasse": ["maaske"]}, heading="Gammelt svar")
        )
    return guide_data(
        slug,
        title="Defekt guide",
        questions=[
            question("akasse", short_label="A-kasse"),
            question(
                "alder", ("under-30", "30-eller-derover"), asked_when={"akasse": ["nej"]}, short_label="Alder"
            ),
        ],
        sections=sections,
    )


@pytest.fixture
def crafted(home, authorities, editor, link_server, monkeypatch):
    """A published guide with every defect except the dangling condition (which the editor's
    form refuses), linking to the local link server.

    It is published through the sign-off workflow, which would renew its review dates
    today; the review tools see it as if those sign-offs were older than the renewal
    period, so the 2020 date is overdue (renewal itself: test_review_signoff.py).
    """
    from guides.editorial import review

    monkeypatch.setattr(review, "last_signoff_dates", lambda pages: {})
    return make_guide(home, crafted_data(link_server.base_url), user=editor)


@pytest.fixture
def crafted_draft(home, authorities, editor, link_server):
    """A draft that also has a dangling condition, stored as another client could store it."""
    return make_draft_with(
        home, crafted_data(link_server.base_url, dangling=True, slug="defekt-kladde"), user=editor
    )


@pytest.fixture
def reviewer_for(authorities):
    """``reviewer_for("kl")``: a reviewer of that authority only."""

    def make(code):
        authority = authorities[code]
        user = UserFactory(username=f"godkender-test-{code}", groups=[authority.reviewer_group])
        user.raw_password = PASSWORD
        return user

    return make


@pytest.fixture
def outsider(db):
    """A user who may use the admin but is neither editor nor reviewer."""
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name="Kun admin-adgang")
    group.permissions.add(services.admin_access_permission())
    return UserFactory(username="udenforstaaende", groups=[group])


@pytest.fixture
def demo_editor(demo):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=people.EDITOR["username"])


@pytest.fixture
def demo_reviewer(demo):
    from django.contrib.auth import get_user_model

    def get(code):
        return get_user_model().objects.get(username=people.reviewer_username(code))

    return get
