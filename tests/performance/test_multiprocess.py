"""Two app server processes (gunicorn) sharing one PostgreSQL database and one Redis:
what one process publishes, the other serves at once, and sign-offs posted through both at
the same moment keep the invariants (issue 7).

The servers run the test settings against the test database (committed data: a
transactional test), with the REDIS_URL of the run. Everything goes over HTTP, so a
response cache of any kind in front of the views is exercised as deployed.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import TaskState, WorkflowState

from bench import servers
from bench.client import Session, get
from guides.models import GuidePage
from guides.signoff import setup
from guides.signoff.models import SignOffEvent, SignOffRequest
from tests.factories import make_guide, reviewer_for
from tests.signoff.conftest import edit_section

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

AUDIENCES = ("akasse=ja", "akasse=nej&alder=under-30", "akasse=nej&alder=30-eller-derover")
FRESH_WITHIN = 1.0  # seconds


@pytest.fixture(autouse=True)
def _postgres_and_redis_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL shared by two server processes: run with DATABASE_URL=postgres://…")
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs REDIS_URL: the two server processes share one Redis cache (.ci/run sets it)")


def database_url() -> str:
    params = connection.settings_dict
    auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
    return f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{params['NAME']}"


@pytest.fixture
def two_processes(transactional_db, tmp_path):
    """Process A and process B: gunicorn (2 workers each) on their own ports."""
    ports = [servers.free_port()]
    ports.append(servers.free_port(exclude=ports))
    # As deployed: both addresses are delivery roots (pre-rendered on publish, served by the
    # warm path) and each process memoizes what it served for the production default.
    env = servers.app_env(
        "cms.settings.test",
        database_url(),
        os.environ["REDIS_URL"],
        VEJVISER_DELIVERY_ROOT_URLS=",".join(f"http://127.0.0.1:{port}" for port in ports),
        VEJVISER_DELIVERY_MEMO_SECONDS="0.5",
    )
    with contextlib.ExitStack() as stack:
        bases = []
        for name, port in zip(("a", "b"), ports, strict=True):
            log = stack.enter_context(open(tmp_path / f"gunicorn-{name}.log", "w"))
            bases.append(stack.enter_context(servers.gunicorn(port, env, workers=2, log=log)))
        yield bases


def session_for(user, base: str) -> Session:
    """An admin session of ``user`` on one server (the session lives in the shared database)."""
    client = Client()
    client.force_login(user)
    return Session(base, ("sessionid", client.cookies["sessionid"].value))


def post_decision(session: Session, request: SignOffRequest, decision: str = "approve"):
    review = session.get(f"/admin/godkendelse/runde/{request.task_state_id}/")
    assert review.status == 200, review.status
    return session.post(
        f"/admin/godkendelse/afgoerelse/{request.pk}/",
        {"decision": decision, "fingerprint": request.fingerprint},
        token=session.csrf_token(review.body),
    )


def served(base: str, page: GuidePage, marker: str) -> bool:
    """Every audience of the guide shows the marker, in the API and in the HTML."""
    for query in AUDIENCES:
        for path in (f"/api/v1/guides/{page.slug}/?{query}", f"{page.url}?{query}"):
            response = get(base + path)
            assert response.status == 200, (path, response.status)
            if marker not in response.body:
                return False
    return True


def test_guide_published_through_one_process_is_served_fresh_by_the_other(
    two_processes, published_guide, editor, reviewers
):
    process_a, process_b = two_processes
    page = published_guide
    for _ in range(2):  # both processes have served it, the second time from their cache and memo
        assert served(process_b, page, "Afsnit skat")
        assert served(process_a, page, "Afsnit skat")
    marker = f"Ny skattetekst {time.time_ns()}"
    edit_section(page, "Afsnit skat", marker, user=editor)
    task_state = setup.submit(page, editor).current_task_state.specific
    (request,) = task_state.requests.pending()

    # The last sign-off, posted to process A, completes the workflow and publishes there.
    response = post_decision(session_for(reviewers["skat"], process_a), request)
    assert response.status == 302
    published_at = time.monotonic()
    page.refresh_from_db()
    assert marker in str(page.body.raw_data)

    while not served(process_b, page, marker):
        assert time.monotonic() - published_at < FRESH_WITHIN, "process B still serves the old guide"
        time.sleep(0.05)
    assert served(process_a, page, marker)


def test_sign_offs_posted_concurrently_through_both_processes_keep_the_invariants(
    two_processes, home, authorities, editor, workflow, reviewers
):
    process_a, process_b = two_processes
    page = make_guide(home, user=editor, publish=False)
    state = setup.submit(page, editor)
    task_state = state.current_task_state.specific
    requests = list(task_state.requests.pending().select_related("authority"))
    assert len({request.authority.code for request in requests}) == 5

    # Every section at once: its reviewer through A and a colleague of the same authority
    # through B (a double decision across processes), all authorities in parallel.
    colleagues = {code: reviewer_for(authority, f"kollega-{code}") for code, authority in authorities.items()}
    posts = []
    for request in requests:
        code = request.authority.code
        posts.append((session_for(reviewers[code], process_a), request))
        posts.append((session_for(colleagues[code], process_b), request))
    reviews = [session.get(f"/admin/godkendelse/runde/{task_state.pk}/") for session, _ in posts]
    tokens = [session.csrf_token(review.body) for (session, _), review in zip(posts, reviews, strict=True)]
    barrier = threading.Barrier(len(posts))
    statuses: list = [None] * len(posts)

    def post(index):
        session, request = posts[index]
        barrier.wait(timeout=30)
        try:
            statuses[index] = session.post(
                f"/admin/godkendelse/afgoerelse/{request.pk}/",
                {"decision": "approve", "fingerprint": request.fingerprint},
                token=tokens[index],
            ).status
        except OSError as error:
            statuses[index] = repr(error)

    threads = [threading.Thread(target=post, args=(index,)) for index in range(len(posts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert all(status in (302, 409) for status in statuses), statuses  # no 5xx, no lost connection
    for request in requests:
        request.refresh_from_db()
        assert request.status == SignOffRequest.APPROVED
        approvals = SignOffEvent.objects.filter(
            action=SignOffEvent.APPROVED, section_id=request.section_id, fingerprint=request.fingerprint
        )
        assert approvals.count() == 1, f"{request.heading}: {approvals.count()} approvals"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert TaskState.objects.filter(workflow_state=state).count() == 1
    page.refresh_from_db()
    assert page.live
    publishes = SignOffEvent.objects.filter(action=SignOffEvent.PUBLISHED, page_id=page.pk)
    assert publishes.values("revision_id").distinct().count() == 1
    assert publishes.count() == len(requests)  # one publish: one event per unit
    # ...and both processes serve it (tests/invariants.py checks the sign-offs after the test).
    for base in (process_a, process_b):
        assert get(f"{base}/api/v1/guides/{page.slug}/?akasse=ja").status == 200
