"""GuideDocument → JSON-ready dicts: the one place that shapes blocks for the API.

Everything here is a pure function of the document, the answers, the anchor date and
the site's root URL (plus the revision facts the caller passes in), so the serialized
bytes can later be cached under (page id, live revision id, normalized answers, anchor
date, root URL). The shapes are declared in ``guides.api.schemas``.

Which sections an audience sees is decided by ``GuideDocument.tailor()`` (the audience
module), never here.
"""

from __future__ import annotations

import datetime
import json
import re
import uuid
from collections.abc import Iterable

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from wagtail.rich_text import expand_db_html
from wagtail.whitelist import check_url

from guides.audience import Answers, Condition, Questionnaire
from guides.blocks.content import CALLOUT_FEATURES, RICH_TEXT_FEATURES
from guides.document import ChecklistEntry, GuideDocument, Section
from guides.richtext import sanitize
from guides.timing import Timing

API_VERSION = "1"
"""Part of every ETag: bump it when a representation changes shape."""

_ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")(/(?!/))')
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


# -- small pieces -------------------------------------------------------------------------


def absolute_url(root_url: str, url: str | None) -> str | None:
    """A safe absolute URL, or None: root-relative URLs get the site's root, and anything
    that is not http(s), mailto or tel (``javascript:``, ``data:``) is dropped."""
    url = (url or "").strip()
    if not url:
        return None
    if url.startswith("/") and not url.startswith("//"):
        return root_url + url
    if url.lower().startswith(_SAFE_SCHEMES) and check_url(url):
        return url
    return None


def expand_rich_text(fragments: list[tuple[str, list[str]]], root_url: str) -> list[str]:
    """Stored rich text → public HTML, for many fragments at once.

    Each fragment is cleaned again with its block's features (content may have arrived
    without the editor's validation), internal links are resolved by Wagtail's
    ``expand_db_html`` in one pass for the whole guide (one query per link type, however
    many sections there are), and root-relative URLs are made absolute.
    """
    if not fragments:
        return []
    marker = f"<!--{uuid.uuid4().hex}-->"
    cleaned = [sanitize(source or "", features) for source, features in fragments]
    expanded = expand_db_html(marker.join(cleaned)).split(marker)
    return [
        _ROOT_RELATIVE.sub(lambda match: match.group(1) + root_url + match.group(2), html)
        for html in expanded
    ]


def rich_text_html(sections: Iterable[Section]) -> dict[tuple[str, str], str]:
    """Every rich text of these sections as public HTML with root-relative links, keyed by
    (source, block kind), expanded in one pass (for the HTML templates: see
    ``guide_tags.clean_richtext_html``)."""
    fragments = _rich_text_fragments(sections)
    kinds = ["rich_text" if features is RICH_TEXT_FEATURES else "callout" for _, features in fragments]
    expanded = expand_rich_text(fragments, root_url="")
    return {(source, kind): html for (source, _), kind, html in zip(fragments, kinds, expanded, strict=True)}


def authority_dict(authority) -> dict | None:
    if authority is None:
        return None
    return {"code": authority.code, "name": authority.name}


def audience_dict(condition: Condition, questionnaire: Questionnaire) -> dict:
    return {
        "everyone": condition.is_empty,
        "rules": [{"question": key, "answers": answers} for key, answers in condition.as_dict().items()],
        "description": questionnaire.describe_condition(condition),
    }


def timing_dict(timing: Timing, anchor_label: str) -> dict:
    return {"kind": timing.kind, "amount": timing.amount, "heading": timing.heading(anchor_label)}


def due_date(timing: Timing, anchor: datetime.date | None) -> datetime.date | None:
    return timing.due_date(anchor) if anchor else None


def link_dict(label: str, url: str, root_url: str) -> dict | None:
    url = absolute_url(root_url, url)
    if not url:
        return None
    return {"label": label or "", "url": url}


def question_dicts(questionnaire: Questionnaire) -> list[dict]:
    return [
        {
            "key": question.key,
            "label": question.label,
            "short_label": question.summary_label,
            "help_text": question.help_text,
            "answers": [{"key": answer.key, "label": answer.label} for answer in question.answers],
            "asked_when": audience_dict(question.asked_when, questionnaire),
        }
        for question in questionnaire
    ]


# -- content blocks -----------------------------------------------------------------------


def _rich_text_fragments(sections: Iterable[Section]) -> list[tuple[str, list[str]]]:
    """Every rich text source of these sections, in the order ``_block_dict`` consumes them."""
    fragments = []
    for section in sections:
        for child in section.content:
            if child.block_type == "rich_text":
                fragments.append((child.value.source, RICH_TEXT_FEATURES))
            elif child.block_type == "callout":
                fragments.append((child.value["text"].source, CALLOUT_FEATURES))
    return fragments


