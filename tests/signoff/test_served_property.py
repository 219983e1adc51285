"""Signed is served, by construction (issue 12; RELIABILITY case 31).

A mutation of any field of the demo guide (every concrete ``Page`` and ``GuidePage`` field,
every field of every block in its StreamFields, block ids, and the lists inside them) is
applied to the page *in memory*, built from its live revision, and rendered through the code
the public site uses (``test_the_in_memory_rendering_is_what_the_public_site_serves`` checks
that): ``guides.views.serve_guide`` / ``serve_calendar`` with the delivery renderer's
anonymous request (the questions form, an invalid answer, and for every audience the guide,
its print view, its dated page and its calendar file), the home page's list of guides, and
``guides.delivery.render.api_body`` / ``guides.serializers`` (the guide unfiltered,
dated and for every audience, the list, and the 400 problem for an invalid answer).
Nothing is published.

(a) Whenever any of those bytes change, some unit's fingerprint changes (or a unit appears
    or disappears): the change needs its owner.
(b) When no unit changes, every byte is identical.
(a) and (b) are one statement read both ways; the sweep asserts that it meets both cases
(changes that are served, and changes that are not).

A stronger reading, "and its owner is asked", is checked separately: what a section
contributes to the outputs changes only with that section's own unit.

Per-request noise is normalised away first (``normalise``): a calendar file's ``DTSTAMP`` is
the time of the request. The citizen pages carry no CSRF token and no CSP nonce today (their
forms are GET, and the policy allows no inline script); both would be stripped if they came.
"Today" is fixed, because the dated views and the print view show it.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from dataclasses import dataclass
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.test import Client
from hypothesis import HealthCheck, Phase, example, given, reject, settings
from hypothesis import strategies as st
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from guides import serializers
from guides.api import api as public_api
from guides.blocks.fields import AnswerKeysBlock, KeyBlock
from guides.delivery import render as delivery_render
from guides.document import GuideDocument
from guides.models import Authority, GuidePage
from guides.signoff.units import units_of
from guides.validation import validate_guide
from guides.views import serve_calendar, serve_guide

pytestmark = pytest.mark.django_db

GUIDE = "hvis-du-bliver-ledig"
ROOT_URL = "http://localhost"
TODAY = datetime.date(2027, 1, 10)
ANCHOR = datetime.date(2027, 1, 4)
STREAM_FIELDS = ("questions", "body")

# -- which Page fields are mutated, and which cannot be served ----------------------------

#: Concrete fields of Page/GuidePage that are *not* mutated, by group, with the reason.
#: ``test_every_page_field_is_mutated_or_excluded`` keeps this list complete.
NOT_MUTATED = {
    # Tree and identity bookkeeping written by Wagtail (treebeard, copy, translation); no
    # editor sets them, and none is rendered by templates/ or guides/serializers.py
    # (grep: path, depth, numchild, translation_key, locale, content_type, page_ptr, alias_of).
    "id": "primary key",
    "page_ptr": "primary key",
    "path": "treebeard bookkeeping",
    "depth": "treebeard bookkeeping",
    "numchild": "treebeard bookkeeping",
    "translation_key": "set by Wagtail; WAGTAIL_I18N_ENABLED = False",
    "locale": "set by Wagtail; WAGTAIL_I18N_ENABLED = False, no locale in any URL or template",
    "content_type": "the page's model, fixed",
    "alias_of": "set only by Wagtail's alias creation, not an editable field",
    # Derived from the slug by Wagtail's save (``set_url_path``): the ``slug`` mutation
    # updates it the same way, so the address a citizen gets is tested through the slug.
    "url_path": "derived from slug (mutated together with slug)",
    # Revision and editing bookkeeping: admin-only (grep: no template or serializer reads
    # draft_title, latest_revision, latest_revision_created_at, has_unpublished_changes,
    # locked, locked_at, locked_by, owner).
    "draft_title": "admin only (the served title is ``title``)",
    "latest_revision": "admin bookkeeping",
    "latest_revision_created_at": "admin bookkeeping",
    "has_unpublished_changes": "admin bookkeeping",
    "locked": "admin bookkeeping",
    "locked_at": "admin bookkeeping",
    "locked_by": "admin bookkeeping",
    "owner": "admin bookkeeping",
    # Whether the page is served at all (404 or not), not what it says: unpublishing and
    # expiry are guarded by the publish paths, and this renderer renders a served page.
    "live": "serve or 404, not content",
    "expired": "serve or 404, not content",
    # SERVED, but written only by the publish action itself, never by an editor: the API's
    # ``last_published_at`` / ``revision_id`` (and ``first_published_at``, which is not
    # rendered) say *which* signed revision is live. They are not content anyone signs.
    "first_published_at": "publish bookkeeping (not rendered)",
    "last_published_at": "publish bookkeeping (SERVED in the API, set by the publish itself)",
    "live_revision": "publish bookkeeping (SERVED in the API as revision_id, set by the publish itself)",
}


def mutable_page_fields() -> list[models.Field]:
    return [
        field
        for field in GuidePage._meta.concrete_fields
        if field.name not in NOT_MUTATED and field.name not in STREAM_FIELDS
    ]


# -- rendering what is served ----------------------------------------------------------------

_NOISE = [
    (re.compile(rb"DTSTAMP:[0-9TZ]+\r\n"), b"DTSTAMP:*\r\n"),
    (re.compile(rb'<input[^>]*name="csrfmiddlewaretoken"[^>]*>'), b""),
    (re.compile(rb'\snonce="[^"]*"'), b""),
]


def normalise(body: bytes) -> bytes:
    for pattern, replacement in _NOISE:
        body = pattern.sub(replacement, body)
    return body


def _response_bytes(response) -> bytes:
    if hasattr(response, "render"):
        response.render()
    headers = "".join(
        f"{name}: {response[name]}\n"
        for name in ("Content-Type", "Content-Disposition", "Location")
        if response.has_header(name)
    )
    return f"{response.status_code}\n{headers}\n".encode() + normalise(response.content)


def _html(page, query: str, *, print_view: bool = False) -> bytes:
    path = page.print_url() if print_view else page.guide_url()
    request = delivery_render.anonymous_request(ROOT_URL, path, query)
    return _response_bytes(serve_guide(page, request, print_view=print_view))


def _problem(page, query: dict) -> bytes:
    """The API's answer to invalid answers (a 400 naming the valid values)."""
    raw = QueryDict(mutable=True)
    for key, value in query.items():
        raw[key] = value
    try:
        public_api.read_query(page.document.questionnaire, raw)
    except public_api.ApiError as error:
        return _response_bytes(public_api.problem_response(error))
    return b"(valid)"


