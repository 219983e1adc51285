"""Comment e-mails reach only people who may still edit the page (case 15, CVE-2022-21683).

Wagtail e-mails comment changes to everyone subscribed to the page's comments and to
everyone who took part in the thread, without asking whether they may still see the page:
an editor who has since moved to a reviewer role (or lost the guide) keeps receiving its
draft discussions. Wagtail's page editor sends these through one function; we wrap it so
that each recipient is checked, at the moment of sending, against the page's edit
permission. Other notifications pass unchanged.
"""

from __future__ import annotations

import functools
import logging

logger = logging.getLogger(__name__)
COMMENT_NOTIFICATIONS = {"updated_comments"}


def only_current_editors(send_notification):
    @functools.wraps(send_notification)
    def send(recipient_users, notification, extra_context):
        recipient_users = list(recipient_users)
        page = (extra_context or {}).get("page")
        if notification in COMMENT_NOTIFICATIONS and page is not None:
            allowed = [user for user in recipient_users if page.permissions_for_user(user).can_edit()]
            dropped = len(recipient_users) - len(allowed)
            if dropped:
                logger.info("Comment e-mail on page %s not sent to %d former editor(s)", page.pk, dropped)
            recipient_users = allowed
        return send_notification(recipient_users, notification, extra_context)

    send.vejviser_scoped = True
    return send


def install():
    """Called once from ``GuidesConfig.ready()``."""
    from wagtail.admin.views.pages import edit

    if not getattr(edit.send_notification, "vejviser_scoped", False):
        edit.send_notification = only_current_editors(edit.send_notification)
