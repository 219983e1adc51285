"""Saving a page from an out-of-date editor is refused, never a silent overwrite.

Wagtail 8 refuses an out-of-date *autosave* (a JSON request), but a plain Save or Publish
from a form loaded before someone else saved creates a new revision over the other
person's work without a word, and two autosaves at the same instant both pass its check
(it reads the latest revision before taking any lock).

``refuse_stale_edit`` runs first in every page-editor POST (``before_edit_page``). It
locks the page row for the rest of the request's transaction, then compares the
revision the form was loaded from (or the tab's own autosave revision) with the latest
one. Out of date: an autosave gets Wagtail's own conflict answer (the editor shows its
conflict dialog and keeps the editor's work). A guide's form post is refused by its form
(``GuidePageForm``, with ``stale_edit_error``): the editor sees the form again *with their
own changes*, a message naming who saved and when, and saving again then replaces the
colleague's version knowingly (it stays in the history). Other pages' form posts are sent
back to the editor with that message. Nothing is saved by the refused request, and every
refusal is written to the page's history. Cases 22 and 24 in docs/security.md.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import Page, Revision

CONFLICT_ACTION = "vejviser.edit_conflict"


def loaded_revision_is_stale(post, latest: Revision | None) -> bool:
    """Wagtail's own rule (EditView.is_out_of_date), applied to a freshly read revision."""
    if latest is None:
        return False
    latest_id = str(latest.pk)
    if overwrite_id := post.get("overwrite_revision_id"):
        return overwrite_id != latest_id
    if loaded_id := post.get("loaded_revision_id"):
        if loaded_id != latest_id:
            return True
        return post.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
    return False  # a client that says nothing (scripts, older forms): as Wagtail


def latest_revision(page) -> Revision | None:
    return Revision.page_revisions.filter(object_id=str(page.pk)).order_by("-created_at", "-id").first()


def log_conflict(page, user, latest: Revision, post, *, autosave: bool):
    log(
        instance=page,
        action=CONFLICT_ACTION,
        user=user,
        revision=latest,
        data={
            "latest_revision_id": latest.pk,
            "loaded_revision_id": post.get("loaded_revision_id") or None,
            "overwrite_revision_id": post.get("overwrite_revision_id") or None,
            "autosave": autosave,
        },
    )


def _who_and_when(latest: Revision):
    who = (latest.user.get_full_name() or latest.user.get_username()) if latest.user else _("someone")
    return who, formats.date_format(timezone.localtime(latest.created_at), "j. F Y H:i")


def stale_edit_error(page, user, post) -> str | None:
    """For a page form: the message to show when the form was loaded from an old revision
    (and the conflict logged), or None. The page row is already locked by the hook."""
    latest = latest_revision(page)
    if not loaded_revision_is_stale(post, latest):
        return None
    log_conflict(page, user, latest, post, autosave=False)
    who, when = _who_and_when(latest)
    return _(
        "»%(title)s« was saved by %(who)s at %(when)s, after you opened it, so your changes below are "
        "not saved yet. Compare with their version in the page history; if yours should replace it, "
        "save again (their version stays in the history)."
    ) % {"title": page.get_admin_display_title(), "who": who, "when": when}


def refuse_stale_edit(request, page):
    if request.method != "POST":
        return None
    # Every save of this page waits here for the one before it to commit.
    Page.objects.select_for_update().filter(pk=page.pk).values_list("pk", flat=True).first()
    autosave = not request.accepts("text/html")
    if not autosave and getattr(page.specific_class, "refuses_stale_edits_in_form", False):
        return None  # the page's form refuses it and keeps the editor's changes on screen
    latest = latest_revision(page)
    if not loaded_revision_is_stale(request.POST, latest):
        return None
    log_conflict(page, request.user, latest, request.POST, autosave=autosave)
    who, when = _who_and_when(latest)
    message = _(
        "»%(title)s« was saved by %(who)s at %(when)s, after you opened it. Your changes were not saved, "
        "so that theirs are not lost: open the page again and make your changes once more."
    ) % {"title": page.get_admin_display_title(), "who": who, "when": when}
    if autosave:
        return JsonResponse(
            {"success": False, "error_code": "invalid_revision", "error_message": message}, status=400
        )
    messages.error(request, message)
    return redirect("wagtailadmin_pages:edit", page.pk)
