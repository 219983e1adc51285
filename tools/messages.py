"""Translations of our own admin strings, in pure Python (no GNU gettext needed).

    python tools/messages.py extract   # add new msgids to locale/da/LC_MESSAGES/django.po
    python tools/messages.py compile   # write django.mo from django.po
    python tools/messages.py check     # exit 1 if the .po or .mo is out of date

Our msgids are English (``gettext_lazy("Checklist")``); the Danish is in the .po file.
Extraction reads our Python modules with Babel's extractor and our Django templates
through Django's own ``templatize()`` (what ``makemessages`` does, without ``xgettext``).
Compiling uses Babel's ``write_mo``. Both the .po and the .mo are committed, so a fresh
clone has a Danish admin without any tool; ``make messages`` runs extract + compile, and
a test (tests/editorial/test_translations.py) fails when either is stale.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = "da"
PO_PATH = ROOT / "locale" / LOCALE / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")
SOURCE_DIRS = ["cms", "guides", "home", "templates"]
SKIP_PARTS = {"migrations", "__pycache__", "demo"}
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
HEADER = {
    "project": "Vejviser",
    "copyright_holder": "Vejviser",
    "language_team": "Danish",
}


def source_files() -> list[Path]:
    files = []
    for directory in SOURCE_DIRS:
        for path in sorted((ROOT / directory).rglob("*")):
            if path.suffix in (".py", ".html", ".txt") and not SKIP_PARTS & set(path.parts):
                files.append(path)
    return files


def _django():
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=True)
        django.setup()


def extract_messages():
    """Every (msgid, context, location) in our code, as Babel messages."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_python
    from django.utils.translation.template import templatize

    _django()
    template = Catalog(locale=LOCALE, **HEADER)
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            code = text
        else:
            # templatize() keeps the template's indentation, which Python's tokenizer
            # refuses; the code it makes is only calls, so flush every line left.
            code = "\n".join(line.lstrip() for line in templatize(text, origin=str(path)).splitlines())
        relative = path.relative_to(ROOT).as_posix()
        for lineno, funcname, arguments, comments in extract_python(
            io.BytesIO(code.encode("utf-8")), KEYWORDS, ["Translators:"], {"encoding": "utf-8"}
        ):
            message, context = _apply_spec(KEYWORDS.get(funcname), arguments)
            if message is None:
                continue
            first = message if isinstance(message, str) else message[0]
            flags = ["python-format"] if "%(" in first else []
            empty = ("", "") if isinstance(message, tuple) else ""
            template.add(
                message, empty, [(relative, lineno)], auto_comments=comments, context=context, flags=flags
            )
    return template


def _apply_spec(spec, arguments):
    """(message or (singular, plural), context) from a call's literal arguments."""
    arguments = arguments if isinstance(arguments, tuple) else (arguments,)
    if spec is None:
        spec = (1,)
    context = None
    picked = []
    for index in spec:
        if isinstance(index, tuple):
            context = arguments[index[0] - 1] if len(arguments) >= index[0] else None
            continue
        value = arguments[index - 1] if len(arguments) >= index else None
        if not isinstance(value, str) or not value:
            return None, None  # not a literal: nothing to extract
        picked.append(value)
    return (picked[0] if len(picked) == 1 else tuple(picked)), context


def read_catalog():
    from babel.messages.pofile import read_po

    with PO_PATH.open("rb") as handle:
        return read_po(handle, locale=LOCALE)


def write_catalog(catalog) -> None:
    from babel.messages.pofile import write_po

    PO_PATH.parent.mkdir(parents=True, exist_ok=True)
    with PO_PATH.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=True, ignore_obsolete=True)


def compiled(catalog) -> bytes:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def extract() -> None:
    from babel.messages.catalog import Catalog

    template = extract_messages()
    catalog = read_catalog() if PO_PATH.exists() else Catalog(locale=LOCALE, **HEADER)
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    write_catalog(catalog)
    missing = untranslated(catalog)
    print(f"{PO_PATH.relative_to(ROOT)}: {len(catalog)} messages, {len(missing)} untranslated")


def untranslated(catalog) -> list[str]:
    result = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            result.append(message.id if isinstance(message.id, str) else message.id[0])
    return result


def compile_mo() -> None:
    MO_PATH.write_bytes(compiled(read_catalog()))
    print(f"{MO_PATH.relative_to(ROOT)} written")


def problems() -> list[str]:
    """What is out of date: msgids missing from the .po, untranslated ones, a stale .mo."""
    catalog = read_catalog()
    found = []
    known = {
        (message.id if isinstance(message.id, str) else message.id[0], message.context) for message in catalog
    }
    for message in extract_messages():
        key = (message.id if isinstance(message.id, str) else message.id[0], message.context)
        if key not in known:
            found.append(f"not in the .po (run make messages): {key[0]!r}")
    found += [f"not translated: {msgid!r}" for msgid in untranslated(catalog)]
    if not MO_PATH.exists() or MO_PATH.read_bytes() != compiled(catalog):
        found.append("the .mo is not compiled from the current .po (run make messages)")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "extract":
        extract()
    elif command == "compile":
        compile_mo()
    elif command == "check":
        found = problems()
        for problem in found:
            print(problem)
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv))
