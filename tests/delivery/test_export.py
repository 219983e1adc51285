"""The static export: the files hold the bytes the app serves, unpublished guides' files go,
a second export changes nothing, and the nginx configuration in docs/deploy.md serves them."""

import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command

from bench import servers
from guides.delivery.export import MANIFEST, export_static
from tests.delivery.conftest import ROOT, every_variant_url

pytestmark = pytest.mark.django_db

NGINX = "/usr/sbin/nginx"


def file_for(url: str) -> str:
    path, _, query = url.partition("?")
    return f"{path.lstrip('/')}index@{query}." + ("json" if path.startswith("/api/") else "html")


class TestExport:
    def test_every_variant_is_written_with_the_bytes_the_app_serves(self, demo, client, tmp_path):
        call_command("export_static", str(tmp_path), "--root-url", ROOT, stdout=open_null())
        for url in every_variant_url():
            assert (tmp_path / file_for(url)).read_bytes() == client.get(url).content, url

    def test_unpublished_guides_files_are_removed(self, demo, tmp_path):
        export_static(tmp_path, root_url=ROOT)
        demo["naar-du-faar-nyt-job"].unpublish()
        result = export_static(tmp_path, root_url=ROOT)
        assert result.removed and all("naar-du-faar-nyt-job" in name for name in result.removed)
        assert not list(tmp_path.glob("**/naar-du-faar-nyt-job/**/*.html"))
        assert (tmp_path / file_for("/hvis-du-bliver-ledig/?akasse=ja")).is_file()

    def test_a_second_export_changes_nothing(self, demo, tmp_path):
        first = export_static(tmp_path, root_url=ROOT)
        mtimes = {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*") if path.is_file()}
        second = export_static(tmp_path, root_url=ROOT)
        assert (
            second.written == []
            and second.removed == []
            and sorted(second.unchanged) == sorted(first.written)
        )
        assert {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*") if path.is_file()} == mtimes
        assert (tmp_path / MANIFEST).is_file()

    def test_no_temporary_files_are_left(self, demo, tmp_path):
        export_static(tmp_path, root_url=ROOT)
        assert not list(tmp_path.rglob(".tmp-*"))

    def test_publish_re_exports_in_the_background_when_configured(
        self, demo, settings, tmp_path, django_capture_on_commit_callbacks
    ):
        settings.VEJVISER_STATIC_EXPORT_DIR = str(tmp_path)
        with django_capture_on_commit_callbacks(execute=True):
            demo["naar-du-faar-nyt-job"].unpublish()
        assert (tmp_path / MANIFEST).is_file()
        assert not list(tmp_path.glob("**/naar-du-faar-nyt-job/**/*"))
        assert list(tmp_path.glob("hvis-du-bliver-ledig/*.html"))


def open_null():
    import io

    return io.StringIO()


def nginx_config_from_docs(export_dir: Path, app_port: int, work: Path, port: int) -> str:
    """The server block of docs/deploy.md, pointed at the test's directories and ports."""
    server = servers.documented_server_block(export_dir, app_port=app_port, port=port)
    return f"""
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
{server}
}}
"""


@pytest.fixture
def fake_app():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = f"from the app: {self.path}".encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (http to our own nginx)
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


@pytest.mark.skipif(not Path(NGINX).exists(), reason=f"nginx not found at {NGINX}: apt-get install nginx")
def test_the_documented_nginx_config_serves_the_export_and_falls_back_to_the_app(
    demo, client, tmp_path, fake_app
):
    # nginx's workers may run as another user: a world-readable directory outside pytest's.
    shared = Path(tempfile.mkdtemp(prefix="vejviser-nginx-"))
    shared.chmod(0o755)
    export_dir, work = shared / "export", shared / "nginx"
    work.mkdir()
    export_static(export_dir, root_url=ROOT)
    nginx_port = servers.free_port()  # a free one: parallel runs and xdist workers share the machine
    (work / "nginx.conf").write_text(nginx_config_from_docs(export_dir, fake_app, work, nginx_port))
    check = subprocess.run(  # noqa: S603 (our own nginx and config)
        [NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf")], capture_output=True
    )
    assert check.returncode == 0, check.stderr.decode()
    process = subprocess.Popen(  # noqa: S603
        [NGINX, "-p", str(work), "-c", str(work / "nginx.conf")], stderr=subprocess.PIPE
    )
    try:
        wait_for_port(nginx_port)
        base = f"http://127.0.0.1:{nginx_port}"
        for url in (
            "/api/v1/guides/hvis-du-bliver-ledig/?akasse=nej&alder=under-30",
            "/hvis-du-bliver-ledig/?akasse=ja",
        ):
            status, headers, body = get(base + url)
            assert status == 200 and body == client.get(url).content, url
            assert headers["Content-Type"].startswith("application/json" if "/api/" in url else "text/html")
        # Not exported: a non-canonical order, a date, a preview token, an editor's session.
        for url, headers in (
            ("/hvis-du-bliver-ledig/?alder=under-30&akasse=nej", {}),
            ("/hvis-du-bliver-ledig/?akasse=ja&dato=2027-01-04", {}),
            ("/api/v1/guides/hvis-du-bliver-ledig/", {"Authorization": "Bearer token"}),
            ("/hvis-du-bliver-ledig/?akasse=ja", {"Cookie": "sessionid=abc"}),
        ):
            status, _, body = get(base + url, headers)
            assert body.startswith(b"from the app:"), url
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(shared, ignore_errors=True)


def wait_for_port(port, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nginx did not listen on {port}")
