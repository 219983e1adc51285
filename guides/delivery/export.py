"""The static export: every published, public guide's variants as files for nginx or a CDN.

Layout (``docs/deploy.md`` has the nginx configuration that serves it)::

    <dir>/<path>index@<canonical query>.html    the guide and its print view
    <dir>/api/v1/guides/<slug>/index@<canonical query>.json

e.g. ``hvis-du-bliver-ledig/index@akasse=nej&alder=under-30.html`` and
``api/v1/guides/hvis-du-bliver-ledig/index@.json`` (unfiltered). nginx finds a file from
``$uri`` and ``$args``; anything not exported (a non-canonical query, a date, a preview
token) falls through to the app. The bytes are ``render.render_variant``'s, the same the
app serves. Each file is written to a temporary file and renamed into place; files of
guides that are no longer published are removed (the manifest lists what the last export
wrote); unchanged files are left alone, so a second export changes nothing.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from guides.delivery import store, variants
from guides.delivery.render import render_variant

MANIFEST = ".vejviser-export.json"
LOCK = ".vejviser-export.lock"


@dataclass
class ExportResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def file_name(variant: variants.Variant) -> str:
    """The file of a variant, relative to the export directory."""
    extension = "json" if variant.kind == variants.API else "html"
    return f"{variant.path.lstrip('/')}index@{variant.query}.{extension}"


def write_atomically(target: Path, content: bytes) -> bool:
    """Write ``content`` unless the file already holds it; True if written."""
    if target.is_file() and target.read_bytes() == content:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def rendered_files(root_url: str | None) -> dict[str, bytes]:
    from guides.models import GuidePage

    generation = store.generation()
    files = {}
    for page in GuidePage.objects.live().public().order_by("path"):
        root = root_url or next(iter(variants.root_urls(page)), None)
        if root is None:
            continue
        for variant in variants.variants_of(page):
            entry = render_variant(page, variant, root.rstrip("/"), generation)
            if entry is not None:
                files[file_name(variant)] = entry.body
    return files


def export_static(directory, *, root_url: str | None = None) -> ExportResult:
    """Write every published, public guide's variants under ``directory``.

    ``root_url`` is the scheme and host the files are served under (the API's absolute
    URLs use it); by default each guide's site root URL.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    result = ExportResult()
    with open(directory / LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two exports at once (two publishes) take turns
        files = rendered_files(root_url)
        for name, content in sorted(files.items()):
            (result.written if write_atomically(directory / name, content) else result.unchanged).append(name)
        manifest = directory / MANIFEST
        previous = json.loads(manifest.read_text()) if manifest.is_file() else []
        for name in sorted(set(previous) - set(files)):
            (directory / name).unlink(missing_ok=True)
            result.removed.append(name)
        write_atomically(manifest, json.dumps(sorted(files), indent=1).encode())
    return result