def _home(page) -> bytes:
    """The home page's list of guides, with this in-memory page in its place (the home page
    shows each guide's title, address and intro)."""
    home = page.get_parent().specific
    request = delivery_render.anonymous_request(ROOT_URL, home.url, "")
    context = home.get_context(request)
    context["guides"] = [page if guide.pk == page.pk else guide for guide in context["guides"]]
    return _response_bytes(TemplateResponse(request, home.get_template(request), context))


def served(page) -> dict[str, bytes]:
    """Every public rendering of ``page``, by name. ``page`` is never saved."""
    document = page.document
    audiences = document.audiences
    dato = f"dato={ANCHOR.isoformat()}"
    out = {}
    # The questions: unanswered, and every partial answer that asks a follow-up question.
    partial = {""}
    for answers in audiences:
        items = list(answers.items())
        partial.update("&".join(f"{k}={v}" for k, v in items[:n]) for n in range(1, len(items)))
    for query in sorted(partial):
        out[f"html questions ?{query}"] = _html(page, query)
    first_question = next(iter(document.questionnaire), None)
    if first_question is not None:
        out["html invalid answer"] = _html(page, f"{first_question.key}=findes-ikke")
        out["api invalid answer"] = _problem(page, {first_question.key: "findes-ikke"})
    for answers in audiences:
        query = answers.query_string()
        out[f"html guide ?{query}"] = _html(page, query)
        out[f"html print ?{query}"] = _html(page, query, print_view=True)
        out[f"html dated ?{query}"] = _html(page, f"{query}&{dato}")
        request = delivery_render.anonymous_request(ROOT_URL, page.calendar_url(), f"{query}&{dato}")
        out[f"ics ?{query}"] = _response_bytes(serve_calendar(page, request))
        out[f"api guide ?{query}"] = delivery_render.api_body(
            page, answers=answers, anchor=None, root_url=ROOT_URL
        )
    out["api guide (unfiltered)"] = delivery_render.api_body(
        page, answers=None, anchor=None, root_url=ROOT_URL
    )
    out["api guide (unfiltered, dated)"] = delivery_render.api_body(
        page, answers=None, anchor=ANCHOR, root_url=ROOT_URL
    )
    out["html home"] = _home(page)
    out["api list"] = serializers.render_json(serializers.serialize_guide_list([page], ROOT_URL))
    return out


