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
from guides.signoff import clearance, emergency
from guides.signoff.units import Unit, units_of

logger = logging.getLogger("vejviser.audit")


class SignOffRequired(PermissionDenied):
    """The content may not go live: these units lack a sign-off for their exact text."""

    def __init__(self, page, units: list[Unit]):
        self.page = page
        self.units = units
        names = "; ".join(f"»{unit.label}« ({unit.authority_name})" for unit in units)
        message = (
            f"»{page.title}« kan ikke udgives, fordi disse dele ikke er godkendt af deres myndighed "
            f"i den nuværende form: {names}."
        )
        release = emergency.open_releases(page.pk).last() if page.pk else None
        if release is not None:
            from guides.signoff.actions import retrospective_message

            message += (
                " En nødudgivelse gælder kun den ene udgivelse og godkender intet. "
                + retrospective_message(release)
            )
        super().__init__(message)


def missing_units(page) -> list[Unit]:
    """Units of ``page`` (a GuidePage holding the content to go live) that are not cleared."""
    return clearance.not_publishable(page.pk, units_of(GuideDocument.from_page(page)))


def check_publishable(page, *, user=None, revision=None, via=""):
    """Raise ``SignOffRequired`` (and log the refusal) unless every unit is signed off
    (``actions.PublishSigned``; ``page`` holds the content to go live)."""
    from guides.signoff.actions import PublishSigned

    if revision is None:
        revision = page.get_latest_revision() if page.pk else None
    PublishSigned(revision, user, content=page, via=via).check()


def resulting_row(page, update_fields):
    """The page row as it will be stored after ``page.save(update_fields=...)``: the stored
    row with exactly those fields taken from ``page`` (all of ``page`` without a list)."""
    if update_fields is None or page.pk is None:
        return page
    stored = type(page).objects.filter(pk=page.pk).first()
    if stored is None:
        return page
    for name in update_fields:
        attname = getattr(page._meta.get_field(name), "attname", None)
        if attname is not None:  # relations (e.g. comments) are not columns of the row
            setattr(stored, attname, getattr(page, attname))
    return stored


def check_live_row(page):
    """A stored live row (after ``QuerySet.update``) must show exactly its live revision's
    units, or units that are cleared; else ``SignOffRequired``."""
    if not page.live or page.live_revision_id is None:
        return
    row = units_of(GuideDocument.from_page(page))
    live = units_of(GuideDocument.from_page(page.live_revision.as_object()))
    if [(u.id, u.fingerprint) for u in row] == [(u.id, u.fingerprint) for u in live]:
        return
    missing = clearance.not_publishable(page.pk, row)
    if missing:
        ids = [unit.id for unit in missing]
        logger.error("Refused to update unsigned live content of page %s: %s", page.pk, ids)
        raise SignOffRequired(page, missing)


def check_live_save(page, update_fields=None):
    """Backstop in ``GuidePage.save()``: live content must be cleared.

    Every signed field of the row that results from the save is checked, whatever
    ``update_fields`` says (a partial save of ``intro``, ``slug`` or ``seo_title`` is no
    side door). Saving a live guide whose live content does not change (moving it,
    locking it) is always allowed, also when a retrospective review has since asked for
    changes.
    """
    page = resulting_row(page, update_fields)
    if not page.live:
        return
    if page.live_revision_id is not None and page.live_revision_id in (
        emergency.authorized_revision_id(),
        # This very object was checked by PublishSigned for this revision.
        getattr(page, "_signoff_verified_revision_id", None),
    ):
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
