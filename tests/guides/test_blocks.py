"""Every guide block: round-trips through its stored form, validates and renders."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from guides.blocks import CONTENT_BLOCKS, QuestionBlock, SectionBlock
from guides.blocks.content import ChecklistBlock, OnwardLinkBlock, TimingBlock
from guides.blocks.fields import AnswerKeysBlock

SAMPLES = {
    "rich_text": '<p>Ret din <b>forskudsopgørelse</b> på <a href="https://www.skat.dk/">skat.dk</a>.</p>',
    "checklist": {
        "entries": [
            {
                "text": "Tilmeld dig på jobnet.dk",
                "details": "Også på en helligdag.",
                "timing": {"kind": "on_day", "amount": 0},
                "obligation": "skal",
                "link": {"label": "Jobnet", "url": "https://job.jobnet.dk/"},
            }
        ]
    },
    "actors": {
        "heading": "Hvem gør hvad?",
        "actors": [
            {"name": "A-kassen", "role": "Udbetaler dagpenge.", "url": "https://www.aka.dk/"},
            {"name": "Kommunen (jobcenter)", "role": "Giver tilbud.", "url": ""},
        ],
    },
    "self_service": {
        "label": "Ret forskudsopgørelsen",
        "url": "https://www.skat.dk/",
        "solution": "TastSelv",
        "authority": None,
        "description": "Log ind med MitID.",
    },
    "callout": {"kind": "warning", "heading": "Husk", "text": "<p>Meld dig ledig første dag.</p>"},
}
EXPECTED_TEXT = {
    "rich_text": "forskudsopgørelse",
    "checklist": "Tilmeld dig på jobnet.dk",
    "actors": "Kommunen (jobcenter)",
    "self_service": "TastSelv",
    "callout": "Meld dig ledig første dag.",
}


def test_every_content_block_has_a_sample():
    assert set(SAMPLES) == set(CONTENT_BLOCKS)


@pytest.mark.parametrize("name", sorted(CONTENT_BLOCKS))
def test_content_block_round_trips_through_its_stored_form(name):
    block = CONTENT_BLOCKS[name]
    value = block.to_python(SAMPLES[name])
    again = block.to_python(block.get_prep_value(value))
    assert block.get_prep_value(again) == block.get_prep_value(value)


@pytest.mark.parametrize("name", sorted(CONTENT_BLOCKS))
def test_content_block_validates_and_renders(name):
    block = CONTENT_BLOCKS[name]
    value = block.clean(block.to_python(SAMPLES[name]))
    html = block.render(value)
    assert EXPECTED_TEXT[name] in html


@pytest.mark.parametrize("name", sorted(CONTENT_BLOCKS))
def test_content_block_describes_itself_to_editors(name):
    block = CONTENT_BLOCKS[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.description
    assert block.meta.group
    assert block.meta.preview_value
    assert block.meta.template


@pytest.mark.parametrize("name", sorted(set(CONTENT_BLOCKS) - {"rich_text"}))
def test_content_block_escapes_markup_in_plain_text(name):
    block = CONTENT_BLOCKS[name]
    data = SAMPLES[name]
    evil = '<script>alert("x")</script>'
    if name == "checklist":
        data = {"entries": [{**data["entries"][0], "text": evil}]}
    elif name == "actors":
        data = {**data, "heading": evil}
    elif name == "self_service":
        data = {**data, "label": evil}
    elif name == "callout":
        data = {**data, "heading": evil}
    html = block.render(block.to_python(data))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("name", ["rich_text", "callout"])
def test_rich_text_stored_without_the_editor_is_cleaned(name):
    block = CONTENT_BLOCKS[name]
    evil = (
        '<p onclick="steal()">Hej<script>alert(1)</script>'
        '<a href="jav&#x09;ascript:alert(1)">a</a><a href="https://ok.dk" style="x">b</a>'
        '<a linktype="page" id="7 onmouseover=x">c</a><img src=x onerror=alert(1)></p>'
    )
    data = evil if name == "rich_text" else {**SAMPLES["callout"], "text": evil}
    value = block.clean(block.to_python(data))
    source = value.source if name == "rich_text" else value["text"].source
    for needle in ("script", "onclick", "javascript", "onerror", "<img", "style=", "onmouseover"):
        assert needle not in source.lower()
    assert '<a href="https://ok.dk">b</a>' in source


def test_rich_text_keeps_internal_page_links_and_allowed_formats():
    block = CONTENT_BLOCKS["rich_text"]
    source = (
        '<h3>Overskrift</h3><p><b>fed</b> <i>kursiv</i> <a linktype="page" id="3">intern</a></p>'
        "<ul><li>x</li></ul>"
    )
    assert block.clean(block.to_python(source)).source == source


def test_rich_text_offers_no_raw_html_and_limited_features():
    features = CONTENT_BLOCKS["rich_text"].features
    assert "embed" not in features and "image" not in features
    assert set(features) <= {"h3", "h4", "bold", "italic", "ol", "ul", "link"}


def test_timing_needs_an_amount_unless_ongoing():
    block = TimingBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"kind": "within_days", "amount": None}))
    assert block.clean(block.to_python({"kind": "ongoing", "amount": None}))["kind"] == "ongoing"


def test_onward_link_needs_both_label_and_address():
    block = OnwardLinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"label": "Jobnet", "url": ""}))
    assert block.clean(block.to_python({"label": "", "url": ""}))


def test_links_must_be_web_addresses():
    block = OnwardLinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"label": "Klik", "url": "javascript:alert(1)"}))


def test_checklist_needs_at_least_one_item():
    block = ChecklistBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"entries": []}))


class TestAnswerKeysBlock:
    block = AnswerKeysBlock()

    def test_form_text_becomes_a_list_of_keys(self):
        assert self.block.value_from_form(" Ja, nej ,") == ["ja", "nej"]

    def test_stored_list_is_shown_exactly_as_stored(self):
        assert self.block.value_for_form(["ja", "gammelt-svar"]) == "ja, gammelt-svar"

    def test_keys_must_be_slugs(self):
        with pytest.raises(ValidationError):
            self.block.clean(["ikke en nøgle"])

    def test_duplicates_collapse(self):
        assert self.block.clean(["ja", "ja"]) == ["ja"]


def test_question_block_round_trips():
    block = QuestionBlock()
    data = {
        "key": "alder",
        "label": "Hvor gammel er du?",
        "short_label": "Alder",
        "help_text": "",
        "answers": [{"key": "under-30", "label": "Under 30 år"}, {"key": "30-eller-derover", "label": "30+"}],
        "asked_when": [{"question": "akasse", "answers": ["nej"]}],
    }
    value = block.clean(block.to_python(data))
    assert block.get_prep_value(value)["asked_when"][0]["value"] == {"question": "akasse", "answers": ["nej"]}


@pytest.mark.django_db
def test_section_block_round_trips_with_its_authority(authorities):
    block = SectionBlock()
    data = {
        "heading": "Skat",
        "authority": authorities["skat"].pk,
        "audience": [],
        "review_by": "2027-01-01",
        "source": "skat.dk",
        "content": [{"type": "rich_text", "value": SAMPLES["rich_text"]}],
    }
    value = block.clean(block.to_python(data))
    assert value["authority"] == authorities["skat"]
    assert value["review_by"] == datetime.date(2027, 1, 1)
    assert "forskudsopgørelse" in block.render(value)
    assert block.get_prep_value(value)["authority"] == authorities["skat"].pk


@pytest.mark.django_db
def test_section_requires_an_owning_authority():
    block = SectionBlock()
    data = {
        "heading": "Uden ejer",
        "authority": None,
        "audience": [],
        "review_by": "2027-01-01",
        "source": "x",
        "content": [{"type": "rich_text", "value": "<p>x</p>"}],
    }
    with pytest.raises(ValidationError):
        block.clean(block.to_python(data))
