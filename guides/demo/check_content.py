"""Check the demo guides before they are loaded: format, reach, checklist and language.

Run from the repository root::

    python3 -m guides.demo.check_content

It needs no database and no Django: it reads the two ``GUIDE`` dicts and evaluates audiences
with ``guides.audience`` (the same module the site, the API and previews use). Every problem
is collected and printed; the exit status is 1 if there is any. A summary per audience
(sections, checklist items per period, readability as LIX) is printed either way.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections import Counter
from html.parser import HTMLParser

from guides.audience import (
    KEY_PATTERN,
    Answer,
    Condition,
    Question,
    Questionnaire,
    questionnaire_problems,
)
from guides.demo import new_job, unemployment
from guides.timing import BEFORE, ON_DAY, ONGOING, WITHIN_DAYS, WITHIN_MONTHS, Timing

AUTHORITIES = ("digst", "kl", "star", "skat", "atp-udk")
OBLIGATIONS = ("skal", "god-ide")
CONTENT_KINDS = ("rich_text", "checklist", "actors", "self_service", "callout")
CALLOUT_KINDS = ("info", "warning")

# Wagtail features RICH_TEXT_FEATURES / CALLOUT_FEATURES as HTML (<p> is always there).
BLOCK_TAGS = {"p", "h3", "h4", "ul", "ol"}
INLINE_TAGS = {"b", "i", "a"}
RICH_TEXT_TAGS = BLOCK_TAGS | INLINE_TAGS | {"li"}
CALLOUT_TAGS = {"p"} | INLINE_TAGS

GUIDE_KEYS = {"slug", "title", "intro", "anchor_label", "questions", "sections"}
QUESTION_KEYS = {"key", "label", "short_label", "help_text", "answers", "asked_when"}
SECTION_KEYS = {"key", "heading", "authority", "audience", "review_by", "source", "content"}
ITEM_KEYS = {"text", "details", "timing", "obligation", "link"}
ACTOR_KEYS = {"name", "role", "url"}
SELF_SERVICE_KEYS = {"label", "url", "solution", "authority", "description"}
CALLOUT_KEYS = {"kind", "heading", "text"}

# The contract with the acceptance tests (PRODUCT.md, "The demo content is part of the product").
EXPECTED = {
    "hvis-du-bliver-ledig": {
        "module": unemployment,
        "title": "Hvis du bliver ledig",
        "anchor_label": "din første dag som ledig",
        "questions": [
            ("akasse", ("ja", "nej"), {}),
            ("alder", ("under-30", "30-eller-derover"), {"akasse": ["nej"]}),
        ],
        "min_sections": 12,
        "audiences": 3,
    },
    "naar-du-faar-nyt-job": {
        "module": new_job,
        "title": "Når du får nyt job",
        "anchor_label": "din første arbejdsdag",
        "questions": [("akasse", ("ja", "nej"), {})],
        "min_sections": 8,
        "audiences": 2,
    },
}

MAX_LIX = 45
SECTION_LIX_WARNING = 50

# Words that must not appear: outdated or uncertain items (DOMAIN.md ⚠) and old login names.
BANNED = {
    "jobpræmie": "no current jobpræmie scheme exists",
    "jobforslag": "the 7-day »tjek jobforslag« rule is abolished",
    "nemid": "NemID is gone; write MitID",
    "uddannelseshjælp": "merged into kontanthjælp on 1 Jul 2025",
    "225-timer": "the 225-hour rule is abolished",
    "kontanthjælpsloft": "the kontanthjælpsloft is abolished",
}
# »jobcenter« only as »kommunen (jobcenter)«, except where the text explains the name.
JOBCENTER_ALLOWED = ("kalder stedet for jobcenteret",)
# Kontanthjælp amounts are not known: the only kroner figures allowed there are the formue limits.
KONTANTHJAELP_ALLOWED_AMOUNTS = {"15.500", "31.000"}


class Problems(list):
    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}")


# -- rich text -------------------------------------------------------------------------------


class _RichTextChecker(HTMLParser):
    """Checks tags, attributes and nesting against what Wagtail's editor can produce."""

    def __init__(self, allowed: set[str]):
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.allowed:
            self.errors.append(f"tag <{tag}> is not allowed")
        if tag == "a":
            names = [name for name, _ in attrs]
            if names != ["href"]:
                self.errors.append(f"<a> must have exactly one attribute, href (has {names})")
            href = dict(attrs).get("href") or ""
            if not href.startswith("https://"):
                self.errors.append(f"link {href!r} must start with https://")
        elif attrs:
            self.errors.append(f"<{tag}> must have no attributes")
        parent = self.stack[-1] if self.stack else None
        if tag in BLOCK_TAGS and parent is not None:
            self.errors.append(f"<{tag}> must be at the top level, not inside <{parent}>")
        if tag == "li" and parent not in ("ul", "ol"):
            self.errors.append("<li> must be inside <ul> or <ol>")
        if tag in INLINE_TAGS and parent not in ("p", "h3", "h4", "li", "b", "i", "a"):
            self.errors.append(f"<{tag}> must be inside a paragraph, heading or list item")
        if parent in ("ul", "ol") and tag != "li":
            self.errors.append(f"<{parent}> may only contain <li>")
        self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.errors.append(f"self-closing <{tag}/> is not allowed")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> does not close the open tag {self.stack[-1:] or 'none'}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag in ("p", "h3", "h4", "li"):
            self.text_parts.append("\n")

    def handle_data(self, data):
        parent = self.stack[-1] if self.stack else None
        if data.strip() and parent in (None, "ul", "ol"):
            self.errors.append(f"text {data.strip()[:30]!r} must be inside a paragraph or list item")
        self.text_parts.append(data)

    def handle_comment(self, data):
        self.errors.append("HTML comments are not allowed")

    def close(self):
        super().close()
        if self.stack:
            self.errors.append(f"unclosed tags: {self.stack}")


