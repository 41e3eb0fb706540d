"""The whole path of a procedure on its page: every phase up to the decision and the results,
the Beratungsfolge, what happens with a contribution, deadlines in words, and a closed
procedure that says so and shows its results."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import ngettext
from wagtail.documents.models import Document

from mitwirken.notifications.models import Preference
from mitwirken.notifications.services import follow_create
from mitwirken.web.deadlines import countdown_text, deadline_text
from participation.models import ProcedureDocument, ProcedurePage
from participation.models.procedures import CONTRIBUTION_OUTCOME_DEFAULTS, ProcedureStatus
from participation.services.results import phases_announce
from tests.factories.accounts import UserFactory
from tests.factories.participation import (
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
    ProposalFactory,
    phase,
)
from tests.helpers import by_role, one, parsed, text_of, ui

pytestmark = pytest.mark.django_db

QUIET = {
    "allows_proposals": False,
    "allows_comments": False,
    "allows_support": False,
    "allows_polls": False,
    "allows_statements": False,
}


def closed_procedure(**fields) -> ProcedurePage:
    """Participation over ten days ago; the evaluation runs, the decision is to come."""
    return ProcedurePageFactory(
        phases=[
            phase(-40, 30, title="Ideen sammeln"),
            phase(-10, 20, title="Auswertung", kind="review", **QUIET),
            phase(10, 10, title="Beschluss", kind="decision", **QUIET),
        ],
        **fields,
    )


def midnight_in(days: int) -> datetime.datetime:
    """Local midnight ``days`` days from today."""
    today = timezone.localdate() + datetime.timedelta(days=days)
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    return datetime.datetime.combine(today, datetime.time(0, 0), tzinfo=berlin)


# Every phase and the Beratungsfolge -----------------------------------------------------------


def test_the_timeline_shows_every_phase_up_to_the_decision_and_the_beratungsfolge(
    client, home_page
):
    procedure = ProcedurePageFactory(
        phases=[
            phase(-20, title="Information", kind="information", **QUIET),
            phase(-6, 20, title="Vorschläge sammeln"),
            phase(14, title="Auswertung der Beiträge", kind="review", **QUIET),
            phase(28, title="Beschluss im Rat", kind="decision", **QUIET),
            phase(42, title="Ergebnisse", kind="results", **QUIET),
        ],
        council_steps=[
            {
                "body": "Bezirksvertretung Hörde",
                "date": datetime.date(2020, 2, 3),
                "role": "hearing",
            },
            {"body": "Rat der Stadt", "date": datetime.date(2099, 3, 5), "role": "decision"},
        ],
    )

    page = client.get(procedure.url).content.decode()
    region = one(page, "region", ui("Timeline"))
    steps = [text_of(step) for step in region.select(".procedure-timeline > li")]

    assert [step.split(")")[0].split(" (")[-1] for step in steps] == [
        ui("information"),
        ui("consultation"),
        ui("review"),
        ui("decision"),
        ui("results"),
    ]
    assert ui("Completed") in steps[0] and ui("Later") in steps[4]
    council = [text_of(item).replace(" :", ":") for item in region.select(".council-steps > li")]
    assert council[0].startswith("3. Februar 2020: Bezirksvertretung Hörde")
    assert ui("done") in council[0]
    assert council[1].startswith("5. März 2099: Rat der Stadt")
    assert ui("done") not in council[1]


def test_a_procedure_is_closed_while_only_evaluation_and_decision_are_to_come(home_page):
    procedure = closed_procedure()
    now = timezone.now()

    annotated = ProcedurePage.objects.with_status(now).get(pk=procedure.pk)

    assert procedure.status(now) == annotated.listing_status == ProcedureStatus.CLOSED
    # Before the end of the participation it was open, in Python as in SQL.
    earlier = now - datetime.timedelta(days=12)
    annotated = ProcedurePage.objects.with_status(earlier).get(pk=procedure.pk)
    assert procedure.status(earlier) == annotated.listing_status == ProcedureStatus.OPEN


# What happens with a contribution -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["informal", "land_use", "formal_other"])
def test_without_a_text_of_its_own_the_box_shows_the_standard_text_of_the_kind(
    client, home_page, kind
):
    procedure = ProcedurePageFactory(kind=kind)

    page = client.get(procedure.url)

    box = one(page, "region", ui("What happens with your contribution?"))
    assert text_of(box).endswith(str(CONTRIBUTION_OUTCOME_DEFAULTS[kind]))


def test_editors_write_what_happens_with_the_contributions_of_their_procedure(client, home_page):
    procedure = ProcedurePageFactory(
        contribution_outcome="<p>Die Bezirksvertretung Hörde entscheidet im März.</p>"
    )

    box = one(client.get(procedure.url), "region", ui("What happens with your contribution?"))

    assert "Die Bezirksvertretung Hörde entscheidet im März." in text_of(box)
    assert str(CONTRIBUTION_OUTCOME_DEFAULTS["informal"]) not in text_of(box)


# Deadlines -------------------------------------------------------------------------------------


def test_a_deadline_at_midnight_reads_as_the_end_of_the_day_before_with_a_countdown(
    client, home_page, procedure_index_page
):
    end = midnight_in(4)
    procedure = ProcedurePageFactory(
        phases=[phase(-3, title="Beteiligung") | {"end": end}], title="Phoenixsee"
    )

    page = client.get(procedure.url).content.decode()
    listing = client.get(procedure_index_page.url).content.decode()

    assert escape(deadline_text(end)) in page
    assert escape(countdown_text(end)) in page
    with translation.override("en"):
        assert countdown_text(end) == "3 days left"
    assert escape(deadline_text(end)) in listing  # the card says it the same way
    with translation.override("en"):
        assert deadline_text(end).endswith(", midnight")
    for text in (page, listing):
        assert f"{end:%d.%m.%Y} 00:00" not in text
        assert "0:00 Uhr" not in text


@pytest.fixture
def procedure_index_page(home_page):
    return ProcedureIndexPageFactory()


def test_the_mail_about_a_new_phase_names_its_deadline_in_words(
    procedure_page_factory, user_factory, django_capture_on_commit_callbacks
):
    end = midnight_in(10)
    procedure = procedure_page_factory(phases=[phase(-1) | {"end": end}])
    person = user_factory(language="en")
    Preference.objects.create(
        user=person, kind="participation.phase_started", frequency="immediately"
    )
    follow_create(user=person, target=procedure)

    with django_capture_on_commit_callbacks(execute=True):
        phases_announce()

    [message] = mail.outbox
    with translation.override("en"):
        assert deadline_text(end) in message.body


# A closed procedure ----------------------------------------------------------------------------


def test_a_closed_procedure_says_so_and_asks_nobody_to_log_in(client, home_page):
    procedure = closed_procedure(kind="land_use")

    page = client.get(procedure.url)
    html = page.content.decode()

    one(page, "heading", ui("Participation has ended"), level=2)
    assert ui("This procedure takes no more contributions.") in html
    assert escape(ui("Please log in to take part.")) not in html
    main = parsed(page).find("main")
    assert (
        not [  # the follow button may ask to log in, taking part may not (the header may)
            link
            for link in by_role(main, "link", ui("Log in"))
            if link["href"].startswith("/accounts/login/?")
        ]
    )
    assert not by_role(page, "form", None, action=f"{procedure.url}vorschlag/")
    assert not by_role(page, "form", None, action=f"{procedure.url}kommentar/")
    assert not by_role(page, "heading", ui("Formal statement"))


def test_a_visitor_who_posts_to_a_closed_procedure_hears_that_it_is_closed(client, home_page):
    procedure = closed_procedure()

    response = client.post(f"{procedure.url}vorschlag/", {"title": "Bänke", "text": "Mehr Bänke."})

    assert response.status_code == 200
    assert escape(ui("Proposals are not open in the current phase.")) in response.content.decode()


def test_a_closed_procedure_shows_its_results_the_responses_and_its_documents(client, home_page):
    procedure = closed_procedure()
    ProposalFactory(
        procedure=procedure, title="Sitzgelegenheiten", status="accepted", response="Ja."
    )
    ProposalFactory(
        procedure=procedure,
        title="Parkhaus",
        status="rejected",
        response="Der Platz ist zu klein für ein Parkhaus.",
    )
    ProposalFactory(procedure=procedure, title="Noch offen")
    document = Document(title="Ergebnisbericht")
    document.file.save("ergebnisbericht.pdf", ContentFile(b"%PDF-1.4 demo"), save=False)
    document.save()
    procedure.results = "<p>Der Rat entscheidet im Frühjahr.</p>"
    procedure.documents = [ProcedureDocument(document=document, title="Ergebnisbericht (PDF)")]
    procedure.save_revision().publish()

    page = client.get(procedure.url)

    results = one(page, "region", ui("Results"))
    assert "Der Rat entscheidet im Frühjahr." in text_of(results)
    links = {text_of(link): link["href"] for link in by_role(results, "link")}
    one_proposal = "%(status)s: %(counter)s proposal"
    for status, label in [
        ("rejected", "rejected"),
        ("accepted", "accepted"),
        ("in_review", "in review"),
    ]:
        text = ngettext(one_proposal, one_proposal + "s", 1) % {
            "status": capfirst(ui(label)),
            "counter": 1,
        }
        assert links[text] == f"?status={status}#proposals-heading"
    assert len(links) == 3  # statuses without proposals are left out
    documents = one(page, "region", ui("Documents"))
    assert by_role(documents, "link", "Ergebnisbericht (PDF)", href=document.url)

    filtered = client.get(procedure.url, {"status": "rejected"})
    proposals = one(filtered, "region", ui("Proposals"))
    assert "Der Platz ist zu klein für ein Parkhaus." in text_of(proposals)
    assert "Sitzgelegenheiten" not in text_of(proposals)
    assert by_role(proposals, "link", ui("Show all proposals"))


def test_a_signed_in_citizen_sees_no_forms_on_a_closed_procedure(client, home_page):
    procedure = closed_procedure()
    ProposalFactory(procedure=procedure)
    client.force_login(UserFactory())

    page = client.get(procedure.url)

    assert not by_role(page, "button", ui("Publish comment"))
    assert not by_role(page, "button", ui("Publish proposal"))
