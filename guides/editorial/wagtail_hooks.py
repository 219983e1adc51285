"""The editor tools in the Wagtail admin: hooks only; the views and panels live beside."""

from wagtail import hooks

from guides.editorial.tasks import enqueue_link_check
from guides.models import GuidePage


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def check_links_after_save(request, page):
    if isinstance(page.specific_deferred, GuidePage):
        enqueue_link_check(page)
