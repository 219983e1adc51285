"""A guide as the domain sees it: questions, sections and checklist, free of Wagtail.

``GuideDocument.from_page()`` reads a ``GuidePage`` (the live page, or any revision via
``revision.as_object()``) once; everything else (which sections an audience sees, the
merged checklist, fingerprints) is computed from it here, so the citizen HTML, the API,
previews, reports and the sign-off workflow all see the same guide.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from guides import fingerprint
from guides.audience import Answer, Answers, Condition, Question, Questionnaire
from guides.timing import OBLIGATION_MUST, Timing

FRAME_ID = "frame"
"""The pseudo-section id of the guide frame (title, intro, questions)."""


@dataclass(frozen=True)
class ChecklistEntry:
    section_id: str
    section_heading: str
    text: str
    details: str
    timing: Timing
    obligation: str
    link_label: str = ""
    link_url: str = ""
    position: int = 0

    @property
    def is_must(self) -> bool:
        return self.obligation == OBLIGATION_MUST


@dataclass
class ChecklistGroup:
    """The entries sharing one timing, musts first."""

    timing: Timing
    heading: str
    must: list[ChecklistEntry] = field(default_factory=list)
    good_idea: list[ChecklistEntry] = field(default_factory=list)

    @property
    def entries(self) -> list[ChecklistEntry]:
        return self.must + self.good_idea


@dataclass
class Section:
    id: str
    index: int
    heading: str
    authority: object  # guides.models.Authority (or None while a draft lacks one)
    condition: Condition
    review_by: datetime.date | None
    source: str
    content: object  # the StreamValue of the section's content blocks
    value: object  # the whole StructValue, for rendering with the section template
    content_block: object = field(default=None, repr=False, compare=False)  # the content StreamBlock
    #: The canonical wording of the questions the condition names, with the questions those
    #: depend on (``asked_when``): what a citizen chooses in order to see this section.
    questions: list = field(default_factory=list, repr=False, compare=False)
    #: The guide's anchor label: a checklist's deadlines are served as »… efter {label}«.
    anchor_label: str = field(default="", repr=False, compare=False)

    @cached_property
    def content_prep(self) -> list:
        """The content blocks in their stored (JSON) form, for the fingerprint: computed
        only when asked (rendering a variant does not need it)."""
        return self.content_block.get_prep_value(self.content)

    @property
    def authority_code(self) -> str:
        return getattr(self.authority, "code", "")

    @property
    def authority_id(self) -> int | None:
        return getattr(self.authority, "pk", None)

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint.section_fingerprint(
            heading=self.heading,
            authority_id=self.authority_id,
            condition=self.condition.as_dict(),
            questions=self.questions,
            content=self.content_prep,
            anchor_label=self.anchor_label if self.has_checklist else None,
        )

    @property
    def has_checklist(self) -> bool:
        return any(child.block_type == "checklist" for child in self.content)

    @cached_property
    def checklist(self) -> list[ChecklistEntry]:
        entries = []
        for child in self.content:
            if child.block_type != "checklist":
                continue
            for item in child.value["entries"]:
                link = item.get("link") or {}
                entries.append(
                    ChecklistEntry(
                        section_id=self.id,
                        section_heading=self.heading,
                        text=item["text"],
                        details=item.get("details") or "",
                        timing=Timing.from_stored(item["timing"]),
                        obligation=item["obligation"],
                        link_label=link.get("label") or "",
                        link_url=link.get("url") or "",
                        position=len(entries),
                    )
                )
        return entries

    @property
    def has_prose(self) -> bool:
        """True when the section has content besides checklist items."""
        return any(child.block_type != "checklist" for child in self.content)


def questionnaire_from_stream(questions_value) -> Questionnaire:
    """The domain questionnaire of a GuidePage's ``questions`` stream value."""
    questions = []
    for child in questions_value or []:
        value = child.value
        questions.append(
            Question(
                key=(value.get("key") or "").strip(),
                label=value.get("label") or "",
                short_label=value.get("short_label") or "",
                help_text=value.get("help_text") or "",
                answers=tuple(
                    Answer(key=(answer.get("key") or "").strip(), label=answer.get("label") or "")
                    for answer in value.get("answers") or []
                ),
                asked_when=Condition.from_stored(value.get("asked_when")),
            )
        )
    return Questionnaire(tuple(questions))


def question_canonical(question: Question) -> dict:
    return {
        "key": question.key,
        "label": question.label,
        "short_label": question.short_label,
        "help_text": question.help_text,
        "answers": [{"key": answer.key, "label": answer.label} for answer in question.answers],
        "asked_when": question.asked_when.as_dict(),
    }


