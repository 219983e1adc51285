"""The one audience module: questions, answers and audience conditions.

Every adapter (citizen HTML, the API, editor previews, coverage reports, pre-rendering)
goes through this module to decide which sections an audience sees, so they cannot
disagree. It is plain Python: no database, no Django models, no request objects.

Vocabulary
    question   a filter question of a guide ("akasse"), with answers ("ja", "nej") and an
               optional *asked when* condition on earlier answers.
    answers    what one citizen answered: question key -> answer key.
    condition  what a section (or a question) requires: question key -> allowed answers.
               An empty condition matches everyone.
    audience   one complete, reachable set of answers; ``Questionnaire.audiences()``
               enumerates them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

KEY_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$")
"""Question and answer keys: lower-case slugs, because they appear in URLs."""

MAX_AUDIENCES = 512
"""A guide may not branch into more audiences than this: every audience is previewed,
pre-rendered and signed off, so the number has to stay humanly reviewable."""


@dataclass(frozen=True)
class Answer:
    key: str
    label: str


@dataclass(frozen=True)
class Condition:
    """Which answers something is shown for: question key -> allowed answer keys.

    All rules must hold (AND); within a rule any of the allowed answers will do (OR).
    The rules are kept sorted so that equal conditions compare, hash and fingerprint
    equally however an editor ordered them.
    """

    rules: tuple[tuple[str, frozenset[str]], ...] = ()

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Iterable[str]] | None) -> Condition:
        merged: dict[str, set[str]] = {}
        for key, answers in (mapping or {}).items():
            merged.setdefault(key, set()).update(answers)
        return cls(tuple(sorted((key, frozenset(values)) for key, values in merged.items())))

    @classmethod
    def from_rules(cls, rules: Iterable[tuple[str, Iterable[str]]]) -> Condition:
        """Build from (question, answers) pairs; repeated questions are merged."""
        merged: dict[str, set[str]] = {}
        for key, answers in rules:
            merged.setdefault(key, set()).update(answers)
        return cls.from_mapping(merged)

    @classmethod
    def from_stored(cls, value) -> Condition:
        """The condition of a stored audience block value: a list of ``{"question": key,
        "answers": [...]}`` rules (a Wagtail ListValue or a plain list); empty or ``None``
        is shown to everyone."""
        return cls.from_rules((rule["question"], rule["answers"]) for rule in value or [])

    @property
    def is_empty(self) -> bool:
        return not self.rules

    def as_dict(self) -> dict[str, list[str]]:
        return {key: sorted(values) for key, values in self.rules}

    def question_keys(self) -> list[str]:
        return [key for key, _ in self.rules]

    def matches(self, answers: Mapping[str, str]) -> bool:
        """True when every rule is satisfied. An unanswered question satisfies no rule."""
        return all(answers.get(key) in allowed for key, allowed in self.rules)


EVERYONE = Condition()


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    answers: tuple[Answer, ...]
    help_text: str = ""
    short_label: str = ""
    asked_when: Condition = EVERYONE

    @property
    def answer_keys(self) -> tuple[str, ...]:
        return tuple(answer.key for answer in self.answers)

    @property
    def summary_label(self) -> str:
        return self.short_label or self.label

    def answer(self, key: str) -> Answer | None:
        return next((answer for answer in self.answers if answer.key == key), None)

    def applies(self, answers: Mapping[str, str]) -> bool:
        return self.asked_when.matches(answers)


class Answers(Mapping[str, str]):
    """An immutable, validated set of answers in the questionnaire's question order."""

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[tuple[str, str]] = ()):
        self._items = tuple(items)

    def __getitem__(self, key: str) -> str:
        for item_key, value in self._items:
            if item_key == key:
                return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Answers):
            return self._items == other._items
        return NotImplemented

    def __repr__(self) -> str:
        return f"Answers({self.query_string()!r})"

    def with_answer(self, key: str, value: str) -> Answers:
        return Answers((*((k, v) for k, v in self._items if k != key), (key, value)))

    def query_string(self) -> str:
        """Canonical query string, e.g. ``akasse=nej&alder=under-30``; also a cache key."""
        return urlencode(self._items)

    @property
    def key(self) -> str:
        return self.query_string() or "-"


NO_ANSWERS = Answers()


@dataclass(frozen=True)
class AnswerError:
    """One problem with submitted answers, phrased for citizens and machines alike."""

    code: str  # unknown_question | unknown_answer | not_applicable | multiple_values | missing_answer
    question: str
    value: str = ""
    valid_values: tuple[str, ...] = ()
    question_label: str = ""

    @property
    def message(self) -> str:
        label = f"»{self.question_label}«" if self.question_label else f"»{self.question}«"
        valid = ", ".join(self.valid_values)
        if self.code == "unknown_question":
            return f"Guiden har ikke spørgsmålet »{self.question}«. Gyldige spørgsmål: {valid}."
        if self.code == "unknown_answer":
            return f"»{self.value}« er ikke et svar på {label}. Gyldige svar: {valid}."
        if self.code == "not_applicable":
            return f"Spørgsmålet {label} stilles ikke ud fra dine andre svar."
        if self.code == "multiple_values":
            return f"Spørgsmålet {label} må kun have ét svar. Gyldige svar: {valid}."
        if self.code == "missing_answer":
            return f"Svar på spørgsmålet {label}. Gyldige svar: {valid}."
        return f"Ugyldigt svar på {label}."

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "question": self.question,
            "value": self.value or None,
            "message": self.message,
            "valid_values": list(self.valid_values),
        }


