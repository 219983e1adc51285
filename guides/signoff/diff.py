"""What changed in a section since its authority last signed it off, as plain text lines.

Sections are flattened to readable lines (what a citizen would read, plus the audience
condition), and compared line by line. The template escapes every line, so a diff can
never inject markup.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail.models import Revision
from wagtail.rich_text import RichText

from guides.document import FRAME_ID, GuideDocument, Section
from guides.signoff.models import SignOffEvent
from guides.timing import Timing

OBLIGATION_WORDS = {"skal": "Skal", "god-ide": "God idé"}


def _text(html: str) -> list[str]:
    # Block-level tags become line breaks, then the text is stripped of markup.
    for tag in ("</p>", "</li>", "</h3>", "</h4>", "<br>", "<br/>"):
        html = html.replace(tag, tag + "\n")
    return [line.strip() for line in strip_tags(html).splitlines() if line.strip()]


def _rich(value) -> list[str]:
    source = value.source if isinstance(value, RichText) else str(value or "")
    return _text(source)


def section_lines(section: Section, document: GuideDocument) -> list[str]:
    lines = [
        f"Overskrift: {section.heading}",
        f"Ejer: {getattr(section.authority, 'name', section.authority_code)}",
        f"Målgruppe: {document.questionnaire.describe_condition(section.condition)}",
    ]
    for block in section.content:
        value = block.value
        if block.block_type == "rich_text":
            lines += _rich(value)
        elif block.block_type == "checklist":
            for item in value["entries"]:
                heading = Timing.from_stored(item["timing"]).heading(document.anchor_label)
                obligation = OBLIGATION_WORDS.get(item["obligation"], item["obligation"])
                line = f"☐ [{obligation}] {heading}: {item['text']}"
                if item.get("details"):
                    line += f" – {item['details']}"
                link = item.get("link") or {}
                if link.get("url"):
                    line += f" ({link.get('label')}: {link['url']})"
                lines.append(line)
        elif block.block_type == "actors":
            if value.get("heading"):
                lines.append(value["heading"])
            for actor in value["actors"]:
                lines.append(
                    f"{actor['name']}: {actor['role']}" + (f" ({actor['url']})" if actor.get("url") else "")
                )
        elif block.block_type == "self_service":
            owner = getattr(value.get("authority"), "name", "")
            lines.append(
                f"Selvbetjening: {value['label']} → {value['url']} "
                f"({value['solution']}{', ' + owner if owner else ''})"
            )
            if value.get("description"):
                lines.append(value["description"])
        elif block.block_type == "callout":
            kind = "Advarsel" if value.get("kind") == "warning" else "Information"
            lines.append(f"{kind}: {value.get('heading') or ''}".rstrip(": "))
            lines += _rich(value.get("text"))
    return lines


def frame_lines(document: GuideDocument) -> list[str]:
    lines = [
        f"Titel: {document.title}",
        f"Adresse: /{document.slug}/",
        f"Indledning: {document.intro}",
        f"Tjeklisten regner fra: {document.anchor_label}",
    ]
    for question in document.questionnaire:
        rule = document.questionnaire.describe_condition(question.asked_when)
        lines.append(
            f"Spørgsmål »{question.key}«: {question.label} "
            f"(stilles {'altid' if rule == 'Alle' else 'når ' + rule})"
        )
        if question.help_text:
            lines.append(f"  Hjælpetekst: {question.help_text}")
        for answer in question.answers:
            lines.append(f"  Svar »{answer.key}«: {answer.label}")
    return lines


def unit_lines(document: GuideDocument, unit_id: str) -> list[str] | None:
    if unit_id == FRAME_ID:
        return frame_lines(document)
    section = document.section(unit_id)
    return section_lines(section, document) if section else None


@dataclass
class DiffLine:
    kind: str  # "same", "added", "removed", "changed"
    text: str
    #: For a changed line: (kind, words) runs, kind "same", "added" or "removed".
    parts: list[tuple[str, str]] | None = None


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """Runs of words kept, removed and added between two versions of one line."""
    old, new = before.split(" "), after.split(" ")
    parts: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(("same", " ".join(new[j1:j2])))
            continue
        if i2 > i1:
            parts.append(("removed", " ".join(old[i1:i2])))
        if j2 > j1:
            parts.append(("added", " ".join(new[j1:j2])))
    return parts


@dataclass
class UnitDiff:
    is_new: bool
    lines: list[DiffLine]
    approved_event: SignOffEvent | None = None

    @property
    def changed(self) -> bool:
        return self.is_new or any(line.kind != "same" for line in self.lines)


def last_approved(page_id: int, unit_id: str, authority_id: int | None) -> SignOffEvent | None:
    return (
        SignOffEvent.objects.filter(
            page_id=page_id, section_id=unit_id, authority_id=authority_id, action=SignOffEvent.APPROVED
        )
        .order_by("-created_at", "-id")
        .first()
    )


def diff_against_last_approval(
    page_id: int, document: GuideDocument, unit_id: str, authority_id: int | None
) -> UnitDiff:
    current = unit_lines(document, unit_id) or []
    event = last_approved(page_id, unit_id, authority_id)
    previous = None
    if event is not None and event.revision_id:
        revision = Revision.objects.filter(pk=event.revision_id).first()
        if revision is not None:
            previous = unit_lines(GuideDocument.from_page(revision.as_object()), unit_id)
    if previous is None:
        return UnitDiff(is_new=True, lines=[DiffLine("added", line) for line in current])
    result = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=previous, b=current, autojunk=False).get_opcodes():
        if tag == "equal":
            result += [DiffLine("same", line) for line in current[j1:j2]]
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            # The same number of lines on both sides: show what changed inside each line.
            result += [
                DiffLine("changed", after, word_diff(before, after))
                for before, after in zip(previous[i1:i2], current[j1:j2], strict=True)
            ]
            continue
        result += [DiffLine("removed", line) for line in previous[i1:i2]]
        result += [DiffLine("added", line) for line in current[j1:j2]]
    return UnitDiff(is_new=False, lines=result, approved_event=event)
