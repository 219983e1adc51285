"""An upper bound on the size of any request body.

Django bounds form fields (``DATA_UPLOAD_MAX_MEMORY_SIZE``) and Wagtail bounds images
(``WAGTAILIMAGES_MAX_UPLOAD_SIZE``), but nothing bounds a document upload: a gigabyte
would be written to disk before any form saw it. Bodies larger than
``MAX_REQUEST_BODY_SIZE`` are answered 413 before they are read. The reverse proxy in
front should refuse them even earlier (docs/deploy.md).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(status=400)
        limit = settings.MAX_REQUEST_BODY_SIZE
        if length > limit:
            return HttpResponse(
                _("The upload is too large (at most %(megabytes)s MB).")
                % {"megabytes": limit // (1024 * 1024)},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class SearchQueryLimitMiddleware:
    """Search strings in the admin are at most ``MAX_SEARCH_QUERY_LENGTH`` characters.

    Wagtail's search parses the query into one nested condition per word; a few thousand
    words exhaust Python's recursion limit (a 500, found by tests/security/test_dos_limits.py)
    after the database has done work for each. Nobody searches with more than a sentence.
    """

    PARAMETERS = ("q", "search")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.MAX_SEARCH_QUERY_LENGTH
        if any(len(value) > limit for name in self.PARAMETERS for value in request.GET.getlist(name)):
            return HttpResponse(
                _("The search is too long (at most %(limit)s characters).") % {"limit": limit},
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
