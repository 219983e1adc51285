"""One Content-Security-Policy per part of the site.

The citizen pages get the strict policy of ``CONTENT_SECURITY_POLICY`` (django-csp): only
our own scripts, styles and images, no inline script, no plugins, no framing. Two parts
need more and get their own complete policy, chosen by path:

- the Wagtail admin (``/admin/``): inline styles and scripts of Wagtail's own templates,
  ``data:`` images, and framing by itself (the live preview is an iframe of the admin);
- the API's Swagger UI page (``/api/v1/docs``): inline styles and ``data:`` images of
  swagger-ui; its scripts are our own static files.

Wagtail renders a preview by sending a made-up request for the page's own address through
the middleware again (``request.is_preview``); that response is shown in the admin's
preview iframe, so it gets the admin's policy too.

This middleware sits inside ``csp.middleware.CSPMiddleware`` and only tags the response;
django-csp writes the header.
"""

from __future__ import annotations

from django.conf import settings

ADMIN_PREFIX = "/admin/"
API_DOCS_PATHS = ("/api/v1/docs",)


class PolicyByPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        if path.startswith(ADMIN_PREFIX) or getattr(request, "is_preview", False):
            response._csp_config = settings.CSP_ADMIN_DIRECTIVES
        elif path.rstrip("/") in API_DOCS_PATHS:
            response._csp_config = settings.CSP_API_DOCS_DIRECTIVES
        return response