class InvalidAnswers(ValueError):
    def __init__(self, errors: list[AnswerError], answers: Answers = NO_ANSWERS):
        self.errors = errors
        #: The answers that were valid, so a form can keep them.
        self.answers = answers
        super().__init__("; ".join(error.message for error in errors))


@dataclass(frozen=True)
class ConditionProblem:
    """A condition that names something the guide does not have."""

    code: str  # unknown_question | unknown_answer | later_question | empty_answers
    question: str
    value: str = ""
    valid_values: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        valid = ", ".join(self.valid_values) or "(ingen)"
        if self.code == "unknown_question":
            return (
                f"Betingelsen nævner spørgsmålet »{self.question}«, som guiden ikke har. "
                f"Gyldige spørgsmål: {valid}."
            )
        if self.code == "unknown_answer":
            return (
                f"Betingelsen nævner svaret »{self.value}« på »{self.question}«, som ikke findes. "
                f"Gyldige svar: {valid}."
            )
        if self.code == "later_question":
            return (
                f"Et spørgsmål kan kun afhænge af tidligere spørgsmål; »{self.question}« "
                f"kommer ikke før. Tidligere spørgsmål: {valid}."
            )
        if self.code == "empty_answers":
            return f"Vælg mindst ét svar på »{self.question}« eller fjern reglen. Gyldige svar: {valid}."
        return f"Ugyldig betingelse på »{self.question}«."


