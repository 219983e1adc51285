"""Fingerprints: a stable hash of exactly the content an authority signs off.

A section's fingerprint covers its heading, owning authority (by primary key: a stable
identity, not the editable code), audience condition, the wording of every question and
answer that condition names (what a citizen chooses in order to see it) and its content
blocks. It deliberately leaves out the editors' own metadata (review-by date,
source note) and Wagtail's internal block ids, so re-ordering, renewing a review date or
re-saving unchanged content never asks an authority to sign off again; any change a
citizen could see does.

The guide *frame* (title, address, intro, anchor event and the questions) has a
fingerprint of its own and is owned by Digitaliseringsstyrelsen.
"""

from __future__ import annotations

import hashlib
import json

#: v2 (issue 12): sections cover the wording of the questions their audience names and
#: name their authority by primary key; the frame covers the Promote tab's SEO fields.
FINGERPRINT_VERSION = "v2"
#: Section fields that are editor metadata, not signed-off content.
UNSIGNED_SECTION_FIELDS = frozenset({"review_by", "source"})


def without_block_ids(data):
    """Drop Wagtail's per-block ``id`` keys (they change nothing a reader sees)."""
    if isinstance(data, dict):
        is_block = "type" in data and "value" in data
        return {
            key: without_block_ids(value) for key, value in data.items() if not (is_block and key == "id")
        }
    if isinstance(data, list):
        return [without_block_ids(item) for item in data]
    return data


def canonical_json(data) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def digest(kind: str, data) -> str:
    payload = f"{FINGERPRINT_VERSION}:{kind}:{canonical_json(data)}".encode()
    return hashlib.sha256(payload).hexdigest()


def section_fingerprint(
    *, heading: str, authority_id: int | None, condition: dict, questions: list[dict], content
) -> str:
    """``content`` is the prep value (JSON) of the section's content stream; ``questions``
    the canonical form of the questions (and their answers) the condition names."""
    return digest(
        "section",
        {
            "heading": heading.strip(),
            "authority": authority_id,
            "audience": condition,
            "questions": questions,
            "content": without_block_ids(content),
        },
    )


def frame_fingerprint(
    *,
    title: str,
    slug: str,
    intro: str,
    anchor_label: str,
    questions,
    seo_title: str = "",
    search_description: str = "",
) -> str:
    """``questions`` is the prep value (JSON) of the guide's question stream. The Promote
    tab's SEO title and search description are served (``<title>``, meta description), so
    they are part of the frame (issue 12, finding 2)."""
    return digest(
        "frame",
        {
            "title": title.strip(),
            "seo_title": (seo_title or "").strip(),
            "search_description": (search_description or "").strip(),
            "slug": slug,
            "intro": intro.strip(),
            "anchor_label": anchor_label.strip(),
            "questions": without_block_ids(questions),
        },
    )
