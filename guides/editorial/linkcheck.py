"""Checking external links over HTTP. Standard library only, no Django.

``check_url()`` asks a server about one address: ``HEAD`` first, and ``GET`` when the
server refuses or fails ``HEAD`` (many do). Redirects are followed by hand, one hop at a
time, so every hop is recorded and goes through the same address guard. The body of a
``GET`` is never read. ``check_urls()`` checks many addresses with a bounded number of
requests in flight.

Every request has a timeout (connect and each read). Addresses that resolve to loopback,
private, link-local or otherwise internal networks are refused unless explicitly allowed,
so an address typed into a guide cannot make the server probe its own network.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

OK = "ok"
REDIRECT = "redirect"
BROKEN = "broken"
TIMEOUT = "timeout"
ERROR = "error"
BLOCKED = "blocked"

RESULTS = (OK, REDIRECT, BROKEN, TIMEOUT, ERROR, BLOCKED)
FAILED = frozenset({BROKEN, TIMEOUT, ERROR})
"""Results a citizen would notice: the link does not lead anywhere."""

USER_AGENT = "Vejviser-linktjek/1.0 (checks the links in public life-situation guides)"
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Hop:
    url: str
    status: int
    location: str = ""


@dataclass(frozen=True)
class LinkResult:
    url: str
    result: str
    status_code: int | None = None  # of the first response
    final_url: str = ""
    final_status_code: int | None = None
    redirects: tuple[Hop, ...] = field(default_factory=tuple)
    error: str = ""
    duration_ms: int = 0

    @property
    def failed(self) -> bool:
        return self.result in FAILED


@dataclass(frozen=True)
class CheckSettings:
    timeout: float = 10.0
    max_concurrency: int = 4
    max_redirects: int = MAX_REDIRECTS
    allow_private_addresses: bool = False
    user_agent: str = USER_AGENT


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # surfaces as an HTTPError carrying the 3xx status and Location


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirects())


class BlockedAddress(Exception):
    pass


def _guard(url: str, allow_private: bool) -> None:
    """Refuse addresses on internal networks (see the module docstring)."""
    if allow_private:
        return
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return  # unresolvable: the request itself will report the error
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise BlockedAddress(f"{host} resolves to the internal address {address}")


def _request(opener, url: str, method: str, settings: CheckSettings) -> tuple[int, str]:
    """(status, Location header) of one request; raises on network errors."""
    # check_url() only lets http(s) addresses through, never file: or custom schemes.
    request = urllib.request.Request(  # noqa: S310
        url, method=method, headers={"User-Agent": settings.user_agent}
    )
    try:
        with opener.open(request, timeout=settings.timeout) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers.get("Location", "") if error.headers else ""


def _status(opener, url: str, settings: CheckSettings) -> tuple[int, str]:
    """HEAD, and GET when HEAD is refused or fails (4xx/5xx): some servers only do GET."""
    status, location = _request(opener, url, "HEAD", settings)
    if status >= 400:
        status, location = _request(opener, url, "GET", settings)
    return status, location


def _is_timeout(error: BaseException) -> bool:
    if isinstance(error, TimeoutError | socket.timeout):
        return True
    reason = getattr(error, "reason", None)
    return isinstance(reason, TimeoutError | socket.timeout)


def _describe(error: BaseException) -> str:
    reason = getattr(error, "reason", None) or error
    return f"{type(reason).__name__}: {reason}"[:300]


def check_url(url: str, settings: CheckSettings | None = None) -> LinkResult:
    settings = settings or CheckSettings()
    opener = _opener()
    started = time.monotonic()
    hops: list[Hop] = []
    current = url

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    def result(kind: str, **kwargs) -> LinkResult:
        return LinkResult(
            url=url,
            result=kind,
            status_code=hops[0].status if hops else None,
            redirects=tuple(hop for hop in hops if hop.location),
            duration_ms=elapsed(),
            **kwargs,
        )

    if urlsplit(url).scheme not in ("http", "https"):
        return result(ERROR, final_url=url, error="Only http and https addresses are checked")
    for _ in range(settings.max_redirects + 1):
        try:
            _guard(current, settings.allow_private_addresses)
            status, location = _status(opener, current, settings)
        except BlockedAddress as blocked:
            return result(BLOCKED, final_url=current, error=str(blocked))
        except (urllib.error.URLError, http.client.HTTPException, OSError, ssl.SSLError, ValueError) as error:
            kind = TIMEOUT if _is_timeout(error) else ERROR
            return result(kind, final_url=current, error=_describe(error))
        if 300 <= status < 400 and location:
            hops.append(Hop(current, status, urljoin(current, location)))
            current = urljoin(current, location)
            if urlsplit(current).scheme not in ("http", "https"):
                return result(ERROR, final_url=current, error=f"Redirect to unsupported address {current}")
            continue
        hops.append(Hop(current, status))
        if status >= 400 or status < 200:
            return result(BROKEN, final_url=current, final_status_code=status)
        return result(REDIRECT if len(hops) > 1 else OK, final_url=current, final_status_code=status)
    return result(ERROR, final_url=current, error=f"More than {settings.max_redirects} redirects")


def check_urls(
    urls: Iterable[str],
    settings: CheckSettings | None = None,
    *,
    check: Callable[[str, CheckSettings], LinkResult] = check_url,
) -> dict[str, LinkResult]:
    """Check each distinct address once, at most ``settings.max_concurrency`` at a time."""
    settings = settings or CheckSettings()
    unique = list(dict.fromkeys(urls))
    if not unique:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, settings.max_concurrency)) as pool:
        results = pool.map(lambda url: check(url, settings), unique)
        return dict(zip(unique, results, strict=True))