@dataclass
class Questionnaire:
    """The filter questions of one guide, in the order they are asked."""

    questions: tuple[Question, ...] = field(default_factory=tuple)

    def __post_init__(self):
        self.questions = tuple(self.questions)
        self._by_key = {question.key: question for question in self.questions}

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __len__(self) -> int:
        return len(self.questions)

    def get(self, key: str) -> Question | None:
        return self._by_key.get(key)

    # -- answers ------------------------------------------------------------------------

    def normalize(self, raw: Mapping[str, object], *, ignore: Iterable[str] = ()) -> Answers:
        """Validate and normalize submitted answers (e.g. a query string).

        ``raw`` maps question keys to a value or a list of values (a ``QueryDict`` works
        through ``dict(querydict.lists())``). Keys and values are trimmed and lower-cased;
        empty values count as unanswered. Raises ``InvalidAnswers`` listing every problem;
        the exception carries the answers that were valid. Answers may be incomplete:
        see ``missing()``.
        """
        ignored = {key.lower() for key in ignore}
        submitted: dict[str, str] = {}
        errors: list[AnswerError] = []
        for raw_key, raw_value in raw.items():
            key = str(raw_key).strip().lower()
            if key in ignored:
                continue
            values = raw_value if isinstance(raw_value, list | tuple) else [raw_value]
            cleaned = sorted({str(value).strip().lower() for value in values} - {""})
            question = self.get(key)
            if question is None:
                errors.append(AnswerError("unknown_question", key, valid_values=tuple(self._by_key)))
                continue
            if len(cleaned) > 1:
                errors.append(
                    AnswerError(
                        "multiple_values",
                        key,
                        ",".join(cleaned),
                        question.answer_keys,
                        question.label,
                    )
                )
                continue
            if not cleaned:
                continue
            if cleaned[0] not in question.answer_keys:
                errors.append(
                    AnswerError("unknown_answer", key, cleaned[0], question.answer_keys, question.label)
                )
                continue
            submitted[key] = cleaned[0]

        # Walk the questions in order, so that "asked when" is judged on earlier answers.
        accepted: list[tuple[str, str]] = []
        for question in self.questions:
            if question.key not in submitted:
                continue
            so_far = dict(accepted)
            if not question.applies(so_far):
                errors.append(
                    AnswerError(
                        "not_applicable",
                        question.key,
                        submitted[question.key],
                        question.answer_keys,
                        question.label,
                    )
                )
                continue
            accepted.append((question.key, submitted[question.key]))
        answers = Answers(accepted)
        if errors:
            raise InvalidAnswers(errors, answers)
        return answers

    def applicable(self, answers: Mapping[str, str]) -> list[Question]:
        """The questions that are asked, given these answers (in order)."""
        result = []
        so_far: dict[str, str] = {}
        for question in self.questions:
            if question.applies(so_far):
                result.append(question)
                if question.key in answers:
                    so_far[question.key] = answers[question.key]
        return result

    def missing(self, answers: Mapping[str, str]) -> list[Question]:
        """Applicable questions that have no answer yet."""
        return [question for question in self.applicable(answers) if question.key not in answers]

    def is_complete(self, answers: Mapping[str, str]) -> bool:
        return not self.missing(answers)

    def missing_errors(self, answers: Mapping[str, str]) -> list[AnswerError]:
        return [
            AnswerError("missing_answer", question.key, "", question.answer_keys, question.label)
            for question in self.missing(answers)
        ]

    def audiences(self) -> list[Answers]:
        """Every complete, reachable combination of answers, in question order."""
        results: list[Answers] = []

        def walk(index: int, so_far: Answers) -> None:
            if len(results) > MAX_AUDIENCES:
                raise ValueError(f"More than {MAX_AUDIENCES} audiences")
            if index == len(self.questions):
                results.append(so_far)
                return
            question = self.questions[index]
            if not question.applies(so_far):
                walk(index + 1, so_far)
                return
            for answer in question.answers:
                walk(index + 1, so_far.with_answer(question.key, answer.key))

        if self.questions and all(question.answers for question in self.questions):
            walk(0, NO_ANSWERS)
        else:
            results.append(NO_ANSWERS)
        return results

    # -- conditions ---------------------------------------------------------------------

    def condition_problems(
        self, condition: Condition, *, before: str | None = None
    ) -> list[ConditionProblem]:
        """What is wrong with a condition on this questionnaire.

        With ``before`` (a question key), the condition may only name questions asked
        before that one: that is the rule for a question's own *asked when* condition.
        """
        problems = []
        allowed_keys = list(self._by_key)
        if before is not None:
            allowed_keys = allowed_keys[: allowed_keys.index(before)] if before in self._by_key else []
        for key, values in condition.rules:
            question = self.get(key)
            if question is None:
                problems.append(ConditionProblem("unknown_question", key, valid_values=tuple(self._by_key)))
                continue
            if before is not None and key not in allowed_keys:
                problems.append(ConditionProblem("later_question", key, valid_values=tuple(allowed_keys)))
                continue
            if not values:
                problems.append(ConditionProblem("empty_answers", key, valid_values=question.answer_keys))
            for value in sorted(values):
                if value not in question.answer_keys:
                    problems.append(ConditionProblem("unknown_answer", key, value, question.answer_keys))
        return problems

    def reachable(self, condition: Condition) -> bool:
        """True when at least one audience satisfies the condition."""
        return any(condition.matches(audience) for audience in self.audiences())

    # -- words --------------------------------------------------------------------------

    def describe_condition(self, condition: Condition) -> str:
        """The condition in plain Danish, e.g. ``A-kasse: Nej · Alder: Under 30 år``."""
        if condition.is_empty:
            return "Alle"
        parts = []
        for key, values in condition.rules:
            question = self.get(key)
            if question is None:
                parts.append(f"{key}: {' eller '.join(sorted(values))}")
                continue
            labels = [answer.label for answer in question.answers if answer.key in values] + sorted(
                value for value in values if value not in question.answer_keys
            )
            parts.append(f"{question.summary_label}: {' eller '.join(labels)}")
        return " · ".join(parts)

    def describe_answers(self, answers: Mapping[str, str]) -> list[tuple[Question, Answer]]:
        """(question, answer) pairs for display, in question order."""
        pairs = []
        for question in self.questions:
            if question.key in answers:
                answer = question.answer(answers[question.key])
                if answer is not None:
                    pairs.append((question, answer))
        return pairs

    def audience_label(self, answers: Mapping[str, str]) -> str:
        """A short name for an audience, e.g. ``A-kasse: Nej · Alder: Under 30 år``."""
        pairs = self.describe_answers(answers)
        if not pairs:
            return "Alle"
        return " · ".join(f"{question.summary_label}: {answer.label}" for question, answer in pairs)


def questionnaire_problems(questionnaire: Questionnaire) -> dict[int, list[str]]:
    """Problems with the questions themselves, by question index (for editor forms)."""
    problems: dict[int, list[str]] = {}
    seen: set[str] = set()
    for index, question in enumerate(questionnaire.questions):
        messages = []
        if not KEY_PATTERN.match(question.key):
            messages.append(f"Nøglen »{question.key}« skal bestå af små bogstaver a-z, tal og bindestreger.")
        if question.key in seen:
            messages.append(f"Nøglen »{question.key}« er brugt af et andet spørgsmål.")
        seen.add(question.key)
        if len(question.answers) < 2:
            messages.append("Et spørgsmål skal have mindst to svarmuligheder.")
        answer_keys = [answer.key for answer in question.answers]
        for key in sorted({key for key in answer_keys if answer_keys.count(key) > 1}):
            messages.append(f"Svaret »{key}« findes flere gange.")
        for key in answer_keys:
            if not KEY_PATTERN.match(key):
                messages.append(f"Svarnøglen »{key}« skal bestå af små bogstaver a-z, tal og bindestreger.")
        messages += [
            problem.message
            for problem in questionnaire.condition_problems(question.asked_when, before=question.key)
        ]
        if messages:
            problems[index] = messages
    if not problems:
        try:
            questionnaire.audiences()
        except ValueError:
            problems[len(questionnaire.questions) - 1] = [
                f"Spørgsmålene giver flere end {MAX_AUDIENCES} målgrupper."
            ]
    return problems
