from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from guides.api.api import api as guide_api
from home.views import accessibility_statement

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("tilgaengelighedserklaering/", accessibility_statement, name="accessibility_statement"),
    path("api/v1/", guide_api.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # A file under a page (a guide's kalender.ics): Wagtail's pattern allows no dot, so
    # such paths go to the same serve view, which routes them to the page's own route.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.ics)$", wagtail_views.serve, name="page_file"),
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
]
