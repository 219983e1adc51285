"""Coverage of a guide: which audience gets which section, and what is missing.

Plain Python, no Django. The audiences and every condition are evaluated by the one
audience module (``guides.audience``), so this analysis cannot disagree with what the
citizen HTML, the API and the previews show.

Problems found
    unreachable section       no audience satisfies its condition, so nobody reads it
    audience without sections an audience sees no section at all
    empty checklist           an audience's sections hold no checklist item
    dangling condition        a section's condition (or a question's »asked only when«)
                              names a question or answer the guide no longer has

``Coverage.blocking`` is what an editor must confirm before submitting a guide for
sign-off: unreachable sections, audiences with an empty checklist (which includes those
without sections) and dangling conditions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from guides.audience import MAX_AUDIENCES, Answers, Condition, ConditionProblem, Questionnaire

UNREACHABLE_SECTION = "unreachable_section"
AUDIENCE_WITHOUT_SECTIONS = "audience_without_sections"
EMPTY_CHECKLIST = "empty_checklist"
DANGLING_CONDITION = "dangling_condition"
DANGLING_QUESTION_CONDITION = "dangling_question_condition"
TOO_MANY_AUDIENCES = "too_many_audiences"


class SectionLike(Protocol):
    """What the analysis needs of a section (``guides.document.Section`` has it)."""

    id: str
    heading: str
    condition: Condition
    checklist: Sequence


@dataclass(frozen=True)
class AudienceCoverage:
    index: int
    answers: Answers
    label: str
    section_ids: tuple[str, ...]
    checklist_items: int

    @property
    def has_sections(self) -> bool:
        return bool(self.section_ids)

    @property
    def has_checklist(self) -> bool:
        return self.checklist_items > 0

    @property
    def query_string(self) -> str:
        return self.answers.query_string()


@dataclass(frozen=True)
class SectionCoverage:
    section: object  # the analysed section, for adapters that need more of it
    id: str
    heading: str
    condition_text: str
    audience_indexes: tuple[int, ...]
    checklist_items: int
    condition_problems: tuple[ConditionProblem, ...] = ()

    @property
    def reachable(self) -> bool:
        return bool(self.audience_indexes)


@dataclass(frozen=True)
class Problem:
    code: str
    section: SectionCoverage | None = None
    audience: AudienceCoverage | None = None
    question: str = ""
    detail: str = ""

    @property
    def blocks_submission(self) -> bool:
        return self.code in BLOCKING_CODES


BLOCKING_CODES = frozenset(
    {
        UNREACHABLE_SECTION,
        AUDIENCE_WITHOUT_SECTIONS,
        EMPTY_CHECKLIST,
        DANGLING_CONDITION,
        DANGLING_QUESTION_CONDITION,
        TOO_MANY_AUDIENCES,
    }
)


@dataclass(frozen=True)
class Coverage:
    questionnaire: Questionnaire
    audiences: tuple[AudienceCoverage, ...]
    sections: tuple[SectionCoverage, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    def shown(self, section: SectionCoverage, audience: AudienceCoverage) -> bool:
        return audience.index in section.audience_indexes

    @property
    def matrix(self) -> list[tuple[SectionCoverage, list[bool]]]:
        """Rows of sections, one column per audience: does this audience see it?"""
        return [
            (section, [self.shown(section, audience) for audience in self.audiences])
            for section in self.sections
        ]

    def problems_of(self, code: str) -> list[Problem]:
        return [problem for problem in self.problems if problem.code == code]

    @property
    def unreachable_sections(self) -> list[SectionCoverage]:
        return [section for section in self.sections if not section.reachable]

    @property
    def audiences_without_sections(self) -> list[AudienceCoverage]:
        return [audience for audience in self.audiences if not audience.has_sections]

    @property
    def audiences_without_checklist(self) -> list[AudienceCoverage]:
        return [audience for audience in self.audiences if not audience.has_checklist]

    @property
    def dangling_sections(self) -> list[SectionCoverage]:
        return [section for section in self.sections if section.condition_problems]

    @property
    def blocking(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.blocks_submission]

    @property
    def is_clean(self) -> bool:
        return not self.problems

    def section(self, section_id: str) -> SectionCoverage | None:
        return next((section for section in self.sections if section.id == section_id), None)


def analyse(questionnaire: Questionnaire, sections: Sequence[SectionLike]) -> Coverage:
    """The coverage of a guide's sections over every audience of its questionnaire."""
    problems: list[Problem] = []
    for question in questionnaire:
        for condition_problem in questionnaire.condition_problems(question.asked_when, before=question.key):
            problems.append(
                Problem(
                    DANGLING_QUESTION_CONDITION,
                    question=question.key,
                    detail=condition_problem.message,
                )
            )

    try:
        audience_answers = questionnaire.audiences()
    except ValueError:
        audience_answers = []
        problems.append(Problem(TOO_MANY_AUDIENCES, detail=str(MAX_AUDIENCES)))

    section_rows = []
    seen_by: dict[int, list[SectionLike]] = {index: [] for index in range(len(audience_answers))}
    for section in sections:
        indexes = tuple(
            index for index, answers in enumerate(audience_answers) if section.condition.matches(answers)
        )
        for index in indexes:
            seen_by[index].append(section)
        row = SectionCoverage(
            section=section,
            id=section.id,
            heading=section.heading,
            condition_text=questionnaire.describe_condition(section.condition),
            audience_indexes=indexes,
            checklist_items=len(section.checklist),
            condition_problems=tuple(questionnaire.condition_problems(section.condition)),
        )
        section_rows.append(row)
        for condition_problem in row.condition_problems:
            problems.append(Problem(DANGLING_CONDITION, section=row, detail=condition_problem.message))
        if audience_answers and not row.reachable:
            problems.append(Problem(UNREACHABLE_SECTION, section=row))

    audience_rows = []
    for index, answers in enumerate(audience_answers):
        visible = seen_by[index]
        row = AudienceCoverage(
            index=index,
            answers=answers,
            label=questionnaire.audience_label(answers),
            section_ids=tuple(section.id for section in visible),
            checklist_items=sum(len(section.checklist) for section in visible),
        )
        audience_rows.append(row)
        if not row.has_sections:
            problems.append(Problem(AUDIENCE_WITHOUT_SECTIONS, audience=row))
        elif not row.has_checklist:
            problems.append(Problem(EMPTY_CHECKLIST, audience=row))

    return Coverage(questionnaire, tuple(audience_rows), tuple(section_rows), tuple(problems))
