"""A citizen in Chromium: from the filter form on /beteiligung/ to a procedure, signs in,
proposes, comments, supports another person's proposal, comments on it on its own page
and follows the procedure.
axe checks every page the journey visits; nothing is requested from another origin."""

import re

import pytest
from playwright.sync_api import expect

from mitwirken.notifications.models import Follow
from mitwirken.places.models import District
from participation.models import Comment, Proposal, Statement, Support
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.participation import (
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
    ProposalFactory,
)
from tests.helpers import ui

from .audit import axe, horizontal_overflow, origin, wide_elements

pytestmark = pytest.mark.browser


@pytest.fixture
def procedure(demo_content):
    """A procedure in Hörde with another person's proposal (made here until seed_demo has one)."""
    hoerde = District.objects.get(slug="hoerde")
    ProcedureIndexPageFactory()
    procedure = ProcedurePageFactory(
        title="Uferpromenade am Phoenixsee",
        slug="uferpromenade-phoenixsee",
        summary="Wie soll die Promenade am Südufer aussehen?",
        districts=[hoerde],
    )
    ProcedurePageFactory(
        title="Radwege in Eving",
        slug="radwege-eving",
        districts=[District.objects.get(slug="eving")],
    )
    ProposalFactory(
        procedure=procedure,
        author=UserFactory(display_name="Ali aus Hörde"),
        title="Schattenplätze am See",
        text="Bäume und Sonnensegel an der Promenade.",
    )
    return procedure