def signed(page) -> dict[str, str]:
    """Unit id -> fingerprint, for the page as it is in memory."""
    return {unit.id: unit.fingerprint for unit in units_of(GuideDocument.from_page(page))}


# -- the page's data, walked generically ---------------------------------------------------


@dataclass(frozen=True)
class Leaf:
    """One mutable place: ``path`` into the page's data, ``kind`` of value, ``block``."""

    path: tuple
    kind: str
    block: object = None

    @property
    def schema(self) -> str:
        """The path with list positions left out: the same field of the same block type."""
        return ".".join(str(part) for part in self.path if not isinstance(part, int))

    def __str__(self):
        return ".".join(str(part) for part in self.path)


def leaf_kind(block) -> str:
    if isinstance(block, KeyBlock):
        return "key"
    if isinstance(block, AnswerKeysBlock):
        return "answer_keys"
    if isinstance(block, SnippetChooserBlock):
        assert block.target_model is Authority, f"no mutation strategy for a {block.target_model} chooser"
        return "authority"
    if isinstance(block, blocks.RichTextBlock):
        return "richtext"
    if isinstance(block, blocks.URLBlock):
        return "url"
    if isinstance(block, blocks.ChoiceBlock):
        return "choice"
    if isinstance(block, blocks.IntegerBlock):
        return "integer"
    if isinstance(block, blocks.DateBlock):
        return "date"
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return "text"
    raise AssertionError(f"no mutation strategy for {type(block).__name__}: add one to leaf_kind")