def check_rich_text(html: str, allowed: set[str]) -> tuple[list[str], str]:
    """(errors, plain text with one line per block)."""
    if not isinstance(html, str) or not html.strip():
        return ["rich text must be a non-empty string"], ""
    parser = _RichTextChecker(allowed)
    parser.feed(html)
    parser.close()
    if not html.lstrip().startswith("<"):
        parser.errors.append("rich text must start with a block tag such as <p>")
    return parser.errors, "".join(parser.text_parts)


# -- readability -------------------------------------------------------------------------------

_ABBREVIATIONS = re.compile(r"\b(bl\.a\.|fx\.|kr\.|pr\.|m\.v\.|m\.m\.|u\.d\.|ca\.|nr\.)", re.I)
_WORD = re.compile(r"[^\W_][\w\-']*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n+")


def lix(text: str) -> tuple[float, int]:
    """LIX = words per sentence + percentage of words longer than six letters.

    Every block (paragraph, heading, list item, checklist line) ends a sentence, so short
    list items count as the short units a reader sees.
    """
    text = _ABBREVIATIONS.sub(lambda match: match.group(0).replace(".", ""), text)
    words = _WORD.findall(text)
    if not words:
        return 0.0, 0
    chunks = [chunk for chunk in _SENTENCE_END.split(text) if _WORD.search(chunk)]
    sentences = max(len(chunks), 1)
    long_words = sum(1 for word in words if len(word) > 6)
    return len(words) / sentences + 100 * long_words / len(words), len(words)


# -- small checks ------------------------------------------------------------------------------


def _check_str(problems, where, value, *, max_length, required=True):
    if not isinstance(value, str):
        problems.add(where, f"must be a string, not {type(value).__name__}")
        return
    if required and not value.strip():
        problems.add(where, "must not be empty")
    if value != value.strip():
        problems.add(where, "has leading or trailing whitespace")
    if "  " in value:
        problems.add(where, "has a double space")
    if len(value) > max_length:
        problems.add(where, f"is {len(value)} characters, max {max_length}")