def test_a_citizen_takes_part_in_a_procedure(page, procedure):
    citizen = UserFactory(email="kim.nowak@example.org", display_name="Kim aus Hörde")

    page.goto("/beteiligung/")
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)
    filters = page.get_by_role("search", name=ui("Find procedures"))
    filters.get_by_label(ui("District")).select_option(label="Hörde")
    filters.get_by_role("button", name=ui("Show procedures")).click()

    expect(page).to_have_url(re.compile(r"/beteiligung/\?.*district=hoerde"))
    results = page.get_by_role("region", name=ui("Procedures"))
    expect(results.get_by_role("link", name="Uferpromenade am Phoenixsee")).to_be_visible()
    expect(results.get_by_role("link", name="Radwege in Eving")).to_have_count(0)
    axe(page)
    results.get_by_role("link", name="Uferpromenade am Phoenixsee").click()

    expect(page).to_have_url(re.compile(re.escape(procedure.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Uferpromenade am Phoenixsee")
    expect(page.locator('[aria-current="step"]')).to_contain_text(ui("Current phase"))
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)

    # Sign in from the procedure, and come back to it.
    proposals = page.get_by_role("region", name=ui("Proposals"))
    proposals.get_by_role("link", name=ui("Log in")).click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    axe(page)
    form = page.locator("form", has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(citizen.email)
    form.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    form.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(procedure.url) + "$"))
    axe(page)

    # Propose.
    proposals = page.get_by_role("region", name=ui("Proposals"))
    proposals.get_by_text(ui("Make a proposal")).click()
    proposals.get_by_label(ui("Title of your proposal"), exact=True).fill("Trinkbrunnen")
    proposals.get_by_label(ui("Your proposal"), exact=True).fill(
        "Ein Trinkbrunnen am Südufer für heiße Tage."
    )
    proposals.get_by_role("button", name=ui("Publish proposal")).click()
    expect(page.get_by_role("status").first).to_contain_text(
        ui("Thank you! Your proposal has been published.")
    )
    expect(page.get_by_role("heading", name="Trinkbrunnen", exact=True)).to_be_visible()
    axe(page)

    # Comment on the procedure.
    comments = page.get_by_role("region", name=ui("Comments on the procedure"))
    comments.get_by_label(ui("Your comment"), exact=True).last.fill(
        "Gibt es auch eine Veranstaltung vor Ort?"
    )
    comments.get_by_role("button", name=ui("Publish comment")).click()
    expect(page.get_by_role("status").first).to_contain_text(
        ui("Thank you! Your comment has been published.")
    )
    expect(page.get_by_text("Gibt es auch eine Veranstaltung vor Ort?")).to_be_visible()
    axe(page)

    # Support another person's proposal; one's own has no support button. The button holds its
    # whole label (KERN would narrow it to an icon button's width).
    support = page.get_by_role(
        "button", name=re.compile(re.escape(ui("Support")) + ".*Schattenplätze")
    )
    assert support.evaluate("button => button.scrollWidth <= button.clientWidth")
    label = support.locator(".kern-label")
    assert label.bounding_box()["width"] <= support.bounding_box()["width"]
    support.click()
    expect(page.get_by_role("status").first).to_contain_text(ui("Thank you for your support."))
    expect(page.get_by_text(ui("You support this proposal."))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Trinkbrunnen"))).to_have_count(0)
    axe(page)

    # Comment on it on its own page, where its discussion is, and come back to the list.
    comment_on = re.compile(re.escape(ui("Comment on this proposal")) + ".*Schattenplätze")
    page.get_by_role("link", name=comment_on).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schattenplätze am See")
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)
    page.get_by_label(ui("Your comment"), exact=True).fill("Sonnensegel fände ich am besten.")
    page.get_by_role("button", name=ui("Publish comment")).click()
    expect(page.get_by_role("status").first).to_contain_text(
        ui("Thank you! Your comment has been published.")
    )
    expect(page.get_by_text("Sonnensegel fände ich am besten.")).to_be_visible()
    axe(page)
    back = ui("Back to the procedure “%(procedure)s”") % {"procedure": procedure.title}
    page.get_by_role("link", name=back).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uferpromenade am Phoenixsee")
    axe(page)

    # Follow the procedure.
    page.get_by_role("button", name=re.compile("Uferpromenade am Phoenixsee")).first.click()
    expect(
        page.get_by_role("button", name=re.compile(re.escape(ui("Stop following"))))
    ).to_be_visible()
    axe(page)

    proposal = Proposal.objects.get(title="Trinkbrunnen")
    assert (proposal.author, proposal.channel) == (citizen, "online")
    assert Comment.objects.get(text__startswith="Gibt es").author == citizen
    support = Support.objects.get(user=citizen)
    assert support.proposal.title == "Schattenplätze am See"
    assert Comment.objects.get(text__startswith="Sonnensegel").proposal == support.proposal
    assert Follow.objects.filter(user=citizen, object_id=procedure.pk).exists()


def test_a_visitor_hands_in_a_formal_statement_without_javascript(browser, demo_site):
    """No account and no JavaScript: the form explains what is missing, then takes the statement
    and shows its reference number."""
    formal = ProcedurePageFactory(
        title="Bebauungsplan Hö 250", slug="bebauungsplan-hoe-250", kind="land_use"
    )
    foreign = []

    def only_the_live_server(route):
        if origin(route.request.url) == origin(demo_site.url):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort("blockedbyclient")

    context = browser.new_context(base_url=demo_site.url, locale="de-DE", java_script_enabled=False)
    context.route("**/*", only_the_live_server)
    page = context.new_page()
    page.set_default_timeout(10_000)

    page.goto(formal.url)
    page.get_by_role("region", name=ui("Formal statement")).get_by_role(
        "link", name=ui("Hand in a formal statement")
    ).click()
    # The form has a page of its own (the procedure page is the same for every visitor).
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Hand in a formal statement"))
    statement = page.get_by_role("main")
    statement.get_by_label(ui("Your statement"), exact=True).fill(
        "Die Zufahrt über die Wohnstraße belastet die Anwohnenden."
    )
    statement.get_by_role("button", name=ui("Hand in statement")).click()

    expect(statement.get_by_text(ui("Please give your first and last name."))).to_be_visible()
    expect(
        statement.get_by_text(ui("Please give an e-mail address: the receipt goes there."))
    ).to_be_visible()
    assert not Statement.objects.filter(procedure=formal).exists()
    statement.get_by_label(ui("First and last name"), exact=True).fill("Erika Mustermann")
    statement.get_by_label(ui("Street and number"), exact=True).fill("Friedensplatz 1")
    statement.get_by_label(ui("Postcode"), exact=True).fill("44135")
    statement.get_by_label(ui("City"), exact=True).fill("Dortmund")
    statement.get_by_label(ui("E-mail address for the receipt"), exact=True).fill(
        "erika@example.org"
    )
    statement.get_by_role("button", name=ui("Hand in statement")).click()

    received = page.get_by_role("status").first
    expect(received).to_contain_text(re.compile(r"ST-\d{4}-\d{6}"))
    stored = Statement.objects.get(procedure=formal)
    expect(received).to_contain_text(stored.reference)
    assert (stored.author, stored.name, stored.email) == (
        None,
        "Erika Mustermann",
        "erika@example.org",
    )
    assert "Erika Mustermann" not in page.content()
    assert foreign == []
    context.close()