def block_leaves(block, value, path):
    if isinstance(block, blocks.StreamBlock):
        yield Leaf(path, "list", block)
        for index, child in enumerate(value or []):
            yield Leaf((*path, index, "id"), "block_id")
            yield from block_leaves(
                block.child_blocks[child["type"]], child["value"], (*path, index, "value")
            )
    elif isinstance(block, blocks.ListBlock):
        yield Leaf(path, "list", block)
        for index, item in enumerate(value or []):
            yield Leaf((*path, index, "id"), "block_id")
            yield from block_leaves(block.child_block, item["value"], (*path, index, "value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from block_leaves(child, (value or {}).get(name), (*path, name))
    else:
        yield Leaf(path, leaf_kind(block), block)


def page_leaf_kind(field) -> str:
    if isinstance(field, models.SlugField):
        return "slug"
    if isinstance(field, models.BooleanField):
        return "bool"
    if isinstance(field, models.DateTimeField):
        return "datetime"
    if isinstance(field, models.CharField | models.TextField):
        return "text"
    raise AssertionError(f"no mutation strategy for Page field {field.name} ({type(field).__name__})")


def page_data(page) -> dict:
    data = {field.attname: getattr(page, field.attname) for field in mutable_page_fields()}
    for name in STREAM_FIELDS:
        data[name] = getattr(page, name).get_prep_value()
    return data


def leaves(page, data) -> list[Leaf]:
    found = [Leaf((field.attname,), page_leaf_kind(field)) for field in mutable_page_fields()]
    for name in STREAM_FIELDS:
        found += block_leaves(GuidePage._meta.get_field(name).stream_block, data[name], (name,))
    return found


def get_at(data, path):
    for part in path:
        data = data[part]
    return data


def set_at(data, path, value):
    get_at(data, path[:-1])[path[-1]] = value


def apply(base_page, data, changes) -> GuidePage:
    """A fresh in-memory page: the live revision's content with ``changes`` (path -> value)."""
    data = copy.deepcopy(data)
    for path, value in changes:
        set_at(data, path, value)
    page = copy.copy(base_page)
    page.__dict__.pop("document", None)  # cached_property
    for name, value in data.items():
        setattr(page, name, value)
    if any(path[0] == "slug" for path, _ in changes):
        page.set_url_path(base_page.get_parent())  # as Page.save does
    return page


# -- new values of the right type ------------------------------------------------------------

DANISH = "abcdefghijklmnopqrstuvwxyzæøåABCÆØÅ 0123456789-.,»«&<\"'"
_text = st.text(alphabet=DANISH, min_size=1, max_size=24)
_slug = st.from_regex(r"[a-z][a-z0-9-]{0,14}", fullmatch=True)


def _whitespace_variant(current: str):
    return st.sampled_from([f"{current} ", f" {current}", f"{current}\n", current.upper(), current[:-1]])


def values_for(leaf: Leaf, current, context) -> st.SearchStrategy:
    """New values for ``leaf``; ``context`` holds the page's keys and authorities."""
    kind = leaf.kind
    if kind == "text":
        current = current or ""
        return st.one_of(_whitespace_variant(current), _text, st.just(""))
    if kind == "slug":
        return _slug
    if kind == "bool":
        return st.just(not current)
    if kind == "datetime":
        return st.one_of(
            st.none(),
            st.datetimes(
                min_value=datetime.datetime(2026, 1, 1), max_value=datetime.datetime(2030, 1, 1)
            ).map(lambda moment: moment.replace(tzinfo=datetime.UTC)),
        )
    if kind == "richtext":
        current = current or ""
        return st.one_of(
            st.sampled_from(
                [f"{current}<p>Ny tekst.</p>", current.replace("<p>", "<p><b>x</b>", 1), f" {current}"]
            ),
            _text.map(lambda text: f"<p>{text}</p>"),
        )
    if kind == "url":
        return st.one_of(
            st.just(""), _slug.map(lambda slug: f"https://{slug}.example.dk/"), st.just("javascript:alert(1)")
        )
    if kind == "choice":
        return st.sampled_from([key for key, _ in leaf.block.field.choices if key and key != current] or [""])
    if kind == "integer":
        return st.one_of(st.none(), st.integers(min_value=0, max_value=400))
    if kind == "date":
        return st.dates(min_value=datetime.date(2026, 1, 1), max_value=datetime.date(2030, 1, 1)).map(
            datetime.date.isoformat
        )
    if kind == "authority":
        return st.sampled_from([pk for pk in context["authorities"] if pk != current] + [None])
    if kind == "key":
        return st.one_of(st.sampled_from(context["keys"]), _slug, st.just(f"{current} "))
    if kind == "answer_keys":
        return st.lists(st.sampled_from(context["keys"]), min_size=0, max_size=3, unique=True)
    if kind == "block_id":
        return st.uuids().map(str)
    raise AssertionError(kind)


def list_values(leaf: Leaf, current, context) -> st.SearchStrategy:
    """Structural changes of a list or stream: remove, swap, duplicate, or insert an item of
    the same block type taken from elsewhere in the page."""
    items = list(current or [])
    options = []
    if items:
        options.append(st.integers(0, len(items) - 1).map(lambda i: items[:i] + items[i + 1 :]))
        options.append(
            st.tuples(st.integers(0, len(items) - 1), st.uuids()).map(
                lambda pair: [
                    *items[: pair[0] + 1],
                    {**items[pair[0]], "id": str(pair[1])},
                    *items[pair[0] + 1 :],
                ]
            )
        )
    if len(items) >= 2:

        def swapped(pair):
            i, j = sorted(pair)
            return [*items[:i], items[j], *items[i + 1 : j], items[i], *items[j + 1 :]]

        options.append(
            st.lists(st.integers(0, len(items) - 1), min_size=2, max_size=2, unique=True).map(swapped)
        )
    donors = context["donors"].get(donor_key(leaf.block), [])
    if donors:
        options.append(
            st.tuples(st.sampled_from(donors), st.integers(0, len(items)), st.uuids()).map(
                lambda t: [*items[: t[1]], {**copy.deepcopy(t[0]), "id": str(t[2])}, *items[t[1] :]]
            )
        )
    return st.one_of(options)


def donor_key(block) -> type:
    return type(block.child_block) if isinstance(block, blocks.ListBlock) else type(block)


# -- the demo guide, read once -----------------------------------------------------------------


@dataclass
class Fixture:
    page: GuidePage
    data: dict
    leaves: list
    context: dict
    before: dict
    units: dict
    swept: list | None = None

    def by_schema(self, schema: str) -> list[Leaf]:
        return [leaf for leaf in self.leaves if leaf.schema == schema]


_fixtures: dict = {}


def fixture_for(live: GuidePage) -> Fixture:
    key = (live.pk, live.live_revision_id)
    if key not in _fixtures:
        page = live.live_revision.as_object()
        # The revision's content predates its publish; the publish action then writes its
        # bookkeeping on the row, which the API serves (``last_published_at``, ``revision_id``).
        for name in ("live", "first_published_at", "last_published_at", "live_revision_id"):
            setattr(page, name, getattr(live, name))
        data = page_data(page)
        found = leaves(page, data)
        donors: dict = {}
        for leaf in found:
            if leaf.kind == "list":
                donors.setdefault(donor_key(leaf.block), []).extend(get_at(data, leaf.path) or [])
        document = GuideDocument.from_page(page)
        keys = sorted(
            {question.key for question in document.questionnaire}
            | {answer.key for question in document.questionnaire for answer in question.answers}
        )
        context = {
            "keys": keys,
            "authorities": list(Authority.objects.order_by("pk").values_list("pk", flat=True)),
            "donors": donors,
        }
        _fixtures[key] = Fixture(page, data, found, context, served(page), signed(page))
    return _fixtures[key]


@pytest.fixture
def guide(demo):
    with mock.patch("guides.calendar.copenhagen_today", return_value=TODAY):
        _current["guide"] = fixture_for(demo[GUIDE])
        yield _current["guide"]


# -- mutations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutation:
    """``changes``: (path, new value) pairs applied together (one, or two for a swap)."""

    changes: tuple
    description: str

    def __call__(self, guide: Fixture) -> Mutation:
        return self

    def __str__(self):
        return self.description


@dataclass(frozen=True)
class Recipe:
    """A named mutation that finds its paths in the demo guide (for ``@example``)."""

    description: str
    build: object  # Fixture -> tuple of changes

    def __call__(self, guide: Fixture) -> Mutation:
        return Mutation(tuple(self.build(guide)), self.description)

    def __str__(self):
        return self.description


def _short(value) -> str:
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."


@st.composite
def mutations(draw, guide: Fixture) -> Mutation:
    # A field path first, then one of its places: every field of every block type is as
    # likely as any other, however often it occurs in the guide.
    schema = draw(st.sampled_from(sorted({leaf.schema for leaf in guide.leaves})))
    leaf = draw(st.sampled_from(guide.by_schema(schema)))
    current = get_at(guide.data, leaf.path)
    peers = [
        other
        for other in guide.by_schema(leaf.schema)
        if other != leaf and get_at(guide.data, other.path) != current
    ]
    if leaf.kind not in {"list", "block_id"} and peers and draw(st.booleans()):
        other = draw(st.sampled_from(peers))
        theirs = get_at(guide.data, other.path)
        return Mutation(((leaf.path, theirs), (other.path, current)), f"swap {leaf} <-> {other}")
    if leaf.kind == "list":
        value = draw(list_values(leaf, current, guide.context))
    else:
        value = draw(values_for(leaf, current, guide.context))
    return Mutation(((leaf.path, value),), f"{leaf} = {_short(value)}")


_current: dict = {}
any_mutation = st.deferred(lambda: mutations(_current["guide"]))


def _question(guide, key):
    return next(i for i, q in enumerate(guide.data["questions"]) if q["value"]["key"] == key)


def _swap_alder_labels(guide):
    index = _question(guide, "alder")
    first, second = (("questions", index, "value", "answers", n, "value", "label") for n in (0, 1))
    return [(first, get_at(guide.data, second)), (second, get_at(guide.data, first))]


def _change_authority(guide):
    index, section = next((i, s) for i, s in enumerate(guide.data["body"]) if s["value"]["audience"])
    others = [pk for pk in guide.context["authorities"] if pk != section["value"]["authority"]]
    return [(("body", index, "value", "authority"), others[0])]


SWAP_ALDER_LABELS = Recipe("swap the labels of the two answers of »alder«", _swap_alder_labels)
CHANGE_SEO_TITLE = Recipe("change seo_title", lambda guide: [(("seo_title",), "Ny titel til søgemaskiner")])
CHANGE_SECTION_AUTHORITY = Recipe("change the authority of a targeted section", _change_authority)
CHANGE_HELP_TEXT = Recipe(
    "change the help text of »akasse«",
    lambda guide: [(("questions", _question(guide, "akasse"), "value", "help_text"), "Ny hjælpetekst.")],
)


# -- the check -------------------------------------------------------------------------------

SECTION_HTML = re.compile(rb'<section class="vejviser-section" id="afsnit-(?P<id>[^"]+)".*?</section>', re.S)


def section_slices(outputs: dict[str, bytes]) -> dict[str, set[bytes]]:
    """What each section contributes to the outputs: its API object and merged checklist
    items (by ``section_id``), and its ``<section>`` in the citizen pages. A set: a section
    that reads the same for one more audience (a question is added) has not changed; who
    sees it is the frame's questions and the section's own condition, both signed."""
    slices: dict[str, set[bytes]] = {}
    for name, body in sorted(outputs.items()):
        if name.startswith("api guide"):
            data = json.loads(body)
            for section in data["sections"]:
                slices.setdefault(section["id"], set()).add(serializers.render_json(section))
            for group in data["checklist"] or []:
                for item in group["items"]:
                    slices.setdefault(item["section_id"], set()).add(serializers.render_json(item))
        elif name.startswith("html"):
            for match in SECTION_HTML.finditer(body):
                slices.setdefault(match["id"].decode(), set()).add(match.group(0))
    return slices


@dataclass
class Outcome:
    mutation: Mutation
    outputs: list  # names of the outputs whose bytes changed
    units: list  # ids of the units that changed, appeared or disappeared
    unattributed: list  # sections whose own output changed while their unit did not
    note: str = ""  # for a violation: whether the product's validation would accept the page

    @property
    def served_change_unsigned(self) -> bool:
        return bool(self.outputs) and not self.units

    def __str__(self):
        return (
            f"{self.mutation}: outputs changed {self.outputs[:4]}{'...' if len(self.outputs) > 4 else ''}, "
            f"units changed {self.units}, sections changed without their unit {self.unattributed}"
            f"{self.note}"
        )


class Unservable(Exception):
    """The mutated page cannot be rendered and the product's validation refuses it."""


def outcome(guide: Fixture, mutation) -> Outcome:
    mutation = mutation(guide)
    page = apply(guide.page, guide.data, mutation.changes)
    units = signed(page)
    try:
        after = served(page)
    except Exception as error:
        if refused_by_validation(page):
            raise Unservable(str(mutation)) from error
        # Content the validation accepts must render (invariant 6: never a 500).
        raise AssertionError(f"valid content fails to render: {mutation}: {error!r}") from error
    changed = sorted(
        name for name in guide.before.keys() | after.keys() if guide.before.get(name) != after.get(name)
    )
    changed_units = sorted(
        uid for uid in guide.units.keys() | units.keys() if guide.units.get(uid) != units.get(uid)
    )
    unattributed = []
    if changed:
        before_slices, after_slices = section_slices(guide.before), section_slices(after)
        unattributed = sorted(
            section_id
            for section_id in before_slices.keys() & after_slices.keys()
            if before_slices[section_id] != after_slices[section_id] and section_id not in changed_units
        )
    result = Outcome(mutation, changed, changed_units, unattributed)
    if result.served_change_unsigned or result.unattributed:
        # Not a reason to ignore it (plain ``revision.publish()`` and scripts validate
        # nothing), but it tells the reader whether an editor could do this in the admin.
        result.note = (
            " [refused by validate_guide/block clean]" if refused_by_validation(page) else " [valid content]"
        )
    return result


def refused_by_validation(page) -> bool:
    try:
        validate_guide(page)
        for name in STREAM_FIELDS:
            GuidePage._meta.get_field(name).stream_block.clean(getattr(page, name))
    except ValidationError:
        return True
    return False


# -- one deliberate change of every field of every block type --------------------------------

SWEEP_ID = "00000000-0000-4000-8000-00000000beef"


def sweep_values(leaf: Leaf, current, guide: Fixture) -> list:
    """Deterministic new values for ``leaf``: a plain edit, and (for wording) an edit that
    only changes surrounding white space."""
    kind = leaf.kind
    if kind == "text":
        return [f"{current or ''} (ændret)", f"{current or ''} "]
    if kind == "slug":
        return ["ny-adresse"]
    if kind == "bool":
        return [not current]
    if kind == "datetime":
        return [datetime.datetime(2027, 2, 1, 8, 0, tzinfo=datetime.UTC)]
    if kind == "richtext":
        return [f"{current}<p>Ny tekst.</p>"]
    if kind == "url":
        return ["https://aendret.example.dk/"]
    if kind == "choice":
        return [next(key for key, _ in leaf.block.field.choices if key and key != current)]
    if kind == "integer":
        return [(current or 0) + 1]
    if kind == "date":
        return [(datetime.date.fromisoformat(current) + datetime.timedelta(days=1)).isoformat()]
    if kind == "authority":
        return [next(pk for pk in guide.context["authorities"] if pk != current)]
    if kind == "key":
        return [f"{current}-ny"]
    if kind == "answer_keys":
        return [list(reversed(current)) if len(current) > 1 else [*current, "ja"]]
    if kind == "block_id":
        return [SWEEP_ID]
    if kind == "list":
        items = list(current or [])
        if len(items) >= 2:
            return [items[1:], [items[1], items[0], *items[2:]]]
        return [[]] if items else []
    raise AssertionError(kind)


def sweep(guide: Fixture) -> list[Mutation]:
    """For every field path (list positions left out), its first place in the guide that a
    change can reach, with each of ``sweep_values``."""
    seen: set[str] = set()
    result = []
    for leaf in guide.leaves:
        if leaf.schema in seen:
            continue
        current = get_at(guide.data, leaf.path)
        values = sweep_values(leaf, current, guide)
        if not values:
            continue  # an empty list: its next place in the guide is tried
        seen.add(leaf.schema)
        result += [Mutation(((leaf.path, value),), f"{leaf} = {_short(value)}") for value in values]
    return result


def all_schemas() -> set[str]:
    """Every field path the page model and its block definitions have (no data needed)."""

    def walk(block, path):
        if isinstance(block, blocks.StreamBlock):
            yield ".".join(path)
            yield ".".join((*path, "id"))
            for child in block.child_blocks.values():
                yield from walk(child, (*path, "value"))
        elif isinstance(block, blocks.ListBlock):
            yield ".".join(path)
            yield ".".join((*path, "id"))
            yield from walk(block.child_block, (*path, "value"))
        elif isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                yield from walk(child, (*path, name))
        else:
            leaf_kind(block)  # fails for a block type without a mutation strategy
            yield ".".join(path)

    schemas = {field.attname for field in mutable_page_fields()}
    for name in STREAM_FIELDS:
        schemas |= set(walk(GuidePage._meta.get_field(name).stream_block, (name,)))
    return schemas


# -- the tests -------------------------------------------------------------------------------


def test_the_in_memory_rendering_is_what_the_public_site_serves(guide, demo):
    """The renderings above are the public site's bytes: the live guide requested through
    Wagtail's serving, the delivery cache and every middleware gives the same body."""
    client = Client(HTTP_HOST="localhost")
    live = demo[GUIDE]
    audience = guide.page.document.audiences[-1].query_string()
    dated = f"{audience}&dato={ANCHOR.isoformat()}"
    requests = {
        "html questions ?": (live.url, ""),
        f"html guide ?{audience}": (live.url, audience),
        f"html print ?{audience}": (live.print_url(), audience),
        f"html dated ?{audience}": (live.url, dated),
        f"ics ?{audience}": (live.calendar_url(), dated),
        f"api guide ?{audience}": (f"/api/v1/guides/{GUIDE}/", audience),
        "api guide (unfiltered)": (f"/api/v1/guides/{GUIDE}/", ""),
        "html home": ("/", ""),
    }
    for name, (path, query) in requests.items():
        response = client.get(f"{path}?{query}" if query else path)
        assert response.status_code == 200, name
        rendered = guide.before[name]
        if not name.startswith("api"):
            rendered = rendered.split(b"\n\n", 1)[1]  # status and headers first (_response_bytes)
        assert normalise(response.content) == rendered, name
    # The one per-request difference, normalised on both sides (the time of the download).
    assert b"DTSTAMP:*\r\n" in guide.before[f"ics ?{audience}"]
    listed = client.get("/api/v1/guides/").json()["results"]
    ours = json.loads(guide.before["api list"])["results"]
    assert [entry for entry in listed if entry["slug"] == GUIDE] == ours


def test_every_page_field_is_mutated_or_excluded():
    names = {field.name for field in GuidePage._meta.concrete_fields}
    unclassified = names - set(NOT_MUTATED) - set(STREAM_FIELDS) - {f.name for f in mutable_page_fields()}
    assert not unclassified
    assert set(NOT_MUTATED) <= names, "an excluded field no longer exists"
    assert {f.name for f in mutable_page_fields()} >= {
        "title",
        "slug",
        "seo_title",
        "search_description",
        "show_in_menus",
        "go_live_at",
        "expire_at",
        "intro",
        "anchor_label",
    }
    for field in mutable_page_fields():
        page_leaf_kind(field)  # fails for a field type without a mutation strategy


def test_the_demo_guide_reaches_every_field_of_every_block_type(guide):
    """Every field path of the page model and its blocks occurs in the demo guide, and the
    sweep below changes each of them."""
    assert all_schemas() - {leaf.schema for leaf in guide.leaves} == set()
    swept = {Leaf(path, "").schema for mutation in sweep(guide) for path, _ in mutation.changes}
    assert all_schemas() - swept == set()


def swept(guide: Fixture) -> list[Outcome]:
    """The sweep's outcomes, computed once for both tests that read them."""
    if guide.swept is None:
        guide.swept = [outcome(guide, mutation) for mutation in sweep(guide)]
    return guide.swept


def test_every_served_change_of_every_field_changes_a_unit(guide):
    """The sweep: one deliberate change of each field path, all reported at once."""
    outcomes = swept(guide)
    # The sweep exercises both sides of the property: changes that are served, and
    # changes (editor metadata, scheduling) that leave every byte as it was.
    assert any(o.outputs and o.units for o in outcomes)
    assert any(not o.outputs and not o.units for o in outcomes)
    gaps = [str(o) for o in outcomes if o.served_change_unsigned]
    assert not gaps, "served without a unit change:\n" + "\n".join(gaps)


def test_every_change_of_a_sections_output_changes_that_sections_unit(guide):
    """The owner is asked: what a section contributes to any output (its API object, its
    merged checklist items, its ``<section>`` in the citizen pages) changes only with that
    section's own unit (RELIABILITY case 35: labels are content)."""
    outcomes = swept(guide)
    assert any(o.units and o.outputs and not o.unattributed for o in outcomes)
    gaps = [str(o) for o in outcomes if o.unattributed]
    assert not gaps, "a section's output changed without its unit:\n" + "\n".join(gaps)


# CI budget: about 0.15 s per example (22 renderings). Derandomized, no example database,
# so CI runs the same examples every time; no shrinking, because a failure already names
# the field path and value, and shrinking a failure costs more than the whole run.
PROPERTY_SETTINGS = settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check(guide, mutation) -> Outcome:
    try:
        result = outcome(guide, mutation)
    except Unservable:
        reject()
    if result.outputs:
        assert result.units, f"(a) served bytes changed, no unit did: {result}"
    if not result.units:
        assert not result.outputs, f"(b) no unit changed, served bytes did: {result}"
    return result


@PROPERTY_SETTINGS
@example(mutation=SWAP_ALDER_LABELS)
@example(mutation=CHANGE_SEO_TITLE)
@example(mutation=CHANGE_SECTION_AUTHORITY)
@example(mutation=CHANGE_HELP_TEXT)
@given(mutation=any_mutation)
def test_served_bytes_change_only_with_a_unit(guide, mutation):
    check(guide, mutation)


@PROPERTY_SETTINGS
@example(mutation=SWAP_ALDER_LABELS)
@example(mutation=CHANGE_SECTION_AUTHORITY)
@given(mutation=any_mutation)
def test_a_sections_output_changes_only_with_its_own_unit(guide, mutation):
    try:
        result = outcome(guide, mutation)
    except Unservable:
        reject()
    assert not result.unattributed, str(result)