def _checklist_item(item, anchor_label: str, anchor, root_url: str) -> dict:
    item_timing = Timing.from_stored(item["timing"])
    link = item.get("link") or {}
    return {
        "text": item["text"],
        "details": item.get("details") or "",
        "timing": timing_dict(item_timing, anchor_label),
        "obligation": item["obligation"],
        "link": link_dict(link.get("label") or "", link.get("url") or "", root_url),
        "due_date": due_date(item_timing, anchor),
    }


def _block_dict(child, html: Iterable[str], *, anchor_label: str, anchor, root_url: str) -> dict:
    """One content block. ``html`` yields the expanded rich text, in document order."""
    value = child.value
    kind = child.block_type
    data = {"type": kind, "id": str(child.id)}
    if kind == "rich_text":
        data["html"] = next(html)
    elif kind == "checklist":
        data["items"] = [_checklist_item(item, anchor_label, anchor, root_url) for item in value["entries"]]
    elif kind == "actors":
        data["heading"] = value.get("heading") or ""
        data["actors"] = [
            {
                "name": actor["name"],
                "role": actor["role"],
                "url": absolute_url(root_url, actor.get("url")),
            }
            for actor in value["actors"]
        ]
    elif kind == "self_service":
        data.update(
            label=value["label"],
            url=absolute_url(root_url, value["url"]) or "",
            solution=value["solution"],
            authority=authority_dict(value.get("authority")),
            description=value.get("description") or "",
        )
    elif kind == "callout":
        data.update(kind=value.get("kind") or "info", heading=value.get("heading") or "", html=next(html))
    else:  # pragma: no cover - a new block type must be shaped here and in schemas.py
        raise ValueError(f"No API shape for content block {kind!r}")
    return data


def section_dicts(document: GuideDocument, sections: list[Section], *, anchor, root_url: str) -> list[dict]:
    html = iter(expand_rich_text(_rich_text_fragments(sections), root_url))
    return [
        {
            "id": section.id,
            "heading": section.heading,
            "authority": authority_dict(section.authority),
            "audience": audience_dict(section.condition, document.questionnaire),
            "content": [
                _block_dict(child, html, anchor_label=document.anchor_label, anchor=anchor, root_url=root_url)
                for child in section.content
            ],
        }
        for section in sections
    ]


def _merged_item(entry: ChecklistEntry, anchor_label: str, anchor, root_url: str) -> dict:
    return {
        "text": entry.text,
        "details": entry.details,
        "timing": timing_dict(entry.timing, anchor_label),
        "obligation": entry.obligation,
        "link": link_dict(entry.link_label, entry.link_url, root_url),
        "due_date": due_date(entry.timing, anchor),
        "section_id": entry.section_id,
        "section_heading": entry.section_heading,
    }


# -- documents ----------------------------------------------------------------------------


def guide_api_url(root_url: str, slug: str) -> str:
    return root_url + reverse("api-v1:guide", kwargs={"slug": slug})


def guide_html_url(page, root_url: str) -> str | None:
    """The public page's absolute URL on this site (None when the page has no route)."""
    url_parts = page.get_url_parts()
    if url_parts is None:
        return None
    _site_id, _site_root_url, path = url_parts
    if path is None:
        return None
    return root_url + path


def guide_summary(page, root_url: str, *, revision_id: int | None = None) -> dict:
    return {
        "slug": page.slug,
        "title": page.title,
        "intro": page.intro,
        "url": guide_api_url(root_url, page.slug),
        "html_url": guide_html_url(page, root_url),
        "last_published_at": page.last_published_at,
        "revision_id": revision_id if revision_id is not None else page.live_revision_id,
    }


def serialize_guide_list(pages: Iterable, root_url: str) -> dict:
    results = [guide_summary(page, root_url) for page in pages]
    return {"api_version": API_VERSION, "count": len(results), "results": results}


def serialize_guide(
    document: GuideDocument,
    *,
    answers: Answers | None,
    anchor: datetime.date | None,
    root_url: str,
    revision_id: int,
    preview: bool = False,
) -> dict:
    """One guide. ``answers=None``: every section, unfiltered; otherwise complete answers."""
    data = guide_summary(document.page, root_url, revision_id=revision_id)
    data.update(
        {
            "api_version": API_VERSION,
            "preview": preview,
            "anchor_label": document.anchor_label,
            "questions": question_dicts(document.questionnaire),
            "filtered": answers is not None,
            "answers": dict(answers) if answers is not None else None,
            "audience": None,
            "anchor_date": anchor,
            "checklist": None,
        }
    )
    if answers is None:
        sections = document.sections
    else:
        tailored = document.tailor(answers)
        sections = tailored.sections
        data["audience"] = {"query": answers.query_string(), "label": tailored.label}
        data["checklist"] = [
            {
                "timing": timing_dict(group.timing, document.anchor_label),
                "due_date": due_date(group.timing, anchor),
                "items": [
                    _merged_item(entry, document.anchor_label, anchor, root_url) for entry in group.entries
                ],
            }
            for group in tailored.checklist
        ]
    data["sections"] = section_dicts(document, sections, anchor=anchor, root_url=root_url)
    return data


def render_json(data: dict) -> bytes:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")).encode()
