"""`make bench`: Vejviser against Wagtail itself, measured in one run on this machine.

Resets the PostgreSQL database ``vejviser_bench``, loads the demo and a 30-section guide
(signed off through the workflow), times publishing, starts gunicorn (2 workers, bench
settings) and nginx, measures each scenario with wrk, prints the figures and the ratios
and writes them to bench/results.json. See docs/performance.md.

    python -m bench.run [--duration 12] [--connections 8]

Exits non-zero when a scenario had errors (a non-2xx answer or a socket error).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import servers
from bench.client import get

ROOT = servers.ROOT
RESULTS = ROOT / "bench" / "results.json"
LUA = ROOT / "bench" / "wrk" / "cycle.lua"
DEFAULT_DATABASE = "vejviser_bench"
TARGETS = {
    "cold_api_vs_peer": (">=", 1.0),
    "warm_api_vs_peer": (">=", 20.0),
    "warm_html_vs_peer": (">=", 20.0),
    "static_export_vs_nginx_file": (">=", 0.9),
    "publish_vs_plain_wagtail": ("<=", 3.0),
}


def say(message: str) -> None:
    print(message, flush=True)


def ensure_tools() -> None:
    missing = [
        name for name in ("wrk", "nginx") if servers.nginx_binary() is None or shutil.which(name) is None
    ]
    missing = [
        name for name in ("wrk", "nginx") if not (shutil.which(name) or Path(f"/usr/sbin/{name}").exists())
    ]
    if not missing:
        return
    say(f"installing {' '.join(missing)}: apt-get install -y {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def reset_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    if not name.startswith("vejviser_bench"):
        raise SystemExit(f"refusing to reset {name!r}: the bench only resets databases named vejviser_bench*")
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    say(f"resetting PostgreSQL database {name}")
    for statement in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", admin_url, "-q", "-c", statement], check=True)


def prepare(export_dir: Path, base: str) -> dict:
    """Migrate, load the demo and the bench content, time publishing, export statically.

    The default site is given the bench server's address (``base``), so publishing
    pre-renders the variants for the one host the benchmark asks, as in production."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connections

    from bench import content

    call_command("migrate", "--noinput", verbosity=0)
    cache.clear()
    say("loading the demo (manage.py load_demo)")
    call_command("load_demo", verbosity=0)
    from urllib.parse import urlsplit

    from wagtail.models import Site

    address = urlsplit(base)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = address.hostname, address.port
    site.save()  # (not update(): saving clears Wagtail's cached site root paths)
    say(f"adding the {content.SECTIONS}-section guide and its plain Wagtail copy")
    guide = content.ensure_bench_guide()
    peer = content.ensure_peer_page()
    say("timing publishes (ours vs plain Wagtail)")
    timing = content.publish_timing()
    audiences = content.audience_queries(content.GUIDE_SLUG)
    say("pre-rendering every guide's variants (manage.py warm_delivery)")
    call_command("warm_delivery", verbosity=0)
    say(f"static export: manage.py export_static {export_dir} --root-url {base}")
    call_command("export_static", str(export_dir), root_url=base, verbosity=0)
    connections.close_all()
    return {
        "guide_slug": guide.slug,
        "guide_url_path": guide.url,
        "peer_id": peer.pk,
        "audiences": audiences,
        "publish": timing,
    }


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def wrk(url: str, paths: list[str], *, duration: int, connections: int, dated: bool = False) -> dict:
    command = [
        shutil.which("wrk") or "/usr/bin/wrk",
        "-t2",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "--latency",
        "-s",
        str(LUA),
        url,
        "--",
        *(["--dated"] if dated else []),
        *paths,
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "errors": (sum(int(n) for n in socket.groups()) if socket else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def check(url: str) -> dict:
    """One request before the run: it must be a 200 (and warms what a first request warms)."""
    response = get(url, timeout=30)
    if response.status != 200:
        raise RuntimeError(f"{url} answered {response.status}: {response.body[:300]}")
    return response.headers


def scenario(results: dict, key: str, title: str, base: str, paths: list[str], options, **kwargs) -> None:
    for path in paths:
        check(base + path.split("?dato")[0] if kwargs.get("dated") else base + path)
    say(f"  {title} …")
    figures = wrk(
        base + paths[0], paths, duration=options.duration, connections=options.connections, **kwargs
    )
    figures.update(title=title, paths=paths[:3] + (["…"] if len(paths) > 3 else []))
    results["scenarios"][key] = figures
    say(
        f"    {figures['rps']:>9.0f} req/s   p50 {figures['p50_ms']:7.1f} ms"
        f"   p99 {figures['p99_ms']:7.1f} ms   errors {figures['errors']}"
    )


def ratios(scenarios: dict, publish: dict) -> dict:
    def ratio(a, b):
        if a in scenarios and b in scenarios and scenarios[b]["rps"]:
            return round(scenarios[a]["rps"] / scenarios[b]["rps"], 2)
        return None

    return {
        "cold_api_vs_peer": ratio("b_api_cold", "a_peer_wagtail_v3"),
        "warm_api_vs_peer": ratio("c_api_warm", "a_peer_wagtail_v3"),
        "warm_html_vs_peer": ratio("d_html_warm", "a_peer_wagtail_v3"),
        "static_export_vs_nginx_file": ratio("e_static_export_nginx", "e0_nginx_reference_file"),
        "static_export_html_vs_nginx_file": ratio("e_static_export_nginx_html", "e0_nginx_reference_file"),
        "ceiling_vs_peer": ratio("f_ceiling", "a_peer_wagtail_v3"),
        "nginx_file_vs_peer": ratio("e0_nginx_reference_file", "a_peer_wagtail_v3"),
        "publish_vs_plain_wagtail": round(publish["ours_median_s"] / publish["plain_median_s"], 2),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "12")))
    parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", "8")))
    options = parser.parse_args(argv)

    database_url = os.environ.get(
        "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DEFAULT_DATABASE}"
    )
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
    env = servers.app_env("cms.settings.bench", database_url, redis_url, DEMO_PASSWORD="vejviser-bench")
    os.environ.update(env)

    ensure_tools()
    reset_database(database_url)
    workdir = Path(tempfile.mkdtemp(prefix="vejviser-bench-"))
    workdir.chmod(0o755)  # nginx's workers run as an unprivileged user
    export_dir = workdir / "www" / "export"
    export_dir.mkdir(parents=True)
    port = servers.free_port(int(os.environ.get("BENCH_PORT", "8151")))
    info = prepare(export_dir, f"http://127.0.0.1:{port}")
    slug, html_path = info["guide_slug"], info["guide_url_path"]
    api_paths = [f"/api/v1/guides/{slug}/?{query}" for query in info["audiences"]]
    html_paths = [f"{html_path}?{query}" for query in info["audiences"]]
    results = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count()},
        "wrk": {"threads": 2, "connections": options.connections, "duration_s": options.duration},
        "gunicorn_workers": 2,
        "guide": {"slug": slug, "sections": 30, "audiences": info["audiences"]},
        "publish": info["publish"],
        "scenarios": {},
    }
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 (closed in finally)
    try:
        with servers.gunicorn(port, env, workers=2, log=log) as base:
            say(
                f"gunicorn (2 workers, cms.settings.bench) on {base}; wrk -t2 -c{options.connections} "
                f"-d{options.duration}s"
            )
            scenario(
                results,
                "a_peer_wagtail_v3",
                "(a) peer: Wagtail v3 API page detail",
                base,
                [f"/wagtail-api/v3/pages/{info['peer_id']}/"],
                options,
            )
            scenario(
                results,
                "b_api_cold",
                "(b) our API, cache miss (a new dato per request)",
                base,
                api_paths,
                options,
                dated=True,
            )
            scenario(results, "c_api_warm", "(c) our API, warm", base, api_paths, options)
            scenario(results, "d_html_warm", "(d) our HTML, warm", base, html_paths, options)
            scenario(
                results,
                "f_ceiling",
                "(f) ceiling: Django view, bytes from memory",
                base,
                ["/bench/ceiling/"],
                options,
            )
            reference = workdir / "www" / "reference" / "guide.json"
            reference.parent.mkdir(parents=True)
            reference.write_text(get(base + api_paths[-1]).body, encoding="utf-8")
        nginx_port = servers.free_port(int(os.environ.get("BENCH_NGINX_PORT", "8152")))
        with servers.nginx(nginx_port, workdir / "www") as static_base:
            say(f"nginx on {static_base}")
            scenario(
                results,
                "e0_nginx_reference_file",
                "(e0) nginx: our API response saved as a file",
                static_base,
                ["/reference/guide.json"],
                options,
            )
        # (e) The documented nginx config (docs/deploy.md) in front of the export, with the
        # app stopped: a variant not served from its file would be a 502, counted as an error.
        server = servers.documented_server_block(export_dir, app_port=port, port=nginx_port)
        with servers.nginx(nginx_port, server_block=server) as static_base:
            say(f"nginx with the config of docs/deploy.md on {static_base} (app stopped)")
            scenario(
                results,
                "e_static_export_nginx",
                "(e) limit: nginx serving the static export, API, every audience",
                static_base,
                api_paths,
                options,
            )
            scenario(
                results,
                "e_static_export_nginx_html",
                "(e) nginx serving the static export, HTML, every audience",
                static_base,
                html_paths,
                options,
            )
    finally:
        log.close()

    measured = {key: value for key, value in results["scenarios"].items() if "rps" in value}
    results["ratios"] = ratios(measured, results["publish"])
    results["targets"] = {
        name: {
            "target": f"{op} {limit}",
            "value": results["ratios"].get(name),
            "met": None
            if results["ratios"].get(name) is None
            else (results["ratios"][name] >= limit if op == ">=" else results["ratios"][name] <= limit),
        }
        for name, (op, limit) in TARGETS.items()
    }
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    publish = results["publish"]
    say(
        f"\npublish (median of {publish['runs']}): ours {publish['ours_median_s'] * 1000:.0f} ms, "
        f"plain Wagtail {publish['plain_median_s'] * 1000:.0f} ms"
    )
    say("ratios (target):")
    for name, value in results["ratios"].items():
        target = results["targets"].get(name)
        suffix = (
            f"  (target {target['target']}: {'met' if target['met'] else 'NOT met'})"
            if target and target["met"] is not None
            else ""
        )
        say(f"  {name:32} {value if value is not None else 'n/a'}{suffix}")
    say(f"written to {RESULTS.relative_to(ROOT)}; logs in {workdir}")
    failed = [key for key, value in measured.items() if value["errors"]]
    if failed:
        say(f"ERRORS in {', '.join(failed)} (non-2xx or socket errors): see {workdir}/gunicorn.log")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
