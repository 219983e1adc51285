"""Response schemas of the public guide API (django-ninja / pydantic).

They make the OpenAPI document at ``/api/v1/openapi.json`` exact: every field the
serializers in ``guides.serializers`` produce is declared here, with its type and a
description. The serializers build plain dicts; the contract tests validate them against
these schemas for every audience of the demo guides, and schemathesis validates live
responses against the OpenAPI document generated from them.

Text fields are plain text unless their name says ``html``: consumers must escape them.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from guides import timing

TimingKind = Literal[timing.BEFORE, timing.ON_DAY, timing.WITHIN_DAYS, timing.WITHIN_MONTHS, timing.ONGOING]
Obligation = Literal["skal", "god-ide"]


class Authority(Schema):
    code: str = Field(description="Stable code of the owning authority, e.g. `skat`.", examples=["skat"])
    name: str = Field(description="The authority's name.", examples=["Skattestyrelsen"])


class ConditionRule(Schema):
    question: str = Field(description="Question key.", examples=["akasse"])
    answers: list[str] = Field(description="Answer keys that satisfy the rule (any of them).")


class Audience(Schema):
    """Who something is for. All rules must hold; within a rule any listed answer will do."""

    everyone: bool = Field(description="True when there are no rules: shown to everyone.")
    rules: list[ConditionRule]
    description: str = Field(
        description="The condition in plain Danish, e.g. `A-kasse: Nej · Alder: Under 30 år`.",
    )


class Answer(Schema):
    key: str = Field(examples=["ja"])
    label: str = Field(examples=["Ja"])


class Question(Schema):
    key: str = Field(description="The query parameter name for this question.", examples=["akasse"])
    label: str
    short_label: str = Field(description="Short name for summaries; falls back to the label.")
    help_text: str
    answers: list[Answer]
    asked_when: Audience = Field(
        description="The question is asked (and may be answered) only when earlier answers satisfy this.",
    )


class Timing(Schema):
    kind: TimingKind = Field(
        description=(
            "`before`: at the latest `amount` days before the anchor day; `on_day`: on day `amount` "
            "(0 = the anchor day); `within_days`: within the first `amount` days; `within_months`: "
            "by the end of the first `amount` months; `ongoing`: all the time."
        )
    )
    amount: int = Field(ge=0)
    heading: str = Field(description="The group heading in Danish, e.g. `Inden for de første to uger`.")


class Link(Schema):
    label: str
    url: str = Field(description="Absolute http(s) URL.")


class ChecklistItem(Schema):
    text: str
    details: str
    timing: Timing
    obligation: Obligation = Field(description="`skal`: required; `god-ide`: a good idea.")
    link: Link | None
    due_date: datetime.date | None = Field(
        description="The last day to do it, when the request gave `dato`; null for ongoing items."
    )


class RichTextBlock(Schema):
    type: Literal["rich_text"]
    id: str
    html: str = Field(
        description="Sanitized HTML (p, h3, h4, b, i, ol, ul, li, a); links are absolute URLs.",
    )


class ChecklistBlock(Schema):
    type: Literal["checklist"]
    id: str
    items: list[ChecklistItem]


class Actor(Schema):
    name: str
    role: str
    url: str | None


class ActorsBlock(Schema):
    type: Literal["actors"]
    id: str
    heading: str
    actors: list[Actor]


class SelfServiceBlock(Schema):
    type: Literal["self_service"]
    id: str
    label: str
    url: str
    solution: str = Field(description="The self-service solution, e.g. `TastSelv`.")
    authority: Authority | None
    description: str


class CalloutBlock(Schema):
    type: Literal["callout"]
    id: str
    kind: Literal["info", "warning"]
    heading: str
    html: str = Field(description="Sanitized HTML (p, b, i, a); links are absolute URLs.")


ContentBlock = Annotated[
    RichTextBlock | ChecklistBlock | ActorsBlock | SelfServiceBlock | CalloutBlock,
    Field(discriminator="type"),
]


class Section(Schema):
    id: str = Field(description="The section's stable id: it survives edits, re-ordering and publishing.")
    heading: str
    authority: Authority | None = Field(description="The owning authority, which signed the section off.")
    audience: Audience
    content: list[ContentBlock]


class MergedChecklistItem(ChecklistItem):
    section_id: str
    section_heading: str


class ChecklistGroup(Schema):
    timing: Timing
    due_date: datetime.date | None
    items: list[MergedChecklistItem] = Field(description="Required items (`skal`) first.")


class AudienceEcho(Schema):
    query: str = Field(description="The normalized answers as a query string.", examples=["akasse=ja"])
    label: str = Field(description="The audience in plain Danish.", examples=["A-kasse: Ja"])


class GuideSummary(Schema):
    slug: str
    title: str
    intro: str
    url: str = Field(description="Absolute URL of this guide in the API.")
    html_url: str | None = Field(description="Absolute URL of the guide's public web page.")
    last_published_at: datetime.datetime | None
    revision_id: int = Field(description="The live revision; changes on every publish.")


class GuideList(Schema):
    api_version: str
    count: int
    results: list[GuideSummary]


class GuideDetail(GuideSummary):
    preview: bool = Field(description="True when this is a draft revision read with a preview token.")
    anchor_label: str = Field(
        description="The day the checklist counts from, e.g. `din første dag som ledig`."
    )
    questions: list[Question]
    filtered: bool = Field(description="True when the request gave a complete set of answers.")
    answers: dict[str, str] | None = Field(description="The normalized answers (null when not filtered).")
    audience: AudienceEcho | None
    anchor_date: datetime.date | None = Field(description="The `dato` of the request, if any.")
    sections: list[Section] = Field(
        description="Filtered: the sections for these answers. Unfiltered: every section, with its audience."
    )
    checklist: list[ChecklistGroup] | None = Field(
        description="Filtered: the merged checklist of the audience's sections, by timing. Unfiltered: null."
    )
    api_version: str


class ProblemItem(Schema):
    code: str = Field(
        description=(
            "unknown_question | unknown_answer | not_applicable | multiple_values | missing_answer | "
            "invalid_date | ambiguous_preview_token | ..."
        )
    )
    message: str = Field(description="The problem in plain Danish.")
    parameter: str | None = Field(default=None, description="The query parameter concerned.")
    question: str | None = None
    value: str | None = None
    valid_values: list[str] = Field(default_factory=list)
    expected_format: str | None = None


class Problem(Schema):
    """An error (RFC 9457 problem details), with every problem listed in ``errors``."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[ProblemItem] = Field(default_factory=list)
