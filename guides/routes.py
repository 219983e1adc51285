"""The citizen's addresses under a guide: the guide, its print view and its calendar file.

    /hvis-du-bliver-ledig/?akasse=nej&alder=under-30&dato=2027-01-04           the guide
    /hvis-du-bliver-ledig/udskriv/?akasse=nej&alder=under-30&dato=2027-01-04   print view
    /hvis-du-bliver-ledig/kalender.ics?akasse=nej&alder=under-30&dato=2027-01-04

Every route goes through Wagtail's own serving (``wagtail.views.serve``), so the live
check, view restrictions and ``before_serve_page`` hooks apply to all of them alike.
Wagtail's URL pattern allows no dot in a path, so ``cms/urls.py`` sends ``*.ics`` paths to
the same serve view; the route below sees them as ``kalender.ics/``. An anonymous citizen's
guide and print view come from the delivery cache (``guides/delivery/``) when they can.
"""

from __future__ import annotations

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

CALENDAR_FILE = "kalender.ics"


class GuideRoutes(RoutablePageMixin):
    @path("", name="guide")
    def index_route(self, request, *args, **kwargs):
        from guides.delivery.views import serve_guide_page

        return serve_guide_page(self, request)

    @path("udskriv/", name="print")
    def print_route(self, request):
        from guides.delivery.views import serve_guide_page

        return serve_guide_page(self, request, print_view=True)

    @path(f"{CALENDAR_FILE}/", name="calendar")
    def calendar_route(self, request):
        from guides.views import serve_calendar

        return serve_calendar(self, request)

    # -- addresses ------------------------------------------------------------------------

    def _with_query(self, route: str, query: str, fragment: str = "") -> str:
        url = (self.url or "/") + route
        if query:
            url += f"?{query}"
        return f"{url}#{fragment}" if fragment else url

    def guide_url(self, query: str = "", *, fragment: str = "") -> str:
        return self._with_query("", query, fragment)

    def print_url(self, query: str = "") -> str:
        return self._with_query(self.reverse_subpage("print").lstrip("/"), query)

    def calendar_url(self, query: str = "") -> str:
        return self._with_query(CALENDAR_FILE, query)