def questions_canonical(questionnaire: Questionnaire) -> list[dict]:
    return [question_canonical(question) for question in questionnaire]


def questions_named(questionnaire: Questionnaire, condition: Condition) -> list[dict]:
    """The questions a condition names, and those they are asked after (``asked_when``),
    in the questionnaire's order. A key no question has is left out (the condition is then
    invalid and the editor is told elsewhere)."""
    by_key = {question.key: question for question in questionnaire}
    wanted: set[str] = set()
    pending = list(condition.question_keys())
    while pending:
        key = pending.pop()
        if key in wanted or key not in by_key:
            continue
        wanted.add(key)
        pending.extend(by_key[key].asked_when.question_keys())
    return [question_canonical(question) for question in questionnaire if question.key in wanted]


@dataclass
class TailoredGuide:
    """What one audience gets: its sections and its merged, ordered checklist."""

    document: GuideDocument
    answers: Answers
    sections: list[Section]
    checklist: list[ChecklistGroup]

    @property
    def label(self) -> str:
        return self.document.questionnaire.audience_label(self.answers)

    @cached_property
    def prose_section_ids(self) -> set[str]:
        """Sections with more than checklist items, which the page shows in full."""
        return {section.id for section in self.sections if section.has_prose}


class GuideDocument:
    def __init__(
        self,
        *,
        title,
        slug,
        intro,
        anchor_label,
        questionnaire,
        sections,
        page=None,
        seo_title="",
        search_description="",
    ):
        self.title = title
        self.seo_title = seo_title or ""
        self.search_description = search_description or ""
        self.slug = slug
        self.intro = intro
        self.anchor_label = anchor_label
        self.questionnaire: Questionnaire = questionnaire
        self.sections: list[Section] = sections
        self.page = page

    @classmethod
    def from_page(cls, page) -> GuideDocument:
        questionnaire = questionnaire_from_stream(page.questions)
        sections = []
        for index, child in enumerate(page.body):
            if child.block_type != "section":
                continue
            value = child.value
            content = value["content"]
            condition = Condition.from_stored(value.get("audience"))
            sections.append(
                Section(
                    id=str(child.id),
                    index=index,
                    heading=value.get("heading") or "",
                    authority=value.get("authority"),
                    condition=condition,
                    review_by=value.get("review_by"),
                    source=value.get("source") or "",
                    content=content,
                    value=value,
                    content_block=child.block.child_blocks["content"],
                    questions=questions_named(questionnaire, condition),
                    anchor_label=page.anchor_label,
                )
            )
        return cls(
            title=page.title,
            slug=page.slug,
            intro=page.intro,
            anchor_label=page.anchor_label,
            seo_title=getattr(page, "seo_title", ""),
            search_description=getattr(page, "search_description", ""),
            questionnaire=questionnaire,
            sections=sections,
            page=page,
        )

    # -- audiences ------------------------------------------------------------------------

    @cached_property
    def audiences(self) -> list[Answers]:
        return self.questionnaire.audiences()

    def sections_for(self, answers: Mapping[str, str] | None) -> list[Section]:
        """The sections an audience sees. ``None`` means every section (unfiltered)."""
        if answers is None:
            return list(self.sections)
        return [section for section in self.sections if section.condition.matches(answers)]

    def checklist_for(self, sections: list[Section]) -> list[ChecklistGroup]:
        groups: dict[Timing, ChecklistGroup] = {}
        for section in sections:
            for entry in section.checklist:
                group = groups.get(entry.timing)
                if group is None:
                    group = groups[entry.timing] = ChecklistGroup(
                        entry.timing, entry.timing.heading(self.anchor_label)
                    )
                (group.must if entry.is_must else group.good_idea).append(entry)
        return sorted(groups.values(), key=lambda group: group.timing.sort_key)

    def tailor(self, answers: Answers) -> TailoredGuide:
        sections = self.sections_for(answers)
        return TailoredGuide(self, answers, sections, self.checklist_for(sections))

    # -- sign-off -------------------------------------------------------------------------

    @cached_property
    def frame_fingerprint(self) -> str:
        return fingerprint.frame_fingerprint(
            title=self.title,
            slug=self.slug,
            intro=self.intro,
            anchor_label=self.anchor_label,
            seo_title=self.seo_title,
            search_description=self.search_description,
            questions=questions_canonical(self.questionnaire),
            outline=[section.id for section in self.sections],
        )

    def section(self, section_id: str) -> Section | None:
        return next((section for section in self.sections if section.id == section_id), None)
