"""Fingerprints: a stable hash of exactly what a unit serves.

Every byte a citizen or API consumer receives belongs to a unit (``guides.signoff.units``),
and a unit's fingerprint covers exactly the values it serves, unnormalised (a trailing space
in a heading is served, so it is signed):

- a section: its heading, owning authority (by primary key: a stable identity, not the
  editable code), audience condition, the wording of every question and answer that
  condition names (what a citizen chooses in order to see it), the anchor label when it has
  a checklist (its deadlines read »… efter {anchor label}«), and its content blocks with
  their ids (the API serves each block's id as a stable key);
- the guide *frame*: title, address, intro, anchor label, SEO title, search description,
  the questions, and the outline (which sections, in which order).

Left out: the editors' own metadata (a section's review-by date and source note), so
renewing a review date asks nobody. Whether a change asks someone is proven by
``tests/signoff/test_served_property.py`` (RELIABILITY case 31).
"""

from __future__ import annotations

import hashlib
import json

#: v2 (issue 12): sections cover the wording of the questions their audience names, the
#: anchor label of their deadlines and their block ids, and name their authority by primary
#: key; the frame covers the Promote tab's SEO fields and the outline; nothing is stripped.
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
    *,
    heading: str,
    authority_id: int | None,
    condition: dict,
    questions: list[dict],
    content,
    anchor_label: str | None = None,
) -> str:
    """``content`` is the prep value (JSON) of the section's content stream, block ids
    included; ``questions`` the canonical form of the questions (and their answers) the
    condition names; ``anchor_label`` the guide's, when the section's deadlines use it."""
    return digest(
        "section",
        {
            "heading": heading,
            "authority": authority_id,
            "audience": condition,
            "questions": questions,
            "anchor_label": anchor_label,
            "content": content,
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
    outline: list[str] = (),
) -> str:
    """``questions`` is the canonical form of the guide's questions; ``outline`` the section
    ids in page order. The Promote tab's SEO title and search description are served
    (``<title>``, meta description), so they are part of the frame (issue 12, finding 2)."""
    return digest(
        "frame",
        {
            "title": title,
            "seo_title": seo_title or "",
            "search_description": search_description or "",
            "slug": slug,
            "intro": intro,
            "anchor_label": anchor_label,
            "questions": without_block_ids(questions),
            "outline": list(outline),
        },
    )
