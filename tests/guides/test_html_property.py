"""Property: for any guide and any answers, the HTML shows exactly the sections the audience
module selects (invariant 4: one audience logic everywhere)."""

import itertools
import re
from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import guide_data, make_guide, question, section

pytestmark = pytest.mark.django_db

ANSWERS = ("a", "b", "c")
_slugs = itertools.count()


@st.composite
def guides(draw):
    questions = []
    for index in range(draw(st.integers(min_value=1, max_value=3))):
        answers = ANSWERS[: draw(st.integers(min_value=2, max_value=3))]
        asked_when = {}
        if questions and draw(st.booleans()):
            premise = draw(st.sampled_from(questions))
            asked_when = {
                premise["key"]: draw(
                    st.lists(st.sampled_from([a for a, _ in premise["answers"]]), min_size=1, unique=True)
                )
            }
        questions.append(question(f"q{index}", answers, asked_when=asked_when))
    sections = []
    for index in range(draw(st.integers(min_value=1, max_value=6))):
        audience = {}
        for q in draw(st.lists(st.sampled_from(questions), unique_by=lambda q: q["key"], max_size=2)):
            audience[q["key"]] = draw(
                st.lists(st.sampled_from([a for a, _ in q["answers"]]), min_size=1, unique=True)
            )
        sections.append(
            section(f"s{index}", authority=draw(st.sampled_from(["digst", "kl", "skat"])), audience=audience)
        )
    return guide_data(f"egenskab-{next(_slugs)}", questions=questions, sections=sections)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=guides(), choice=st.data())
def test_html_shows_exactly_the_sections_the_module_selects(home, authorities, data, choice):
    page = make_guide(home, data)
    document = page.document
    audience = choice.draw(st.sampled_from(document.audiences))
    response = Client().get(f"{page.url}?{urlencode(list(audience.items()))}")
    assert response.status_code == 200
    shown = re.findall(r'<section class="vejviser-section" id="afsnit-([^"]+)"', response.content.decode())
    assert shown == [s.id for s in document.sections if s.condition.matches(audience)]
