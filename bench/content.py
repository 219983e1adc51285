"""Bench content, written through the project's own helpers (guides.services and the
sign-off workflow in guides.signoff.setup), plus the publish timing.

Needs Django set up with the bench settings (the peer page type lives in the bench app).
"""

from __future__ import annotations

import statistics
import time

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.log_actions import LogContext

from guides import services
from guides.demo import people
from guides.models import Authority, GuidePage
from guides.signoff import notifications, setup
from home.models import HomePage

GUIDE_SLUG = "bench-30-afsnit"
PEER_SLUG = "bench-30-afsnit-wagtail"
SECTIONS = 30
AUTHORITIES = ("digst", "kl", "star", "skat", "atp-udk")
AUDIENCES = (
    {},
    {"akasse": ["ja"]},
    {"akasse": ["nej"]},
    {"akasse": ["nej"], "alder": ["under-30"]},
    {"akasse": ["nej"], "alder": ["30-eller-derover"]},
)
TIMINGS = (("on_day", 0), ("within_days", 14), ("within_months", 1), ("ongoing", 0), ("before", 7))


def _section(index: int) -> dict:
    authority = AUTHORITIES[index % len(AUTHORITIES)]
    return {
        "key": f"afsnit-{index:02d}",
        "heading": f"Afsnit {index + 1}: hvad du skal gøre",
        "authority": authority,
        "audience": AUDIENCES[index % len(AUDIENCES)],
        "review_by": "2030-01-01",
        "source": "Benchmark-indhold",
        "content": [
            (
                "rich_text",
                f"<p>Afsnit {index + 1} forklarer, hvad myndigheden gør for dig, og hvad du selv skal "
                'huske. <b>Læs det hele</b>, før du går videre, og <a href="https://www.borger.dk/">'
                "find mere på borger.dk</a>.</p><p>Reglerne kan ændre sig, så tjek altid de "
                "nyeste oplysninger hos myndigheden.</p>",
            ),
            (
                "checklist",
                [
                    {
                        "text": f"Opgave {index + 1}.{number}",
                        "details": "Det tager kun få minutter.",
                        "timing": TIMINGS[(index + number) % len(TIMINGS)],
                        "obligation": "skal" if number == 1 else "god-ide",
                        "link": ("Gå til selvbetjening", "https://www.borger.dk/"),
                    }
                    for number in (1, 2)
                ],
            ),
            ("callout", {"kind": "info", "heading": "Godt at vide", "text": "<p>Du kan altid få hjælp.</p>"}),
        ],
    }


def guide_data() -> dict:
    """A 30-section guide with the questions of »Hvis du bliver ledig«, every authority and
    every kind of audience condition."""
    return {
        "slug": GUIDE_SLUG,
        "title": "Benchmark: 30 afsnit",
        "intro": "En guide med 30 afsnit til at måle svartider.",
        "anchor_label": "din første dag som ledig",
        "questions": [
            {
                "key": "akasse",
                "label": "Er du medlem af en a-kasse?",
                "short_label": "A-kasse",
                "help_text": "",
                "answers": [("ja", "Ja"), ("nej", "Nej")],
                "asked_when": {},
            },
            {
                "key": "alder",
                "label": "Hvor gammel er du?",
                "short_label": "Alder",
                "help_text": "",
                "answers": [("under-30", "Under 30 år"), ("30-eller-derover", "30 år eller derover")],
                "asked_when": {"akasse": ["nej"]},
            },
        ],
        "sections": [_section(index) for index in range(SECTIONS)],
    }


def editor():
    return get_user_model().objects.get(username=people.EDITOR["username"])


def demo_reviewers() -> dict:
    User = get_user_model()
    return {code: User.objects.get(username=people.reviewer_username(code)) for code in AUTHORITIES}


def ensure_bench_guide() -> GuidePage:
    """The 30-section guide, submitted and signed off by each authority's demo reviewer:
    the workflow publishes it, as for any guide."""
    existing = GuidePage.objects.filter(slug=GUIDE_SLUG).first()
    if existing is not None and existing.live:
        return existing
    home = HomePage.objects.get()
    page = existing or services.build_guide(home, guide_data(), owner=editor())
    page.save_revision(user=editor())
    setup.ensure_workflow(home)
    with notifications.muted():
        setup.submit_and_sign_off(page, editor(), demo_reviewers())
    page.refresh_from_db()
    if not page.live:
        raise RuntimeError(f"{GUIDE_SLUG} was not published by its sign-off round")
    return page


def ensure_peer_page():
    """A plain Wagtail page with exactly the guide's StreamField content, published the
    plain Wagtail way (no sign-off, no hooks of ours)."""
    from bench.models import PlainGuidePage

    existing = PlainGuidePage.objects.filter(slug=PEER_SLUG).first()
    if existing is not None and existing.live:
        return existing
    authorities = {authority.code: authority for authority in Authority.objects.all()}
    questions, body = services.guide_stream_data({**guide_data(), "slug": PEER_SLUG}, authorities)
    page = PlainGuidePage(
        title="Benchmark: 30 afsnit (Wagtail)", slug=PEER_SLUG, questions=questions, body=body
    )
    HomePage.objects.get().add_child(instance=page)
    page.save_revision(user=editor()).publish(user=editor())
    return page


def _timed_publish(page) -> float:
    """Seconds for one ``revision.publish()`` in its own transaction, on-commit work included
    (background tasks run inline in the bench settings)."""
    user = editor()
    revision = page.save_revision(user=user)
    started = time.perf_counter()
    with LogContext(user=user), transaction.atomic():
        revision.publish(user=user)
    return time.perf_counter() - started


def publish_timing(runs: int = 7) -> dict:
    """Median time to publish the 30-section guide through our path (guard, sign-off log,
    webhooks and whatever else runs on publish, e.g. pre-rendering) against a plain Wagtail
    ``revision.publish()`` of the same content as a PlainGuidePage. Each run publishes a new
    revision with unchanged content; sign-offs stick to the content, so it is publishable.
    The two alternate so that neither gets a warmer database."""
    from bench.models import PlainGuidePage

    ours = GuidePage.objects.get(slug=GUIDE_SLUG)
    plain = PlainGuidePage.objects.get(slug=PEER_SLUG)
    _timed_publish(ours), _timed_publish(plain)  # warm-up: imports, template and query caches
    ours_times, plain_times = [], []
    for _ in range(runs):
        ours_times.append(_timed_publish(GuidePage.objects.get(pk=ours.pk)))
        plain_times.append(_timed_publish(PlainGuidePage.objects.get(pk=plain.pk)))
    return {
        "runs": runs,
        "ours_median_s": statistics.median(ours_times),
        "plain_median_s": statistics.median(plain_times),
        "ours_s": ours_times,
        "plain_s": plain_times,
    }


def audience_queries(slug: str) -> list[str]:
    """Every complete audience of a live guide as its canonical query string."""
    page = GuidePage.objects.live().get(slug=slug)
    return [answers.query_string() for answers in page.document.questionnaire.audiences()]
