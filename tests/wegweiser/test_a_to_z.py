"""The A–Z index at /wegweiser/a-z/: every offering and procedure under its first letter."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import one, ui
from wegweiser.selectors.a_to_z import initial, sort_key

pytestmark = pytest.mark.django_db

A_TO_Z = "/wegweiser/a-z/"


def letters(response) -> dict[str, list[str]]:
    return {
        letter.letter: [entry.page.title for entry in letter.entries]
        for letter in response.context["letters"]
    }


def test_umlauts_and_accents_file_under_their_base_letter():
    assert initial("Ölmühle") == "O"
    assert initial("Äpfel") == "A"
    assert initial("Über uns") == "U"
    assert initial("„Élan“ vital") == "E"
    assert initial("2030: Stadt der Zukunft") == "#"
    assert sorted(["Ostpark", "Ölmühle", "Oase"], key=sort_key) == ["Oase", "Ölmühle", "Ostpark"]


def test_offerings_and_procedures_are_grouped_by_letter_with_oe_under_o(
    client, finder, offering_page_factory, procedure_page_factory
):
    offering_page_factory(title="Ölmühle Hörde")
    offering_page_factory(title="Oase Eving")
    offering_page_factory(title="Zebrastreifen-Sprechstunde")
    offering_page_factory(title="Äpfel für alle")
    procedure_page_factory(title="Ostpark")
    procedure_page_factory(title="Bahnhofsvorplatz")

    response = client.get(A_TO_Z)
    html = response.content.decode()

    assert response.status_code == 200
    assert response.context["page"] == finder
    assert letters(response) == {
        "A": ["Äpfel für alle"],
        "B": ["Bahnhofsvorplatz"],
        "O": ["Oase Eving", "Ölmühle Hörde", "Ostpark"],
        "Z": ["Zebrastreifen-Sprechstunde"],
    }
    assert [entry.kind for entry in response.context["letters"][2].entries] == [
        "offering",
        "offering",
        "procedure",
    ]
    # Each letter is a section with a heading; its entries link to their pages.
    section = html.split('id="letter-o"')[1].split("</section>")[0]
    assert section.index("Oase Eving") < section.index("Ölmühle Hörde") < section.index("Ostpark")
    assert 'href="/wegweiser/' in section and 'href="/beteiligung/' in section
    assert section.count("kern-badge") >= 3


def test_the_letter_navigation_links_only_letters_with_entries(
    client, finder, offering_page_factory
):
    offering_page_factory(title="Ölmühle")
    offering_page_factory(title="Zoo-Treff")
    html = client.get(A_TO_Z).content.decode()
    nav = str(one(html, "navigation", ui("Letters")))
    assert re.findall(r'href="#(letter-[a-z]+)"', nav) == ["letter-o", "letter-z"]
    assert nav.count("<li>") == 26
    assert 'id="letter-o"' in html and 'id="letter-z"' in html and 'id="letter-b"' not in html


def test_the_index_without_entries_says_so(client, finder):
    response = client.get(A_TO_Z)
    assert response.status_code == 200
    assert response.context["letters"] == []


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(A_TO_Z).status_code == 200
    return len(queries)


def test_the_index_makes_as_many_queries_for_80_entries_as_for_20(
    client, finder, offering_page_factory, procedure_page_factory, django_assert_max_num_queries
):
    for _number in range(18):
        offering_page_factory()
    procedure_page_factory()
    procedure_page_factory(phases=[])
    baseline = _queries(client)
    for _number in range(50):
        offering_page_factory()
    for _number in range(10):
        procedure_page_factory()
    with django_assert_max_num_queries(baseline):
        response = client.get(A_TO_Z)
    assert response.context["entry_count"] == 80
