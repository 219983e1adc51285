"""Turn refusals and the rare loser of a race in the admin into a message, not an error page."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages

CONCURRENT_WORKFLOW_MARKERS = ("unique_in_progress_workflow", "only be one in progress")


class ConcurrentActionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not request.path.startswith("/admin/"):
            return None
        from guides.signoff.actions import SignOffError

        if isinstance(exception, SignOffError):
            # A refused sign-off step reached from one of Wagtail's own views (e.g. submitting a
            # guide whose owner authority does not exist): say why, keep the editor's page.
            messages.error(request, exception.message)
            return redirect(request.get_full_path())
        if isinstance(exception, IntegrityError | ValidationError) and any(
            marker in str(exception) for marker in CONCURRENT_WORKFLOW_MARKERS
        ):
            # Every request runs in one transaction, which has been rolled back: nothing
            # of the losing request was saved.
            messages.warning(
                request,
                _("Someone else submitted this guide for sign-off at the same moment. Nothing changed."),
            )
            return redirect(request.get_full_path())
        return None
