"""Soak with a publish storm (RELIABILITY case 30), for CI (.ci/run) and on demand.

gunicorn (2 workers, bench settings) on a fresh PostgreSQL database with the demo and one
Redis; reader threads request every audience variant of both guides (API and HTML) for
SOAK_SECONDS; meanwhile a writer repeatedly edits a section, submits, has each owning
authority sign off and lets the workflow publish (bench/workload.py), alternating guides.
Fails (exit 1) on any error, on content still stale SOAK_STALE_AFTER seconds after a
publish, or on a lost sign-off.

    SOAK_SECONDS=3600 python -m bench.soak      # an hour
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from bench import servers, workload


def main() -> int:
    seconds = float(os.environ.get("SOAK_SECONDS", "75"))
    stale_after = float(os.environ.get("SOAK_STALE_AFTER", "5"))
    database_url = os.environ.get(
        "SOAK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vejviser_bench_soak"
    )
    redis_url = os.environ.get("SOAK_REDIS_URL", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/12"))
    env = workload.prepare(database_url, redis_url)
    paths = workload.variant_paths()
    from django.db import connections

    connections.close_all()
    log_path = Path(tempfile.mkdtemp(prefix="vejviser-soak-")) / "gunicorn.log"
    rounds, stale, problems = [], [], []
    with (
        open(log_path, "w") as log,
        servers.gunicorn(servers.free_port(8160), env, workers=2, log=log) as base,
    ):
        print(
            f"soak: {seconds:.0f}s on {base}, {len(paths)} variants, stale after {stale_after:.0f}s",
            flush=True,
        )
        started = time.monotonic()
        with workload.Readers(base, paths) as readers:
            while time.monotonic() - started < seconds:
                slug = workload.DEMO_SLUGS[len(rounds) % 2]
                try:
                    done = workload.publish_round(slug, extra_section=len(rounds))
                    rounds.append(done)
                    stale.append(workload.wait_until_served(base, slug, done.marker, paths, stale_after))
                except AssertionError as error:
                    problems.append(str(error))
                    break
                time.sleep(0.5)
        elapsed = time.monotonic() - started
    problems += readers.errors[:20]
    problems += workload.check_rounds(rounds)
    summary = {
        "seconds": round(elapsed, 1),
        "reader_requests": readers.requests,
        "reader_errors": len(readers.errors),
        "publishes": len(rounds),
        "sign_offs": sum(len(done.decisions) for done in rounds),
        "max_seconds_until_fresh": round(max(stale, default=0), 2),
        "median_round_seconds": round(sorted(d.seconds for d in rounds)[len(rounds) // 2], 2)
        if rounds
        else None,
        "problems": problems,
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    if not rounds:
        problems.append("no publish happened")
    if problems:
        print(f"SOAK FAILED ({len(problems)} problems); server log: {log_path}", file=sys.stderr)
        return 1
    print("soak passed: no errors, nothing stale, no lost sign-off")
    return 0


if __name__ == "__main__":
    sys.exit(main())
