"""Signed, expiring preview tokens: read one draft revision of one guide through the API.

A token is issued in the Wagtail admin by a user who may edit the page (see
``guides.api.admin_views``). It is signed with Django's signing framework under its own
salt, so no other signed value of the site can pass for one, and carries the page id,
the revision id and the expiry time. It is a bearer capability: whoever holds it can read
that revision (and nothing else) until it expires.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils import timezone

SALT = "vejviser.api.preview-token"
DEFAULT_LIFETIME = datetime.timedelta(hours=1)


class PreviewTokenError(Exception):
    status = 403
    code = "invalid_preview_token"


class PreviewTokenExpired(PreviewTokenError):
    status = 401
    code = "expired_preview_token"


@dataclass(frozen=True)
class PreviewGrant:
    page_id: int
    revision_id: int
    expires_at: datetime.datetime


def lifetime() -> datetime.timedelta:
    seconds = getattr(settings, "API_PREVIEW_TOKEN_LIFETIME", None)
    return datetime.timedelta(seconds=seconds) if seconds else DEFAULT_LIFETIME


def issue(
    page_id: int, revision_id: int, *, now: datetime.datetime | None = None
) -> tuple[str, PreviewGrant]:
    """A token for one revision of one page, and what it grants."""
    expires_at = (now or timezone.now()) + lifetime()
    expires_at = expires_at.replace(microsecond=0)
    payload = {"p": page_id, "r": revision_id, "exp": int(expires_at.timestamp())}
    return signing.dumps(payload, salt=SALT), PreviewGrant(page_id, revision_id, expires_at)


def read(token: str, *, now: datetime.datetime | None = None) -> PreviewGrant:
    """The grant of a token; ``PreviewTokenExpired`` or ``PreviewTokenError`` when it is not valid."""
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise PreviewTokenError("The preview token is not valid (tampered with, or not ours).") from error
    try:
        grant = PreviewGrant(
            page_id=int(payload["p"]),
            revision_id=int(payload["r"]),
            expires_at=datetime.datetime.fromtimestamp(int(payload["exp"]), tz=datetime.UTC),
        )
    except (KeyError, TypeError, ValueError, OverflowError) as error:
        raise PreviewTokenError("The preview token is not valid (unexpected content).") from error
    if (now or timezone.now()) >= grant.expires_at:
        raise PreviewTokenExpired(
            f"The preview token expired at {grant.expires_at.isoformat()}. Ask an editor for a new one."
        )
    return grant
