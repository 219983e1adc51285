"""URLs of the bench settings only: the site's own, plus Wagtail's v3 API (the peer) and the
in-process ceiling. cms/urls.py never gains these routes."""

from django.urls import path
from wagtail.api.v3.urls import api as wagtail_api_v3

from bench.views import ceiling
from cms.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("wagtail-api/v3/", wagtail_api_v3.urls),
    path("bench/ceiling/", ceiling),
    # Last: the site's patterns end with Wagtail's catch-all page serving.
    *site_urlpatterns,
]
