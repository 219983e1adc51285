"""The audience module: evaluation, normalization, conditional questions, enumeration."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guides.audience import (
    Answer,
    Answers,
    Condition,
    InvalidAnswers,
    Question,
    Questionnaire,
    questionnaire_problems,
)

AKASSE = Question(
    key="akasse",
    label="Er du medlem af en a-kasse?",
    short_label="A-kasse",
    answers=(Answer("ja", "Ja"), Answer("nej", "Nej")),
)
ALDER = Question(
    key="alder",
    label="Hvor gammel er du?",
    short_label="Alder",
    answers=(Answer("under-30", "Under 30 år"), Answer("30-eller-derover", "30 år eller derover")),
    asked_when=Condition.from_mapping({"akasse": ["nej"]}),
)
UNEMPLOYMENT = Questionnaire((AKASSE, ALDER))


class TestCondition:
    def test_empty_condition_matches_everyone(self):
        assert Condition().matches({})
        assert Condition().matches({"akasse": "ja"})

    def test_all_rules_must_hold(self):
        condition = Condition.from_mapping({"akasse": ["nej"], "alder": ["under-30"]})
        assert condition.matches({"akasse": "nej", "alder": "under-30"})
        assert not condition.matches({"akasse": "nej", "alder": "30-eller-derover"})
        assert not condition.matches({"akasse": "ja"})

    def test_any_allowed_answer_satisfies_a_rule(self):
        condition = Condition.from_mapping({"alder": ["under-30", "30-eller-derover"]})
        assert condition.matches({"alder": "30-eller-derover"})

    def test_unanswered_question_satisfies_no_rule(self):
        assert not Condition.from_mapping({"alder": ["under-30"]}).matches({"akasse": "nej"})

    def test_rule_order_and_repetition_do_not_change_the_condition(self):
        first = Condition.from_rules([("alder", ["under-30"]), ("akasse", ["nej"])])
        second = Condition.from_rules([("akasse", ["nej"]), ("alder", ["under-30"]), ("akasse", ["nej"])])
        assert first == second
        assert hash(first) == hash(second)
        assert first.as_dict() == {"akasse": ["nej"], "alder": ["under-30"]}

    def test_a_stored_audience_value_reads_as_its_rules_and_none_as_everyone(self):
        stored = [{"question": "akasse", "answers": ["nej"]}, {"question": "alder", "answers": ["under-30"]}]
        expected = Condition.from_mapping({"akasse": ["nej"], "alder": ["under-30"]})
        assert Condition.from_stored(stored) == expected
        assert Condition.from_stored(None) == Condition.from_stored([]) == Condition()


class TestNormalize:
    def test_valid_complete_answers_come_back_in_question_order(self):
        answers = UNEMPLOYMENT.normalize({"alder": "under-30", "akasse": "nej"})
        assert list(answers.items()) == [("akasse", "nej"), ("alder", "under-30")]
        assert answers.query_string() == "akasse=nej&alder=under-30"

    def test_keys_and_values_are_trimmed_and_lower_cased(self):
        assert UNEMPLOYMENT.normalize({" AKASSE ": [" Ja "]}) == Answers([("akasse", "ja")])

    def test_empty_values_count_as_unanswered(self):
        assert UNEMPLOYMENT.normalize({"akasse": [""]}) == Answers()

    def test_unknown_question_is_named_with_the_valid_questions(self):
        with pytest.raises(InvalidAnswers) as caught:
            UNEMPLOYMENT.normalize({"akasse": "ja", "by": "aarhus"})
        (error,) = caught.value.errors
        assert (error.code, error.question, error.valid_values) == (
            "unknown_question",
            "by",
            ("akasse", "alder"),
        )
        assert caught.value.answers == Answers([("akasse", "ja")])

    def test_unknown_answer_is_named_with_the_valid_answers(self):
        with pytest.raises(InvalidAnswers) as caught:
            UNEMPLOYMENT.normalize({"akasse": "maaske"})
        (error,) = caught.value.errors
        assert error.code == "unknown_answer"
        assert error.value == "maaske"
        assert error.valid_values == ("ja", "nej")
        assert "maaske" in error.message and "ja, nej" in error.message

    def test_conditional_question_answered_when_it_does_not_apply_is_refused(self):
        with pytest.raises(InvalidAnswers) as caught:
            UNEMPLOYMENT.normalize({"akasse": "ja", "alder": "under-30"})
        assert [error.code for error in caught.value.errors] == ["not_applicable"]
        assert caught.value.answers == Answers([("akasse", "ja")])

    def test_conditional_question_without_its_premise_is_refused(self):
        with pytest.raises(InvalidAnswers) as caught:
            UNEMPLOYMENT.normalize({"alder": "under-30"})
        assert caught.value.errors[0].code == "not_applicable"

    def test_two_different_answers_to_one_question_are_refused(self):
        with pytest.raises(InvalidAnswers) as caught:
            UNEMPLOYMENT.normalize({"akasse": ["ja", "nej"]})
        assert caught.value.errors[0].code == "multiple_values"

    def test_ignored_parameters_are_not_answers(self):
        assert UNEMPLOYMENT.normalize({"akasse": "ja", "dato": "2027-01-04"}, ignore=["dato"]) == Answers(
            [("akasse", "ja")]
        )

    def test_every_problem_is_reported_at_once(self):
        with pytest.raises(InvalidAnswers) as caught:
            UNEMPLOYMENT.normalize({"akasse": "x", "by": "y"})
        assert {error.code for error in caught.value.errors} == {"unknown_answer", "unknown_question"}


class TestConditionalQuestions:
    def test_age_is_asked_only_of_non_members(self):
        assert [q.key for q in UNEMPLOYMENT.applicable({})] == ["akasse"]
        assert [q.key for q in UNEMPLOYMENT.applicable({"akasse": "ja"})] == ["akasse"]
        assert [q.key for q in UNEMPLOYMENT.applicable({"akasse": "nej"})] == ["akasse", "alder"]

    def test_missing_lists_applicable_unanswered_questions(self):
        assert [q.key for q in UNEMPLOYMENT.missing({"akasse": "nej"})] == ["alder"]
        assert UNEMPLOYMENT.is_complete({"akasse": "ja"})
        assert not UNEMPLOYMENT.is_complete({})

    def test_missing_errors_name_the_valid_answers(self):
        (error,) = UNEMPLOYMENT.missing_errors({"akasse": "nej"})
        assert error.code == "missing_answer"
        assert error.valid_values == ("under-30", "30-eller-derover")


class TestAudiences:
    def test_unemployment_guide_has_three_audiences(self):
        assert [a.query_string() for a in UNEMPLOYMENT.audiences()] == [
            "akasse=ja",
            "akasse=nej&alder=under-30",
            "akasse=nej&alder=30-eller-derover",
        ]

    def test_no_questions_means_one_audience_everyone(self):
        assert Questionnaire(()).audiences() == [Answers()]

    def test_any_number_of_questions_is_enumerated(self):
        questions = tuple(
            Question(
                key=f"q{i}", label=f"Q{i}", answers=(Answer("a", "A"), Answer("b", "B"), Answer("c", "C"))
            )
            for i in range(4)
        )
        audiences = Questionnaire(questions).audiences()
        assert len(audiences) == 3**4
        assert len(set(audiences)) == 3**4

    def test_every_enumerated_audience_is_valid_and_complete(self):
        for audience in UNEMPLOYMENT.audiences():
            assert UNEMPLOYMENT.normalize(dict(audience)) == audience
            assert UNEMPLOYMENT.is_complete(audience)

    def test_reachable_tells_whether_any_audience_matches(self):
        assert UNEMPLOYMENT.reachable(Condition.from_mapping({"alder": ["under-30"]}))
        assert not UNEMPLOYMENT.reachable(Condition.from_mapping({"akasse": ["ja"], "alder": ["under-30"]}))


class TestConditionProblems:
    def test_condition_naming_a_missing_question_is_a_problem(self):
        (problem,) = UNEMPLOYMENT.condition_problems(Condition.from_mapping({"uddannelse": ["ja"]}))
        assert problem.code == "unknown_question"
        assert "uddannelse" in problem.message and "akasse, alder" in problem.message

    def test_condition_naming_a_removed_answer_is_a_problem(self):
        (problem,) = UNEMPLOYMENT.condition_problems(Condition.from_mapping({"akasse": ["maaske"]}))
        assert problem.code == "unknown_answer"
        assert "maaske" in problem.message and "ja, nej" in problem.message

    def test_asked_when_may_only_name_earlier_questions(self):
        later = Questionnaire(
            (
                Question(
                    key="akasse",
                    label="A",
                    answers=AKASSE.answers,
                    asked_when=Condition.from_mapping({"alder": ["under-30"]}),
                ),
                ALDER,
            )
        )
        problems = questionnaire_problems(later)
        assert 0 in problems
        assert "tidligere" in problems[0][0]

    def test_duplicate_keys_and_single_answers_are_problems(self):
        broken = Questionnaire((AKASSE, Question(key="akasse", label="B", answers=(Answer("ja", "Ja"),))))
        messages = questionnaire_problems(broken)[1]
        assert any("brugt af et andet" in message for message in messages)
        assert any("mindst to" in message for message in messages)

    def test_valid_questionnaire_has_no_problems(self):
        assert questionnaire_problems(UNEMPLOYMENT) == {}


class TestWords:
    def test_condition_in_words_uses_short_labels_and_answer_labels(self):
        condition = Condition.from_mapping({"akasse": ["nej"], "alder": ["under-30"]})
        assert UNEMPLOYMENT.describe_condition(condition) == "A-kasse: Nej · Alder: Under 30 år"

    def test_empty_condition_reads_everyone(self):
        assert UNEMPLOYMENT.describe_condition(Condition()) == "Alle"

    def test_audience_label(self):
        assert UNEMPLOYMENT.audience_label(Answers([("akasse", "ja")])) == "A-kasse: Ja"


# -- properties ------------------------------------------------------------------------------

keys = st.sampled_from(["a", "b", "c", "d"])
answer_keys = st.sampled_from(["x", "y", "z"])


@st.composite
def questionnaires(draw):
    count = draw(st.integers(min_value=0, max_value=4))
    questions = []
    for index in range(count):
        answers = draw(st.lists(answer_keys, min_size=2, max_size=3, unique=True))
        earlier = questions[: draw(st.integers(min_value=0, max_value=index))]
        asked_when = {}
        if earlier and draw(st.booleans()):
            premise = draw(st.sampled_from(earlier))
            asked_when = {premise.key: draw(st.lists(st.sampled_from(premise.answer_keys), min_size=1))}
        questions.append(
            Question(
                key=f"q{index}",
                label=f"Q{index}",
                answers=tuple(Answer(key, key.upper()) for key in answers),
                asked_when=Condition.from_mapping(asked_when),
            )
        )
    return Questionnaire(tuple(questions))


@given(questionnaires(), st.data())
def test_property_audiences_are_exactly_the_valid_complete_answer_sets(questionnaire, data):
    audiences = questionnaire.audiences()
    assert len(set(audiences)) == len(audiences)
    for audience in audiences:
        assert questionnaire.normalize(dict(audience)) == audience
        assert questionnaire.is_complete(audience)
    # A random complete, valid answer set is one of the enumerated audiences.
    answers = {}
    for question in questionnaire:
        if question.applies(answers):
            answers[question.key] = data.draw(st.sampled_from(question.answer_keys))
    assert Answers(answers.items()) in audiences


@given(questionnaires(), st.dictionaries(st.sampled_from(["q0", "q1", "q2", "q3", "zz"]), answer_keys))
def test_property_normalize_either_accepts_or_names_every_problem(questionnaire, raw):
    try:
        answers = questionnaire.normalize(raw)
    except InvalidAnswers as invalid:
        assert invalid.errors
        assert all(error.message for error in invalid.errors)
        assert set(invalid.answers) <= set(raw)
    else:
        assert dict(answers) == dict(raw)
