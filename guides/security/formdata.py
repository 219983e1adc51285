"""Malformed page-editor posts are a 400, never a 500 and never a partial save.

Wagtail reads a StreamField's form data trusting its shape: a missing key or a count that
is not a number is a server error, and an unknown block type or a negative count silently
drops content and saves what is left. The editor's browser never sends such data, so any
of it is a crafted or broken request: we check its structure against the page type's block
definitions before Wagtail reads it, and answer 400 with nothing saved (docs/security.md,
case 17). Errors that only show while Wagtail converts a value (rich text that is not
Draftail's format) become a 400 the same way.
"""

from __future__ import annotations

import logging
import re
import sys

from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

logger = logging.getLogger(__name__)

#: Most blocks one stream or list may hold in one post (a guide has a few dozen).
MAX_ITEMS = 1000
PAGE_FORM_VIEWS = {
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:preview_on_edit",
    "wagtailadmin_pages:revisions_revert",
    "wagtailadmin_pages:add",
    "wagtailadmin_pages:preview_on_add",
}
INTEGER = re.compile(r"^\d{1,9}$")
#: Where Wagtail turns posted form data into block values.
PARSING_FUNCTIONS = {"value_from_datadict", "value_from_form", "to_database_format"}


class MalformedFormData(ValueError):
    pass


def _count(data, prefix) -> int:
    raw = data.get(f"{prefix}-count", "")
    if not INTEGER.match(str(raw)) or int(raw) > MAX_ITEMS:
        raise MalformedFormData(f"{prefix}-count is {raw!r}")
    return int(raw)


def _items(data, prefix):
    for index in range(_count(data, prefix)):
        item = f"{prefix}-{index}"
        if f"{item}-deleted" not in data or not INTEGER.match(str(data.get(f"{item}-order", ""))):
            raise MalformedFormData(f"{item} is incomplete")
        if not data[f"{item}-deleted"]:
            yield item


def check_block(block, data, prefix) -> None:
    """Raise ``MalformedFormData`` unless ``data`` has the shape ``block`` reads at ``prefix``."""
    from wagtail.blocks import ChooserBlock

    if isinstance(block, blocks.StreamBlock):
        for item in _items(data, prefix):
            kind = data.get(f"{item}-type")
            if kind not in block.child_blocks:
                raise MalformedFormData(f"{item}-type {kind!r} is not a block of this stream")
            check_block(block.child_blocks[kind], data, f"{item}-value")
    elif isinstance(block, blocks.ListBlock):
        for item in _items(data, prefix):
            check_block(block.child_block, data, f"{item}-value")
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            check_block(child, data, f"{prefix}-{name}")
    elif isinstance(block, ChooserBlock):
        value = data.get(prefix) or ""
        if value and (not INTEGER.match(value) or not block.model_class.objects.filter(pk=value).exists()):
            raise MalformedFormData(f"{prefix}: no {block.model_class.__name__} {value!r}")


def check_page_form_data(page_class, data) -> None:
    for field in page_class._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" in data:
            check_block(field.stream_block, data, field.name)


def _page_class(match):
    kwargs = match.kwargs
    if "page_id" in kwargs:
        page = Page.objects.filter(pk=kwargs["page_id"]).only("content_type").first()
        return page.specific_class if page is not None else None
    content_type = ContentType.objects.filter(
        app_label=kwargs.get("content_type_app_name"), model=kwargs.get("content_type_model_name")
    ).first()
    return content_type.model_class() if content_type is not None else None


def bad_request(request, reason) -> HttpResponseBadRequest:
    logger.warning("Refused malformed form data on %s: %s", request.path, reason)
    return HttpResponseBadRequest(
        _("The form data could not be read, so nothing was saved. Reload the page and try again."),
        content_type="text/plain; charset=utf-8",
    )


class MalformedPageFormMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name not in PAGE_FORM_VIEWS:
            return None
        page_class = _page_class(match)
        if page_class is None:
            return None
        try:
            check_page_form_data(page_class, request.POST)
        except MalformedFormData as error:
            return bad_request(request, error)
        return None

    def process_exception(self, request, exception):
        if request.method != "POST" or not isinstance(
            exception, (ValueError, KeyError, TypeError, AttributeError)
        ):
            return None
        traceback = sys.exc_info()[2] or exception.__traceback__
        while traceback is not None:
            if traceback.tb_frame.f_code.co_name in PARSING_FUNCTIONS:
                return bad_request(request, repr(exception))
            traceback = traceback.tb_next
        return None
