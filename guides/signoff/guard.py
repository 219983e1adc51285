"""The publishing guard: published = signed off.

``check_publishable()`` is the one rule. It runs at the lowest point every publishing
path shares, ``GuidePage.save()`` of a live guide (so no path can get around it), and
before anything changes at each entry point (the admin's publish button, ``publish()``,
bulk publish, scheduled publishing, commands, the API action), so that a refused
publish names the unsigned sections and changes nothing.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied

from guides.document import GuideDocument
from guides.signoff import audit, clearance
from guides.signoff.models import SignOffEvent
from guides.signoff.units import Unit, units_of

logger = logging.getLogger("vejviser.audit")


class SignOffRequired(PermissionDenied):
    """The content may not go live: these units lack a sign-off for their exact text."""

    def __init__(self, page, units: list[Unit]):
        self.page = page
        self.units = units
        names = "; ".join(f"»{unit.label}« ({unit.authority_code})" for unit in units)
        super().__init__(
            f"»{page.title}« kan ikke udgives, fordi disse dele ikke er godkendt af deres myndighed "
            f"i den nuværende form: {names}."
        )


def missing_units(page) -> list[Unit]:
    """Units of ``page`` (a GuidePage holding the content to go live) that are not cleared."""
    return clearance.not_publishable(page.pk, units_of(GuideDocument.from_page(page)))


def check_publishable(page, *, user=None, revision=None, via=""):
    """Raise ``SignOffRequired`` (and log the refusal) unless every unit is cleared."""
    missing = missing_units(page)
    if missing:
        audit.record(
            SignOffEvent.PUBLISH_REFUSED,
            page,
            units=missing,
            user=user,
            revision=revision,
            data={"via": via},
        )
        raise SignOffRequired(page, missing)


def check_live_save(page):
    """Backstop in ``GuidePage.save()``: live content must be cleared.

    Saving a live guide whose live content does not change (moving it, locking it) is
    always allowed, also when a retrospective review has since asked for changes.
    """
    if not page.live:
        return
    missing = missing_units(page) if page.pk is not None else units_of(GuideDocument.from_page(page))
    if not missing:
        return
    if page.pk is not None:
        stored = type(page).objects.filter(pk=page.pk, live=True).first()
        if stored is not None and stored.live_revision_id == page.live_revision_id:
            stored_units = {(unit.id, unit.fingerprint) for unit in units_of(GuideDocument.from_page(stored))}
            if all((unit.id, unit.fingerprint) in stored_units for unit in missing):
                return
    logger.error("Refused to save unsigned live content of page %s: %s", page.pk, [u.id for u in missing])
    raise SignOffRequired(page, missing)
