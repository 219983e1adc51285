"""What the load run and the soak share: a fresh database with the demo, the readers' list
of every audience variant, and the writer's publish round through the app's own domain
actions (edit a section, submit, sign-off by its owning authority, publish by the workflow).

Call ``prepare()`` first: it sets up Django with the bench settings.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import threading
import time
from dataclasses import dataclass, field

from bench.client import get

DEMO_SLUGS = ("hvis-du-bliver-ledig", "naar-du-faar-nyt-job")


def reset_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    if not (name.startswith("vejviser_bench") or name.endswith(("_soak", "_load"))):
        raise SystemExit(f"refusing to reset {name!r}: only vejviser_bench* or *_soak/*_load databases")
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    print(f"resetting PostgreSQL database {name}", flush=True)
    for statement in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", admin_url, "-q", "-c", statement], check=True, capture_output=True)


def prepare(database_url: str, redis_url: str) -> dict:
    """Reset the database, set up Django (bench settings), migrate and load the demo."""
    from bench import servers

    env = servers.app_env("cms.settings.bench", database_url, redis_url, DEMO_PASSWORD="vejviser-bench")
    os.environ.update(env)
    reset_database(database_url)
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    cache.clear()
    call_command("load_demo", verbosity=0)
    return env


def variant_paths() -> list[tuple[str, str]]:
    """(kind, path) for every audience of every live guide, as API and as HTML, plus each
    guide's unfiltered API and the list endpoint."""
    from guides.models import GuidePage

    paths = [("api list", "/api/v1/guides/")]
    for page in GuidePage.objects.live().order_by("pk"):
        paths.append(("api unfiltered", f"/api/v1/guides/{page.slug}/"))
        for answers in page.document.questionnaire.audiences():
            query = answers.query_string()
            paths.append(("api guide", f"/api/v1/guides/{page.slug}/?{query}"))
            paths.append(("html guide", f"{page.url}?{query}"))
    return paths


# -- the writer -----------------------------------------------------------------------------


@dataclass
class Round:
    slug: str
    marker: str
    revision_id: int
    decisions: list[int] = field(default_factory=list)  # SignOffRequest ids decided
    seconds: float = 0.0


_counter = itertools.count(1)


def _everyone_sections(raw_body: list) -> list[dict]:
    return [block for block in raw_body if not block["value"]["audience"]]


def publish_round(slug: str, *, extra_section: int | None = None) -> Round:
    """One editor/reviewer round through the domain actions: the editor puts a unique marker
    in a section every audience sees (and, with ``extra_section``, changes one more section
    to rotate over every authority), submits; each owning authority's demo reviewer signs
    off what is pending; the workflow publishes the signed revision."""
    from django.contrib.auth import get_user_model

    from guides.demo import people
    from guides.models import GuidePage
    from guides.signoff import actions, notifications, setup

    User = get_user_model()
    editor = User.objects.get(username=people.EDITOR["username"])
    number = next(_counter)
    marker = f"Markør {os.getpid()}-{number}-{time.time_ns()}"
    started = time.monotonic()
    page = GuidePage.objects.get(slug=slug)
    latest = page.get_latest_revision_as_object()
    raw = latest.body.get_prep_value()
    everyone = _everyone_sections(raw)
    target = everyone[number % len(everyone)]
    _set_note(target, f"<p>{marker}</p>")
    if extra_section is not None:
        other = raw[extra_section % len(raw)]
        if other is not target:
            _set_note(other, f"<p>Opdateret i runde {number}.</p>")
    latest.body = raw
    revision = latest.save_revision(user=editor)
    done = Round(slug, marker, revision.pk)
    with notifications.muted():
        state = setup.submit(GuidePage.objects.get(pk=page.pk), editor)
        state.refresh_from_db()
        task_state = state.current_task_state.specific
        for request in list(task_state.requests.pending().select_related("authority")):
            reviewer = User.objects.get(username=people.reviewer_username(request.authority.code))
            actions.decide(request.pk, reviewer, actions.APPROVE, seen_fingerprint=request.fingerprint)
            done.decisions.append(request.pk)
    page.refresh_from_db()
    if page.live_revision_id != revision.pk:
        raise AssertionError(
            f"{slug}: revision {revision.pk} was signed off but {page.live_revision_id} is live"
        )
    done.seconds = time.monotonic() - started
    return done


def _set_note(block: dict, html: str) -> None:
    """Replace the section's last rich text paragraph added by the writer (or add one)."""
    content = block["value"]["content"]
    notes = [
        item for item in content if item["type"] == "rich_text" and item.get("id", "").startswith("soak-")
    ]
    if notes:
        notes[0]["value"] = html
    else:
        content.append({"type": "rich_text", "value": html, "id": f"soak-{block['id']}"})


def check_rounds(rounds: list[Round]) -> list[str]:
    """No lost sign-off: every decision is in the sign-off log once, every live revision is
    fully signed off (tests/invariants.py)."""
    from guides.signoff.models import SignOffEvent, SignOffRequest
    from tests.invariants import assert_live_guides_signed_off

    problems = []
    for done in rounds:
        for request in SignOffRequest.objects.filter(pk__in=done.decisions):
            if request.status != SignOffRequest.APPROVED:
                problems.append(f"request {request.pk} is {request.status}, not approved")
            events = SignOffEvent.objects.filter(
                action=SignOffEvent.APPROVED, section_id=request.section_id, fingerprint=request.fingerprint
            )
            if events.count() != 1:
                problems.append(f"request {request.pk}: {events.count()} approvals in the log")
    try:
        assert_live_guides_signed_off()
    except AssertionError as error:
        problems.append(f"invariant 1: {error}")
    return problems


def wait_until_served(base: str, slug: str, marker: str, paths, timeout: float) -> float:
    """Seconds until every variant of the guide shows the marker (API and HTML); raises when
    one still serves old content after ``timeout``."""
    started = time.monotonic()
    pending = [path for _, path in paths if f"/{slug}/" in path]
    while pending:
        pending = [path for path in pending if marker not in get(base + path, timeout=30).body]
        if pending and time.monotonic() - started > timeout:
            raise AssertionError(f"stale after {timeout:.0f}s: {pending[:3]}")
        if pending:
            time.sleep(0.1)
    return time.monotonic() - started


# -- readers ----------------------------------------------------------------------------


class Readers:
    """Threads requesting every variant in turn until stopped; they count requests and
    errors (a status other than 200, or a connection error)."""

    def __init__(self, base: str, paths, threads: int = 4):
        self.base, self.paths = base, [path for _, path in paths]
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.requests, self.errors = 0, []
        self.threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(threads)]

    def _run(self, offset: int) -> None:
        for path in itertools.islice(itertools.cycle(self.paths), offset, None):
            if self.stop_event.is_set():
                return
            try:
                status = get(self.base + path, timeout=30).status
                error = None if status == 200 else f"{status} {path}"
            except OSError as failure:
                error = f"{failure!r} {path}"
            with self.lock:
                self.requests += 1
                if error:
                    self.errors.append(error)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=60)
