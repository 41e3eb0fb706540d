"""Titles and names are stored without the invisible format characters (Unicode category Cf) that
reorder or disguise them; the joiners that some scripts need stay."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from mitwirken.pages.models import Feedback
from mitwirken.pages.services import feedback_create
from mitwirken.text import strip_format_controls
from participation import services
from participation.models import Proposal, Statement
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.participation import ProcedurePageFactory
from tests.helpers import ui
from toolkit.models import FormatSuggestion

User = get_user_model()

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
ZWSP = "\u200b"  # ZERO WIDTH SPACE
ONLY_CONTROLS = "\u202e\u200b\u2066\u2069\ufeff\u200e"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (f"abc{RLO}fdp.exe", "abcfdp.exe"),
        (f"Kim{ZWSP} aus Hörde", "Kim aus Hörde"),
        ("\u2067Westpark\u2069 \u202aNord\u202c\u200f", "Westpark Nord"),
        ("\ufeffBänke\u00adreihe\u061c", "Bänkereihe"),
        (ONLY_CONTROLS, ""),
        # Persian "mi-khâham" needs the zero-width non-joiner, emoji sequences the joiner.
        ("می\u200cخواهم", "می\u200cخواهم"),
        ("👩\u200d💻 Digitalwerkstatt", "👩\u200d💻 Digitalwerkstatt"),
        ("", ""),
    ],
)
def test_strip_format_controls(typed, stored):
    assert strip_format_controls(typed) == stored


# Where people type titles and names -------------------------------------------------------------


@pytest.fixture
def procedure(home_page):
    return ProcedurePageFactory(title="Westpark")


@pytest.fixture
def citizen(client, citizen):
    """The citizen, logged in."""
    client.force_login(citizen)
    return citizen


@pytest.mark.django_db
def test_a_proposal_title_is_stored_without_the_override(client, procedure, citizen):
    response = client.post(
        f"{procedure.url}vorschlag/",
        {"title": f"abc{RLO}fdp.exe", "text": "Am Teich fehlen Bänke zum Ausruhen."},
    )

    assert response.status_code == 302
    assert Proposal.objects.get().title == "abcfdp.exe"


@pytest.mark.django_db
def test_a_title_of_control_characters_only_is_missing_and_nothing_is_stored(
    client, procedure, citizen
):
    response = client.post(
        f"{procedure.url}vorschlag/",
        {"title": ONLY_CONTROLS, "text": "Am Teich fehlen Bänke zum Ausruhen."},
    )

    assert response.status_code == 200
    errors = response.context["proposal_form"].errors["title"]
    assert errors == [ui("Please give your proposal a title.")]
    assert not Proposal.objects.exists()


@pytest.mark.django_db
def test_staff_entering_a_proposal_from_paper_get_the_same_cleaning(procedure):
    proposal = services.proposal_create(
        procedure=procedure,
        author=None,
        title=f"{ZWSP}Per Brief{RLO}",
        text="Ein Vorschlag, der per Post kam.",
        channel="paper",
        entered_by=UserFactory(is_staff=True),
    )

    assert proposal.title == "Per Brief"


@pytest.mark.django_db
def test_a_statement_name_is_stored_without_format_characters(client, home_page, citizen):
    formal = ProcedurePageFactory(title="Bebauungsplan Hö 123", kind="land_use")

    response = client.post(
        f"{formal.url}stellungnahme/",
        {
            "text": "Ich erhebe Einwendungen gegen die Höhe der Bebauung.",
            "name": f"Erika{ZWSP} {RLO}Mustermann",
            "street": "Friedensplatz 1",
            "postcode": "44135",
            "city": "Dortmund",
        },
    )

    assert response.status_code == 302
    assert Statement.objects.get(procedure=formal).name == "Erika Mustermann"


@pytest.mark.django_db
def test_a_display_name_with_a_zero_width_space_is_stored_without_it(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "kiezkind@example.org",
            "display_name": f"Kiez{ZWSP}kind",
            "password1": DEFAULT_PASSWORD,
            "password2": DEFAULT_PASSWORD,
        },
    )

    assert response.status_code == 302
    assert User.objects.get(email="kiezkind@example.org").display_name == "Kiezkind"


@pytest.mark.django_db
def test_a_display_name_of_control_characters_only_is_missing(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "kiezkind@example.org",
            "display_name": ONLY_CONTROLS,
            "password1": DEFAULT_PASSWORD,
            "password2": DEFAULT_PASSWORD,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["display_name"] == [
        ui("Please enter a display name. A pseudonym is fine.")
    ]
    assert not User.objects.filter(email="kiezkind@example.org").exists()


@pytest.mark.django_db
def test_staff_store_a_real_name_and_display_name_without_format_characters(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))  # who manages accounts

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "redaktion@example.org",
            "display_name": f"Redaktion{RLO} Hörde",
            "first_name": f"Erika{ZWSP}",
            "last_name": "\u2066Mustermann\u2069",
            "password1": DEFAULT_PASSWORD,
            "password2": DEFAULT_PASSWORD,
        },
    )

    assert response.status_code == 302
    person = User.objects.get(email="redaktion@example.org")
    assert (person.display_name, person.first_name, person.last_name) == (
        "Redaktion Hörde",
        "Erika",
        "Mustermann",
    )


@pytest.mark.django_db
def test_a_format_suggestion_title_is_stored_without_the_override(
    client, home_page, citizen, toolkit_index_page
):
    response = client.post(
        toolkit_index_page.url + "vorschlagen/",
        {
            "title": f"Digitaler{RLO} Kiezspaziergang",
            "description": "Wir gehen mit dem Handy durch das Viertel und sammeln Hinweise.",
            "website": "",
        },
    )

    assert response.status_code == 302
    assert FormatSuggestion.objects.get().title == "Digitaler Kiezspaziergang"


@pytest.mark.django_db
def test_a_feedback_name_is_stored_without_format_characters():
    feedback_create(message="Das Video hat keine Untertitel.", name=f"{RLO}Kim{ZWSP}")

    assert Feedback.objects.get().name == "Kim"
