"""Signing webhook bodies: HMAC-SHA256 over ``f"{timestamp}.{body}"``.

A receiver recomputes the signature with the shared secret, compares in constant time,
and refuses timestamps older than a few minutes, so a captured request cannot be
replayed later. docs/api.md shows the receiver's side in Python and Node.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Vejviser-Signature"
TIMESTAMP_HEADER = "X-Vejviser-Timestamp"
EVENT_HEADER = "X-Vejviser-Event"
EVENT_ID_HEADER = "X-Vejviser-Event-Id"
ATTEMPT_HEADER = "X-Vejviser-Delivery-Attempt"
SCHEME = "v1"
DEFAULT_TOLERANCE = 300


def signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"{SCHEME}={mac.hexdigest()}"


def signed_headers(secret: str, body: bytes, *, now: float | None = None) -> dict[str, str]:
    timestamp = str(int(now if now is not None else time.time()))
    return {TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: signature(secret, timestamp, body)}


def verify(
    secret: str,
    body: bytes,
    timestamp: str,
    signature_header: str,
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> bool:
    """What a receiver does (our tests use it as the reference receiver)."""
    try:
        age = abs((now if now is not None else time.time()) - int(timestamp))
    except (TypeError, ValueError):
        return False
    if age > tolerance:
        return False
    expected = signature(secret, timestamp, body)
    return any(hmac.compare_digest(expected, candidate.strip()) for candidate in signature_header.split(","))
