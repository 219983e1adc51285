"""Coverage analysis in plain Python: the problems it finds and the matrix."""

from dataclasses import dataclass, field

import pytest

from guides.audience import Answer, Condition, Question, Questionnaire
from guides.editorial import coverage


@dataclass
class FakeSection:
    id: str
    condition: Condition = field(default_factory=Condition)
    checklist: list = field(default_factory=lambda: ["item"])
    heading: str = ""

    def __post_init__(self):
        self.heading = self.heading or f"Afsnit {self.id}"


def questionnaire():
    return Questionnaire(
        (
            Question(
                "akasse", "Er du medlem?", (Answer("ja", "Ja"), Answer("nej", "Nej")), short_label="A-kasse"
            ),
            Question(
                "alder",
                "Hvor gammel er du?",
                (Answer("under-30", "Under 30 år"), Answer("30-eller-derover", "30 år eller derover")),
                short_label="Alder",
                asked_when=Condition.from_mapping({"akasse": ["nej"]}),
            ),
        )
    )


def when(**rules):
    return Condition.from_mapping(rules)


def full_sections():
    return [
        FakeSection("alle"),
        FakeSection("medlem", when(akasse=["ja"])),
        FakeSection("ung", when(akasse=["nej"], alder=["under-30"])),
        FakeSection("voksen", when(akasse=["nej"], alder=["30-eller-derover"])),
    ]


class TestCleanGuide:
    def test_a_guide_where_everyone_gets_a_checklist_has_no_problems(self):
        result = coverage.analyse(questionnaire(), full_sections())
        assert result.is_clean
        assert result.blocking == []

    def test_audiences_are_the_audience_modules_in_order_with_labels(self):
        result = coverage.analyse(questionnaire(), full_sections())
        assert [audience.label for audience in result.audiences] == [
            "A-kasse: Ja",
            "A-kasse: Nej · Alder: Under 30 år",
            "A-kasse: Nej · Alder: 30 år eller derover",
        ]
        assert [audience.query_string for audience in result.audiences] == [
            "akasse=ja",
            "akasse=nej&alder=under-30",
            "akasse=nej&alder=30-eller-derover",
        ]

    def test_matrix_marks_which_audience_sees_which_section(self):
        result = coverage.analyse(questionnaire(), full_sections())
        assert [(row.id, cells) for row, cells in result.matrix] == [
            ("alle", [True, True, True]),
            ("medlem", [True, False, False]),
            ("ung", [False, True, False]),
            ("voksen", [False, False, True]),
        ]

    def test_matrix_agrees_with_condition_matches_for_every_audience(self):
        q = questionnaire()
        sections = full_sections()
        result = coverage.analyse(q, sections)
        for (_row, cells), section in zip(result.matrix, sections, strict=True):
            for audience, shown in zip(result.audiences, cells, strict=True):
                assert shown == section.condition.matches(audience.answers)

    def test_condition_is_described_in_words(self):
        result = coverage.analyse(questionnaire(), full_sections())
        assert result.section("ung").condition_text == "A-kasse: Nej · Alder: Under 30 år"
        assert result.section("alle").condition_text == "Alle"


class TestProblems:
    def test_section_no_audience_can_reach_is_unreachable(self):
        # »alder« is only asked of non-members, so a member under 30 does not exist.
        sections = [*full_sections(), FakeSection("umulig", when(akasse=["ja"], alder=["under-30"]))]
        result = coverage.analyse(questionnaire(), sections)
        assert [section.id for section in result.unreachable_sections] == ["umulig"]
        assert [problem.code for problem in result.blocking] == [coverage.UNREACHABLE_SECTION]

    def test_audience_without_any_section(self):
        sections = [
            FakeSection("medlem", when(akasse=["ja"])),
            FakeSection("nej", when(akasse=["nej"], alder=["under-30"])),
        ]
        result = coverage.analyse(questionnaire(), sections)
        assert [audience.label for audience in result.audiences_without_sections] == [
            "A-kasse: Nej · Alder: 30 år eller derover"
        ]
        assert [problem.code for problem in result.problems] == [coverage.AUDIENCE_WITHOUT_SECTIONS]

    def test_audience_whose_sections_have_no_checklist_items(self):
        sections = [
            FakeSection("alle", checklist=[]),
            FakeSection("medlem", when(akasse=["ja"])),
            FakeSection("ung", when(akasse=["nej"], alder=["under-30"])),
        ]
        result = coverage.analyse(questionnaire(), sections)
        assert [audience.query_string for audience in result.audiences_without_checklist] == [
            "akasse=nej&alder=30-eller-derover"
        ]
        assert [problem.code for problem in result.problems] == [coverage.EMPTY_CHECKLIST]
        assert result.problems[0].blocks_submission

    def test_condition_naming_a_removed_answer_is_dangling_and_unreachable(self):
        sections = [*full_sections(), FakeSection("gammel", when(akasse=["maaske"]))]
        result = coverage.analyse(questionnaire(), sections)
        assert [section.id for section in result.dangling_sections] == ["gammel"]
        codes = [problem.code for problem in result.problems]
        assert codes == [coverage.DANGLING_CONDITION, coverage.UNREACHABLE_SECTION]
        assert "»maaske«" in result.problems[0].detail

    def test_condition_naming_a_removed_question_is_dangling(self):
        sections = [*full_sections(), FakeSection("uddannelse", when(uddannelse=["ja"]))]
        result = coverage.analyse(questionnaire(), sections)
        assert result.problems_of(coverage.DANGLING_CONDITION)[0].section.id == "uddannelse"

    def test_question_asked_when_naming_a_removed_answer_is_dangling(self):
        q = Questionnaire(
            (
                Question("akasse", "?", (Answer("ja", "Ja"), Answer("nej", "Nej"))),
                Question(
                    "alder",
                    "?",
                    (Answer("a", "A"), Answer("b", "B")),
                    asked_when=Condition.from_mapping({"akasse": ["maaske"]}),
                ),
            )
        )
        result = coverage.analyse(q, [FakeSection("alle")])
        assert [problem.code for problem in result.problems] == [coverage.DANGLING_QUESTION_CONDITION]
        assert result.problems[0].question == "alder"

    def test_guide_without_questions_has_one_audience_everyone(self):
        result = coverage.analyse(Questionnaire(()), [FakeSection("alle")])
        assert [audience.label for audience in result.audiences] == ["Alle"]
        assert result.is_clean

    @pytest.mark.parametrize("section_count", [0, 1])
    def test_no_sections_means_every_audience_lacks_sections(self, section_count):
        sections = [FakeSection("medlem", when(akasse=["ja"]))][:section_count]
        result = coverage.analyse(questionnaire(), sections)
        assert len(result.audiences_without_sections) == 3 - section_count
