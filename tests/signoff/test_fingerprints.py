"""Fingerprints cover exactly what an authority signs off."""

import pytest

from guides.document import FRAME_ID, GuideDocument
from guides.signoff.units import FRAME_LABEL, units_of
from tests.factories import guide_data, make_guide, question, section

pytestmark = pytest.mark.django_db


def units(page):
    return {unit.id: unit for unit in units_of(GuideDocument.from_page(page))}


@pytest.fixture
def draft(home, authorities):
    return make_guide(home, publish=False)


def changed(page, mutate):
    before = units(page)
    raw = page.body.get_prep_value()
    mutate(raw)
    page.body = raw
    after = units(page)
    return {unit_id for unit_id in before if before[unit_id].fingerprint != after[unit_id].fingerprint}


def test_every_section_and_the_frame_are_units_with_their_owner(draft):
    result = units_of(GuideDocument.from_page(draft))
    assert result[0].label == FRAME_LABEL
    assert result[0].authority_code == "digst"
    assert [unit.authority_code for unit in result[1:]] == ["digst", "star", "kl", "kl", "skat", "atp-udk"]


def test_changing_text_changes_only_that_sections_fingerprint(draft):
    def edit(raw):
        raw[4]["value"]["content"][0]["value"] = "<p>Ny tekst om skat.</p>"

    assert changed(draft, edit) == {draft.body[4].id}


def test_changing_audience_or_owner_changes_the_fingerprint(draft, authorities):
    def audience(raw):
        raw[0]["value"]["audience"] = [{"type": "item", "value": {"question": "akasse", "answers": ["ja"]}}]

    def owner(raw):
        raw[1]["value"]["authority"] = authorities["kl"].pk

    assert changed(draft, audience) == {draft.body[0].id}
    assert changed(draft, owner) == {draft.body[1].id}


def test_review_date_and_source_do_not_change_fingerprints(draft):
    def metadata(raw):
        for block in raw:
            block["value"]["review_by"] = "2030-01-01"
            block["value"]["source"] = "Ny kilde"

    assert changed(draft, metadata) == set()


def test_a_content_blocks_id_is_served_so_it_is_signed(draft):
    """The API gives each content block's id to consumers as a stable key."""

    def new_id(raw):
        raw[0]["value"]["content"][0]["id"] = "00000000-0000-0000-0000-000000000000"

    assert changed(draft, new_id) == {draft.body[0].id}


def test_reordering_sections_asks_the_frame_owner_only(draft):
    def reorder(raw):
        raw.reverse()

    assert changed(draft, reorder) == {FRAME_ID}


def test_frame_fingerprint_covers_title_intro_and_questions(home, authorities):
    first = GuideDocument.from_page(make_guide(home, guide_data("a"), publish=False)).frame_fingerprint
    other_questions = guide_data(
        "b", questions=[question("akasse", ("ja", "nej", "ved-ikke"))], sections=[section("x")]
    )
    page = make_guide(home, other_questions, publish=False)
    page.slug = "a"
    assert GuideDocument.from_page(page).frame_fingerprint != first
