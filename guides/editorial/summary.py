"""Everything the editor tools say about one guide, assembled once.

``guide_checks(page)`` reads the page (usually its latest revision) into a
``GuideDocument`` and runs the plain analyses over it: coverage, readability per section,
the external links with their last check results and the review dates. The editor panel,
the reports and the submit confirmation all use this, so they always agree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.utils import timezone

from guides.document import GuideDocument, Section
from guides.editorial import conf, coverage, links, readability, review
from guides.editorial.models import LinkCheck


@dataclass
class LinkStatus:
    link: links.FoundLink
    check: LinkCheck | None

    @property
    def url(self) -> str:
        return self.link.url

    @property
    def failed(self) -> bool:
        return self.check is not None and self.check.failed

    @property
    def redirected(self) -> bool:
        return self.check is not None and self.check.redirected and not self.check.failed

    @property
    def unchecked(self) -> bool:
        return self.check is None


@dataclass
class SectionChecks:
    section: Section
    coverage: coverage.SectionCoverage
    lix: readability.Lix
    links: list[LinkStatus]
    review: review.ReviewItem

    @property
    def id(self) -> str:
        return self.section.id

    @property
    def broken_links(self) -> list[LinkStatus]:
        return [status for status in self.links if status.failed]

    @property
    def redirected_links(self) -> list[LinkStatus]:
        return [status for status in self.links if status.redirected]

    @property
    def is_difficult(self) -> bool:
        return self.lix.is_difficult

    @property
    def review_due(self) -> bool:
        return self.review.status in (review.OVERDUE, review.MISSING)


@dataclass
class GuideChecks:
    page: object
    document: GuideDocument
    coverage: coverage.Coverage
    sections: list[SectionChecks] = field(default_factory=list)

    @cached_property
    def by_section_id(self) -> dict[str, SectionChecks]:
        return {checks.id: checks for checks in self.sections}

    @property
    def difficult_sections(self) -> list[SectionChecks]:
        return [checks for checks in self.sections if checks.is_difficult]

    @property
    def broken_links(self) -> list[LinkStatus]:
        return [status for checks in self.sections for status in checks.broken_links]

    @property
    def overdue_sections(self) -> list[SectionChecks]:
        return [checks for checks in self.sections if checks.review_due]


def latest_revision(page):
    """The page as its newest revision, which is what editors work on."""
    return page.get_latest_revision_as_object() if page.pk else page


def guide_checks(
    page,
    *,
    today: datetime.date | None = None,
    link_checks: dict[str, LinkCheck] | None = None,
    signoffs: dict | None = None,
    document: GuideDocument | None = None,
) -> GuideChecks:
    """The checks of ``page`` exactly as given (a live page, a revision or a bound form's
    instance). Pass ``link_checks`` and ``signoffs`` when checking many guides at once."""
    document = document or GuideDocument.from_page(page)
    analysis = coverage.analyse(document.questionnaire, document.sections)
    found = links.document_links(document.sections)
    if link_checks is None:
        link_checks = LinkCheck.objects.for_urls(link.url for link in found)
    if signoffs is None:
        signoffs = review.last_signoff_dates([page])
    items = {
        item.section.id: item
        for item in review.review_items(
            [document],
            today=today or timezone.localdate(),
            signoffs=signoffs,
            renewal_days=conf.review_renewal_days(),
            soon_days=conf.review_soon_days(),
        )
    }
    result = GuideChecks(page=page, document=document, coverage=analysis)
    for section in document.sections:
        result.sections.append(
            SectionChecks(
                section=section,
                coverage=analysis.section(section.id),
                lix=readability.section_lix(section),
                links=[
                    LinkStatus(link, link_checks.get(link.url)) for link in found if link.section is section
                ],
                review=items[section.id],
            )
        )
    return result


def checks_for_guides(pages, *, today: datetime.date | None = None) -> list[GuideChecks]:
    """Checks of the latest revision of each page, with one query for all link results."""
    latest = [latest_revision(page) for page in pages]
    documents = [GuideDocument.from_page(page) for page in latest]
    urls = {link.url for document in documents for link in links.document_links(document.sections)}
    link_checks = LinkCheck.objects.for_urls(urls)
    signoffs = review.last_signoff_dates(latest)
    return [
        guide_checks(page, today=today, link_checks=link_checks, signoffs=signoffs, document=document)
        for page, document in zip(latest, documents, strict=True)
    ]
