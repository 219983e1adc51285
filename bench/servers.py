"""Start and stop the processes that the bench, load and soak runs (and the multi-process
test) need: gunicorn app servers and nginx. Every process started here is stopped by the
context manager that started it."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PORT_RANGE = (8100, 8199)


def free_port(preferred: int | None = None, *, exclude=()) -> int:
    """A free loopback port in 8100–8199 (the preferred one if it is free), not in ``exclude``."""
    candidates = ([preferred] if preferred else []) + list(range(*PORT_RANGE))
    for port in (candidate for candidate in candidates if candidate not in exclude):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORT_RANGE}")


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until ``url`` answers with any HTTP status; fail early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f}s")


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def app_env(settings: str, database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings, "DATABASE_URL": database_url}
    env["REDIS_URL"] = redis_url
    env.update(extra)
    return env


@contextlib.contextmanager
def gunicorn(port: int, env: dict[str, str], *, workers: int = 2, log=None):
    """gunicorn serving the project on 127.0.0.1:port; yields its base URL."""
    command = [
        str(BIN / "gunicorn"),
        "cms.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--timeout",
        "60",
        "--graceful-timeout",
        "5",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/api/v1/openapi.json", process)
        yield base
    finally:
        stop(process)


NGINX_CONF = """
worker_processes {workers};
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    include /etc/nginx/mime.types;
    default_type application/json;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
{server}
}}
"""

FILES_SERVER = """
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ try_files $uri $uri/index.html $uri/index.json =404; }}
    }}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def documented_server_block(export_dir: Path, *, app_port: int, port: int) -> str:
    """The nginx ``server`` block of docs/deploy.md (static export in front of the app),
    pointed at ``export_dir``, the app on ``app_port`` and listening on ``port``."""
    deploy = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    server = re.search(r"<!-- nginx-export:begin -->\s*```nginx\n(.*?)```", deploy, re.S).group(1)
    return (
        server.replace("/srv/vejviser/export", str(export_dir))
        .replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
        .replace("listen 80;", f"listen 127.0.0.1:{port};")
    )


@contextlib.contextmanager
def nginx(port: int, root: Path | None = None, *, server_block: str | None = None, workers: int = 2):
    """nginx on 127.0.0.1:port serving the files under ``root``, or running ``server_block``
    (e.g. ``documented_server_block``); yields its base URL."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (apt-get install -y nginx)")
    with tempfile.TemporaryDirectory(prefix="vejviser-nginx-") as tmp:
        conf = Path(tmp) / "nginx.conf"
        server = server_block or FILES_SERVER.format(port=port, root=root)
        conf.write_text(NGINX_CONF.format(workers=workers, tmp=tmp, server=server))
        process = subprocess.Popen(
            [binary, "-p", tmp, "-c", str(conf), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(f"{base}/", process, timeout=15)
            yield base
        finally:
            stop(process)