def _check_url(problems, where, value, *, required=True):
    if not isinstance(value, str):
        problems.add(where, "URL must be a string")
        return
    if not value:
        if required:
            problems.add(where, "URL is required")
        return
    if not re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]{2,}(/[^\s\"'<>]*)?", value):
        problems.add(where, f"{value!r} is not an https:// address")
    if "lifeindenmark" in value:
        problems.add(where, "lifeindenmark addresses are not verified (DOMAIN.md ⚠)")


def _check_keys(problems, where, value, expected):
    if not isinstance(value, dict):
        problems.add(where, f"must be a dict, not {type(value).__name__}")
        return False
    missing, extra = expected - value.keys(), value.keys() - expected
    if missing:
        problems.add(where, f"missing keys {sorted(missing)}")
    if extra:
        problems.add(where, f"unknown keys {sorted(extra)}")
    return not missing


# -- the guide ---------------------------------------------------------------------------------


def build_questionnaire(problems, guide) -> Questionnaire:
    questions = []
    for index, raw in enumerate(guide.get("questions") or []):
        where = f"question {index}"
        if not _check_keys(problems, where, raw, QUESTION_KEYS):
            continue
        _check_str(problems, f"{where}.label", raw["label"], max_length=200)
        _check_str(problems, f"{where}.short_label", raw["short_label"], max_length=60)
        _check_str(problems, f"{where}.help_text", raw["help_text"], max_length=500, required=False)
        answers = []
        for answer in raw["answers"]:
            if not (isinstance(answer, tuple) and len(answer) == 2):
                problems.add(where, f"answer {answer!r} must be a (key, label) tuple")
                continue
            _check_str(problems, f"{where}.answer {answer[0]}", answer[1], max_length=120)
            answers.append(Answer(*answer))
        if not isinstance(raw["asked_when"], dict):
            problems.add(where, "asked_when must be a dict")
        questions.append(
            Question(
                key=raw["key"],
                label=raw["label"],
                answers=tuple(answers),
                help_text=raw["help_text"],
                short_label=raw["short_label"],
                asked_when=Condition.from_mapping(raw["asked_when"]),
            )
        )
    questionnaire = Questionnaire(tuple(questions))
    for index, messages in questionnaire_problems(questionnaire).items():
        for message in messages:
            problems.add(f"question {index}", message)
    return questionnaire


def check_item(problems, where, item) -> Timing | None:
    if not _check_keys(problems, where, item, ITEM_KEYS):
        return None
    _check_str(problems, f"{where}.text", item["text"], max_length=300)
    _check_str(problems, f"{where}.details", item["details"], max_length=600, required=False)
    if item["obligation"] not in OBLIGATIONS:
        problems.add(where, f"obligation {item['obligation']!r} is not one of {OBLIGATIONS}")
    link = item["link"]
    if link is not None:
        if not (isinstance(link, tuple) and len(link) == 2):
            problems.add(where, "link must be None or a (label, url) tuple")
        else:
            _check_str(problems, f"{where}.link label", link[0], max_length=120)
            _check_url(problems, f"{where}.link", link[1])
    raw_timing = item["timing"]
    if not (isinstance(raw_timing, tuple) and len(raw_timing) == 2 and isinstance(raw_timing[1], int)):
        problems.add(where, f"timing {raw_timing!r} must be a (kind, int) tuple")
        return None
    try:
        timing = Timing(*raw_timing)
    except ValueError as error:
        problems.add(where, str(error))
        return None
    if timing.kind == ONGOING and timing.amount != 0:
        problems.add(where, "an ongoing item has amount 0")
    if timing.kind in (BEFORE, WITHIN_DAYS, WITHIN_MONTHS) and timing.amount < 1:
        problems.add(where, f"{timing.kind} needs an amount of at least 1")
    return timing


def check_section(problems, questionnaire, section, guide_slug):
    """Validate one section; return (condition, checklist items, plain text) or None."""
    where = f"{guide_slug}/{section.get('key', '?')}"
    if not _check_keys(problems, where, section, SECTION_KEYS):
        return None
    if not (isinstance(section["key"], str) and KEY_PATTERN.match(section["key"])):
        problems.add(where, "key must be a lower-case slug")
    _check_str(problems, f"{where}.heading", section["heading"], max_length=160)
    _check_str(problems, f"{where}.source", section["source"], max_length=1000)
    if section["authority"] not in AUTHORITIES:
        problems.add(where, f"authority {section['authority']!r} is not one of {AUTHORITIES}")
    try:
        review_by = datetime.date.fromisoformat(section["review_by"])
        today = datetime.date.today()
        if not today < review_by <= today + datetime.timedelta(days=730):
            problems.add(where, f"review_by {review_by} should be after today and within two years")
    except (TypeError, ValueError):
        problems.add(where, f"review_by {section['review_by']!r} is not an ISO date")
    if not isinstance(section["audience"], dict):
        problems.add(where, "audience must be a dict")
        return None
    condition = Condition.from_mapping(section["audience"])
    for problem in questionnaire.condition_problems(condition):
        problems.add(where, problem.message)
    if not questionnaire.reachable(condition):
        problems.add(where, "no audience sees this section")

    content = section["content"]
    if not isinstance(content, list) or not 1 <= len(content) <= 30:
        problems.add(where, "content must be a list of 1 to 30 blocks")
        return None
    items: list[tuple[dict, Timing]] = []
    texts: list[str] = [section["heading"]]
    for index, block in enumerate(content):
        block_where = f"{where}.content[{index}]"
        if not (isinstance(block, tuple) and len(block) == 2):
            problems.add(block_where, "must be a (kind, value) tuple")
            continue
        kind, value = block
        if kind not in CONTENT_KINDS:
            problems.add(block_where, f"kind {kind!r} is not one of {CONTENT_KINDS}")
            continue
        if kind == "rich_text":
            errors, text = check_rich_text(value, RICH_TEXT_TAGS)
            for error in errors:
                problems.add(block_where, error)
            texts.append(text)
        elif kind == "checklist":
            if not isinstance(value, list) or not value:
                problems.add(block_where, "a checklist needs at least one item")
                continue
            for item_index, item in enumerate(value):
                timing = check_item(problems, f"{block_where}[{item_index}]", item)
                if timing is not None:
                    items.append((item, timing))
                    texts += [item["text"], item["details"]]
        elif kind == "actors":
            if not _check_keys(problems, block_where, value, {"heading", "actors"}):
                continue
            _check_str(problems, f"{block_where}.heading", value["heading"], max_length=120, required=False)
            if not value["actors"]:
                problems.add(block_where, "needs at least one actor")
            for actor_index, actor in enumerate(value["actors"]):
                actor_where = f"{block_where}.actors[{actor_index}]"
                if not _check_keys(problems, actor_where, actor, ACTOR_KEYS):
                    continue
                _check_str(problems, f"{actor_where}.name", actor["name"], max_length=120)
                _check_str(problems, f"{actor_where}.role", actor["role"], max_length=800)
                _check_url(problems, f"{actor_where}.url", actor["url"], required=False)
                texts += [actor["name"], actor["role"]]
        elif kind == "self_service":
            if not _check_keys(problems, block_where, value, SELF_SERVICE_KEYS):
                continue
            _check_str(problems, f"{block_where}.label", value["label"], max_length=120)
            _check_url(problems, f"{block_where}.url", value["url"])
            _check_str(problems, f"{block_where}.solution", value["solution"], max_length=80)
            _check_str(
                problems, f"{block_where}.description", value["description"], max_length=300, required=False
            )
            if value["authority"] is not None and value["authority"] not in AUTHORITIES:
                problems.add(
                    block_where, f"authority {value['authority']!r} is not None or one of {AUTHORITIES}"
                )
            texts += [value["label"], value["description"]]
        elif kind == "callout":
            if not _check_keys(problems, block_where, value, CALLOUT_KEYS):
                continue
            if value["kind"] not in CALLOUT_KINDS:
                problems.add(block_where, f"callout kind {value['kind']!r} is not one of {CALLOUT_KINDS}")
            _check_str(problems, f"{block_where}.heading", value["heading"], max_length=120, required=False)
            errors, text = check_rich_text(value["text"], CALLOUT_TAGS)
            for error in errors:
                problems.add(block_where, f"callout: {error}")
            texts += [value["heading"], text]
    plain = "\n".join(part for part in texts if part)
    check_wording(problems, where, section["key"], plain)
    return condition, items, plain


def check_wording(problems, where, key, text):
    lowered = text.lower()
    for word, reason in BANNED.items():
        if word in lowered:
            problems.add(where, f"mentions »{word}«: {reason}")
    for match in re.finditer(r"jobcenter\w*", lowered):
        start = match.start()
        if lowered[start - 1 : start] == "(" and lowered[start : start + 10] == "jobcenter)":
            continue
        if any(phrase in lowered[max(0, start - 40) : start + 20] for phrase in JOBCENTER_ALLOWED):
            continue
        problems.add(where, f"»{match.group(0)}« alone; write »kommunen (jobcenter)«")
    if "kontanthjaelp" in key:
        for amount in re.findall(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s*kr\.", text):
            if amount not in KONTANTHJAELP_ALLOWED_AMOUNTS:
                problems.add(where, f"kontanthjælp amount {amount} kr. is not verified (DOMAIN.md ⚠)")


def check_guide(slug: str, expected: dict) -> tuple[Problems, list[str]]:
    problems = Problems()
    report: list[str] = []
    guide = expected["module"].GUIDE
    if not _check_keys(problems, slug, guide, GUIDE_KEYS):
        return problems, report
    if guide["slug"] != slug:
        problems.add(slug, f"slug is {guide['slug']!r}")
    if guide["title"] != expected["title"]:
        problems.add(slug, f"title is {guide['title']!r}, expected {expected['title']!r}")
    if guide["anchor_label"] != expected["anchor_label"]:
        problems.add(slug, f"anchor_label is {guide['anchor_label']!r}")
    _check_str(problems, f"{slug}.intro", guide["intro"], max_length=600)
    _check_str(problems, f"{slug}.anchor_label", guide["anchor_label"], max_length=80)

    questionnaire = build_questionnaire(problems, guide)
    actual_questions = [
        (question.key, question.answer_keys, question.asked_when.as_dict()) for question in questionnaire
    ]
    if actual_questions != expected["questions"]:
        problems.add(slug, f"questions are {actual_questions}, expected {expected['questions']}")
    audiences = questionnaire.audiences()
    if len(audiences) != expected["audiences"]:
        problems.add(slug, f"{len(audiences)} audiences, expected {expected['audiences']}")

    sections = guide["sections"]
    if len(sections) < expected["min_sections"]:
        problems.add(slug, f"{len(sections)} sections, at least {expected['min_sections']} needed")
    keys = Counter(section.get("key") for section in sections)
    for key, count in keys.items():
        if count > 1:
            problems.add(slug, f"section key {key!r} is used {count} times")
    owners = Counter(section.get("authority") for section in sections)
    for authority in AUTHORITIES:
        if not owners[authority]:
            problems.add(slug, f"no section is owned by {authority}")

    checked = []
    for section in sections:
        result = check_section(problems, questionnaire, section, slug)
        if result is not None:
            checked.append((section, *result))

    report.append(f"== {guide['title']} ({slug}): {len(sections)} sections, {len(audiences)} audiences")
    report.append("   owners: " + ", ".join(f"{code} {owners[code]}" for code in AUTHORITIES))
    for section, condition, items, text in checked:
        section_lix, _ = lix(text)
        flag = "  <- long sentences/words" if section_lix > SECTION_LIX_WARNING else ""
        report.append(
            f"   - {section['key']:<34} {section['authority']:<8} "
            f"{questionnaire.describe_condition(condition):<40} "
            f"items {len(items):>2}  LIX {section_lix:4.1f}{flag}"
        )

    for audience in audiences:
        label = questionnaire.audience_label(audience)
        visible = [entry for entry in checked if entry[1].matches(audience)]
        items = [item_timing for entry in visible for item_timing in entry[2]]
        where = f"{slug}?{audience.query_string()}"
        if not items:
            problems.add(where, "this audience gets an empty checklist")
        texts = Counter(item["text"] for item, _ in items)
        for text, count in texts.items():
            if count > 1:
                problems.add(where, f"checklist item »{text}« appears {count} times")
        timings = [timing for _, timing in items]
        if slug == "hvis-du-bliver-ledig":
            periods = {
                "første dag (on_day 0)": any(t.kind == ON_DAY and t.amount == 0 for t in timings),
                "første to uger (within_days ≤ 14)": any(
                    t.kind == WITHIN_DAYS and t.amount <= 14 for t in timings
                ),
                "første måned (within_months 1)": any(
                    t.kind == WITHIN_MONTHS and t.amount == 1 for t in timings
                ),
                "løbende (ongoing)": any(t.kind == ONGOING for t in timings),
            }
            for period, present in periods.items():
                if not present:
                    problems.add(where, f"no checklist item for {period}")
            if "alder" in audience and not any("alder" in entry[1].question_keys() for entry in visible):
                problems.add(where, "no section written for this age group")
        else:
            if not any(t.kind == BEFORE for t in timings):
                problems.add(where, "no checklist item before the first working day")
        if not any(item["obligation"] == "skal" for item, _ in items):
            problems.add(where, "no »skal« item")
        audience_text = "\n".join(entry[3] for entry in visible)
        audience_lix, words = lix(audience_text)
        if audience_lix > MAX_LIX:
            problems.add(where, f"LIX {audience_lix:.1f} is above {MAX_LIX}")
        groups = Counter()
        order = {}
        for timing in timings:
            heading = timing.heading(guide["anchor_label"])
            groups[heading] += 1
            order[heading] = min(order.get(heading, timing.sort_key), timing.sort_key)
        must = sum(1 for item, _ in items if item["obligation"] == "skal")
        report.append(
            f"   [{label}] ?{audience.query_string()}: {len(visible)} sections, "
            f"{len(items)} checklist items ({must} skal, {len(items) - must} god idé), "
            f"{words} words, LIX {audience_lix:.1f}"
        )
        for heading in sorted(groups, key=order.get):
            report.append(f"       {heading}: {groups[heading]}")
    return problems, report


def main() -> int:
    all_problems: list[str] = []
    for slug, expected in EXPECTED.items():
        problems, report = check_guide(slug, expected)
        print("\n".join(report))
        print()
        all_problems += problems
    if all_problems:
        print(f"{len(all_problems)} problem(s):")
        for problem in all_problems:
            print(f"  - {problem}")
        return 1
    print("OK: both demo guides pass every check.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
