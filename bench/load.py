"""`make load`: the locust profile (bench/locustfile.py) headless against gunicorn (2 workers,
bench settings) and, when `export_static` exists, against nginx serving the export
(RELIABILITY case 29). During the app run, sign-off rounds and publishes go through the
app's own domain actions and the resulting state is checked.

Budgets (exit 1 when missed): 0 failed requests; p95 ≤ LOAD_P95_MS (default 1500 ms) on
the app and ≤ LOAD_STATIC_P95_MS (default 50 ms) on nginx. Load: LOAD_USERS (default 20)
users waiting 0.5–1.5 s between requests, about 20 requests/s: 3× an expected peak of
about 7 requests/s per 2-worker app host. LOAD_TIME (default 2m) per target.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import servers, workload

ROOT = servers.ROOT
LOCUST = ROOT / ".venv-load" / "bin" / "locust"
RESULTS = ROOT / "bench" / "load-results.json"


def seconds(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    return float(text[:-1]) * units[text[-1]] if text[-1] in units else float(text)


def run_locust(host: str, paths_file: Path, workdir: Path, name: str, duration: str, users: int) -> dict:
    prefix = workdir / name
    command = [
        str(LOCUST),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--host",
        host,
        "-u",
        str(users),
        "-r",
        str(max(1, users // 5)),
        "-t",
        duration,
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    env = {**os.environ, "LOAD_PATHS_FILE": str(paths_file)}
    subprocess.run(command, env=env, check=False, stdout=subprocess.DEVNULL)
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    total = rows["Aggregated"]
    return {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "rps": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "by_kind": {
            name: {"requests": int(row["Request Count"]), "p95_ms": float(row["95%"])}
            for name, row in rows.items()
            if name != "Aggregated"
        },
    }


def workflow_during_load(delay: float, results: dict) -> None:
    """Sign-off rounds and publishes of both guides while the load runs."""
    from django.db import connections

    time.sleep(delay)
    rounds = []
    try:
        for slug in workload.DEMO_SLUGS:
            rounds.append(workload.publish_round(slug, extra_section=len(rounds)))
        results["workflow_problems"] = workload.check_rounds(rounds)
    except Exception as error:  # reported, not raised: the thread must not die silently
        results["workflow_problems"] = [repr(error)]
    finally:
        connections.close_all()
    results["workflow_rounds"] = [
        {"guide": done.slug, "sign_offs": len(done.decisions), "seconds": round(done.seconds, 2)}
        for done in rounds
    ]


def main() -> int:
    if not LOCUST.exists():
        raise SystemExit("locust is not installed: run `make load` (it installs requirements-load.txt)")
    duration = os.environ.get("LOAD_TIME", "2m")
    users = int(os.environ.get("LOAD_USERS", "20"))
    budget_app, budget_static = (
        float(os.environ.get("LOAD_P95_MS", "1500")),
        float(os.environ.get("LOAD_STATIC_P95_MS", "50")),
    )
    database_url = os.environ.get(
        "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vejviser_bench_load"
    )
    redis_url = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/12")
    env = workload.prepare(database_url, redis_url)
    from django.core.management import call_command, get_commands
    from django.db import connections

    workdir = Path(tempfile.mkdtemp(prefix="vejviser-load-"))
    workdir.chmod(0o755)
    export_dir = workdir / "www"
    export_dir.mkdir()
    exported = "export_static" in get_commands()
    if exported:
        call_command("export_static", str(export_dir))
    paths = workload.variant_paths()
    connections.close_all()
    paths_file = workdir / "paths.tsv"
    paths_file.write_text("".join(f"{kind}\t{path}\n" for kind, path in paths), encoding="utf-8")
    results = {"load_time": duration, "users": users, "variants": len(paths), "budgets_p95_ms": {}}

    with (
        open(workdir / "gunicorn.log", "w") as log,
        servers.gunicorn(servers.free_port(8170), env, workers=2, log=log) as base,
    ):
        print(f"locust: {users} users for {duration} against {base} ({len(paths)} variants)", flush=True)
        writer = threading.Thread(target=workflow_during_load, args=(seconds(duration) / 4, results))
        writer.start()
        results["app"] = run_locust(base, paths_file, workdir, "app", duration, users)
        writer.join()
        results["budgets_p95_ms"]["app"] = budget_app
        # After the publishes, the app serves the new content.
        for done in results.get("workflow_rounds", []):
            from bench.client import get

            status = get(f"{base}/api/v1/guides/{done['guide']}/").status
            if status != 200:
                results.setdefault("workflow_problems", []).append(f"{done['guide']}: {status}")

    if exported:
        # The nginx config of docs/deploy.md in front of the export, asked for the same
        # addresses as the app (the list is not exported); the app is stopped by now, so an
        # address not served from its file is a 502 and counts as a failure.
        static_paths = [(kind, path) for kind, path in paths if kind != "api list"]
        static_file = workdir / "static-paths.tsv"
        static_file.write_text("".join(f"{kind}\t{path}\n" for kind, path in static_paths), encoding="utf-8")
        port = servers.free_port(8171)
        server = servers.documented_server_block(export_dir, app_port=8169, port=port)
        with servers.nginx(port, server_block=server) as static_base:
            print(
                f"locust: {users} users for {duration} against nginx {static_base} "
                f"({len(static_paths)} variants)"
            )
            results["static"] = run_locust(static_base, static_file, workdir, "static", duration, users)
            results["budgets_p95_ms"]["static"] = budget_static
    else:
        print("static export not available (no export_static command): the nginx run is skipped")
        results["static"] = {"skipped": "static export not available"}

    problems = list(results.get("workflow_problems", []))
    for target, budget in results["budgets_p95_ms"].items():
        figures = results[target]
        print(
            f"{target}: {figures['requests']} requests, {figures['rps']} req/s, "
            f"{figures['failures']} failures, "
            f"p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms (budget {budget:.0f}), "
            f"p99 {figures['p99_ms']:.0f} ms"
        )
        if figures["failures"]:
            problems.append(f"{target}: {figures['failures']} failed requests")
        if figures["p95_ms"] > budget:
            problems.append(f"{target}: p95 {figures['p95_ms']:.0f} ms over the budget of {budget:.0f} ms")
    print(f"workflow during the load: {results.get('workflow_rounds')}")
    results["problems"] = problems
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if problems:
        print("LOAD FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print(f"load passed; written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
