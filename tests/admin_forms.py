"""Build the POST data the Wagtail page editor sends, from a page's current values.

The StreamField editor builds its form fields in the browser, so tests that go through
the real admin views produce the same field names here, by walking the block
definitions. Change a value on the page (or pass ``overrides``), then post.
"""

from __future__ import annotations

import datetime

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail.test.utils.form_data import nested_form_data, rich_text


def block_form_data(block, value):
    """Form data (a nested dict) for ``value`` of ``block``, as the editor would post it."""
    if isinstance(block, blocks.StreamBlock):
        items = {}
        for index, child in enumerate(value):
            items[str(index)] = {
                "type": child.block_type,
                "value": block_form_data(child.block, child.value),
                "deleted": "",
                "order": str(index),
                "id": child.id or "",
            }
        items["count"] = str(len(items))
        return items
    if isinstance(block, blocks.ListBlock):
        items = {}
        for index, child in enumerate(value.bound_blocks):
            items[str(index)] = {
                "value": block_form_data(block.child_block, child.value),
                "deleted": "",
                "order": str(index),
                "id": child.id or "",
            }
        items["count"] = str(len(items))
        return items
    if isinstance(block, blocks.StructBlock):
        return {name: block_form_data(child, value.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source if value is not None else "", features=block.features)
    if isinstance(block, SnippetChooserBlock):
        return str(value.pk) if value is not None else ""
    if isinstance(block, blocks.DateBlock):
        return value.isoformat() if isinstance(value, datetime.date) else (value or "")
    if isinstance(block, blocks.FieldBlock):
        form_value = block.value_for_form(value)
        return "" if form_value is None else str(form_value)
    raise TypeError(f"No form data builder for {type(block).__name__}")


def guide_form_data(page, **overrides):
    """Complete POST data for the GuidePage edit view."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "anchor_label": page.anchor_label,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "questions": block_form_data(page.questions.stream_block, page.questions),
        "body": block_form_data(page.body.stream_block, page.body),
        "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"},
    }
    data.update(overrides)
    return nested_form_data(data)
