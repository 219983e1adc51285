"""Fetch the compiled assets of Det Fælles Designsystem (npm package ``dkfds``).

The set-up needs only Python and make, so this script downloads the package tarball
from the npm registry with the standard library, checks it against the pinned
integrity hash (the same sha512 that ``npm`` records in a lockfile) and unpacks the
compiled CSS, JavaScript, fonts and icons into the target folder, which Django
serves as static files.

    python tools/fetch_dkfds.py vendor/dkfds
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "11.2.0"
INTEGRITY = "sha512-JuVf8NjEOeF+TKIhEFXa3BfZvk1ulQM8+XN+6QhgDo6kiwwvupyBY34YU4FglBeyFWHbE5mYDmnrcYTWOSKkEA=="
REGISTRY = os.environ.get("NPM_REGISTRY", "https://registry.npmjs.org").rstrip("/")
# Only the compiled parts of the package are needed at run time.
WANTED = ("package/dist/css/", "package/dist/js/", "package/dist/fonts/", "package/dist/img/")


def download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (fixed https URL)
        return response.read()


def verify(data: bytes) -> None:
    algorithm, _, expected = INTEGRITY.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if digest != expected:
        raise SystemExit(f"dkfds {VERSION}: integrity check failed ({algorithm} {digest})")


def unpack(data: bytes, target: Path) -> int:
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    count = 0
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile() or not member.name.startswith(WANTED):
                continue
            relative = Path(member.name).relative_to("package/dist")
            if ".." in relative.parts:
                continue
            destination = staging / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as source, destination.open("wb") as sink:
                shutil.copyfileobj(source, sink)
            count += 1
    # Swap in the complete folder at once, so an interrupted run never leaves half a copy.
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return count


def main(argv: list[str]) -> int:
    target = Path(argv[1] if len(argv) > 1 else "vendor/dkfds")
    url = f"{REGISTRY}/dkfds/-/dkfds-{VERSION}.tgz"
    try:
        data = download(url)
    except OSError as error:
        raise SystemExit(f"Could not download {url}: {error}") from error
    verify(data)
    count = unpack(data, target)
    (target / ".installed").write_text(f"dkfds {VERSION}\n")
    print(f"dkfds {VERSION}: {count} files in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
