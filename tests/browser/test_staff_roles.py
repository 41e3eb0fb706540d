"""Each staff role's everyday work in Wagtail's admin, end to end in Chromium, as the person in
that role does it, with the demo's account for the role: logged in through the admin's login
form, with the menus, buttons and forms they see, and what the public sees afterwards.

- The Ombudsstelle hides a reported comment, approves a consultation that Hörde submitted for
  review, edits and publishes the Leichte-Sprache page and answers a proposal.
- An editor of the Bezirksvertretung Hörde creates a consultation and submits it for review,
  enters a proposal that came in on paper, answers a proposal and downloads the export of a Hörde
  procedure; Aplerbeck's pages, contributions and exports stay closed to them.
- The moderation sees the queue, hides and restores, and nothing editorial.

Every page is checked with axe. Wagtail's own findings in its own markup are left out by rule id
(``audit.WAGTAIL_FINDINGS``, listed in docs/accessibility.md); everything else fails, our
views, panels and admin CSS included.
"""

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from playwright.sync_api import expect

from mitwirken.editorial import seed as editorial_seed
from mitwirken.editorial.groups import MODERATION_GROUP, OMBUDSSTELLE_GROUP
from mitwirken.editorial.services import REVIEW_WORKFLOW
from mitwirken.pages.models import Feedback
from mitwirken.seeding import seed_data
from participation.models import (
    Channel,
    Comment,
    DistrictFolderPage,
    ProcedurePage,
    Proposal,
    Report,
    Statement,
)
from tests.factories.pages import FeedbackFactory
from tests.factories.participation import ProcedurePageFactory, ProposalFactory, ReportFactory
from tests.helpers import ui

from .audit import PAGE_EDITOR, axe, axe_admin

pytestmark = pytest.mark.browser


# Who works in the admin: the demo's account per staff role, which ``seed_demo`` makes and prints.
DEMO_STAFF = seed_data(Path(editorial_seed.__file__).parent, "staff.yaml")
HOERDE_GROUP = "Bezirksvertretung Hörde"


@pytest.fixture
def staff(demo_content) -> dict:
    """The demo's staff accounts by the name of their group."""
    people = get_user_model().objects.filter(
        email__in=[account["email"] for account in DEMO_STAFF["accounts"]]
    )
    return {person.groups.get().name: person for person in people}


# What the people see ------------------------------------------------------------------------


def log_in(page, person) -> None:
    """Through Wagtail's login form, as the person types it; on to the dashboard."""
    page.goto("/admin/login/")
    axe_admin(page)
    page.get_by_label("E-Mail-Adresse").fill(person.email)
    page.get_by_label("Passwort").fill(DEMO_STAFF["password"])
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("MitWIRken in Dortmund")
    axe_admin(page)


def arrive(page, heading: str) -> None:
    """Wait for the page whose main heading holds ``heading``, then check it with axe."""
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    axe_admin(page)


def main_menu(page):
    return page.get_by_role("navigation", name="Hauptmenü")


def open_menu(page, *labels: str) -> None:
    """Follow the admin's main menu: a submenu's button, then its link (``labels`` in order)."""
    *submenus, link = labels
    for submenu in submenus:
        main_menu(page).get_by_role("button", name=submenu, exact=True).click()
    page.get_by_role("link", name=link, exact=True).click()


def messages(page):
    """Wagtail's messages after an action (saved, refused...)."""
    return page.locator(".messages")


def footer_action(page, name: str):
    """A button of the editor's footer: the main one, or one in its "more actions" menu."""
    footer = page.locator("footer.footer")
    button = footer.get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        footer.get_by_role("button", name="Mehr Aktionen").click()
        expect(button).to_be_visible()
    return button


def listing(model) -> str:
    """The menu entry and heading of a model's listing in the admin."""
    return capfirst(str(model._meta.verbose_name_plural))


def field_holding(page, text: str):
    """The input that shows ``text``: a StreamField block's input, which gets its value from
    Wagtail's script, not from an attribute."""
    find = "(text) => [...document.querySelectorAll('input')].find((i) => i.value === text)?.name"
    name = page.wait_for_function(find, arg=text).json_value()
    return page.locator(f'input[name="{name}"]')


def refused(page, url: str) -> None:
    """Wagtail's refusal of a page it guards: back to the dashboard, with the reason."""
    page.goto(url)
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(messages(page)).to_contain_text("Sie haben leider keinen Zugang zu diesem Bereich.")
    axe_admin(page)


def not_found(page, page_guard, url: str) -> None:
    """A URL that is not there for this person: 404, and the form or file it names not shown."""
    page_guard.expect_console_error("status of 404", url=url)
    response = page.goto(url)
    assert response.status == 404, f"{url}: status {response.status}"
    axe_admin(page)


# What the demo holds ------------------------------------------------------------------------


def procedure(slug: str) -> ProcedurePage:
    return ProcedurePage.objects.get(slug_de=slug)


def folder(district: str) -> DistrictFolderPage:
    return DistrictFolderPage.objects.get(district__slug=district)


PHOENIX = "phoenix-see-uferpromenade"  # Hörde's open consultation, with proposals and comments
AP_215 = "bebauungsplan-ap-215"  # Aplerbeck's land-use plan, with formal statements


def submitted_for_review(editor, title: str) -> ProcedurePage:
    """A consultation that ``editor`` wrote in Hörde's folder and submitted for review."""
    consultation = ProcedurePageFactory(parent=folder("hoerde"), title=title, owner=editor)
    consultation.save_revision(user=editor)
    consultation.unpublish()
    workflow = consultation.get_workflow()
    assert workflow.name == REVIEW_WORKFLOW
    workflow.start(consultation, editor)
    return consultation


# The Ombudsstelle ---------------------------------------------------------------------------


def test_ombudsstelle_moderates_approves_and_edits(page, page_guard, staff):
    page_guard.expect_console_error("status of 400", url=PAGE_EDITOR)
    ombudsstelle, district_editor = staff[OMBUDSSTELLE_GROUP], staff[HOERDE_GROUP]
    phoenix = procedure(PHOENIX)
    comment = Comment.objects.get(procedure=phoenix, text__startswith="Wer pflegt die Bänke")
    ReportFactory(contribution=comment, reason="Das ist Werbung für einen Verein.")
    consultation = submitted_for_review(district_editor, "Trinkbrunnen am Hörder Marktplatz")
    log_in(page, ombudsstelle)

    # A reported comment: from the queue to its page, hidden with a reason everyone reads.
    main_menu(page).get_by_role("link", name=ui("Moderation")).click()
    arrive(page, listing(Report))
    page.get_by_role("link", name="Das ist Werbung für einen Verein.").click()
    arrive(page, ui("Moderate"))
    expect(page.get_by_role("blockquote")).to_have_text(comment.text)
    page.get_by_role("button", name=ui("Hide"), exact=True).click()  # no reason given: refused
    expect(page.locator("#id_reason-error")).to_have_text(ui("Give a public reason for hiding."))
    axe_admin(page)
    comment.refresh_from_db()
    assert not comment.is_hidden
    page.get_by_label(ui("Public reason")).fill("Werbung ist hier nicht erlaubt.")
    page.get_by_role("button", name=ui("Hide"), exact=True).click()
    expect(messages(page)).to_contain_text(ui("The contribution is hidden."))
    arrive(page, listing(Report))
    expect(page.get_by_text("Das ist Werbung für einen Verein.")).to_have_count(0)  # resolved
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_reason == "Werbung ist hier nicht erlaubt."
    page.goto(phoenix.url)
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text(
        ui("Hidden by the moderation: %(reason)s") % {"reason": "Werbung ist hier nicht erlaubt."}
    )
    expect(page.get_by_text(comment.text)).to_have_count(0)
    axe(page)

    # The consultation Hörde submitted: from "awaiting your review" to approved and public.
    page.goto("/admin/")
    review = page.get_by_role("region", name="Ihre Überprüfung steht aus")
    expect(review).to_be_visible()
    axe_admin(page)
    review.get_by_role("link", name="Trinkbrunnen am Hörder Marktplatz").click()
    arrive(page, "Trinkbrunnen am Hörder Marktplatz")
    footer_action(page, "Freigeben und Veröffentlichen").click()
    expect(messages(page)).to_contain_text("Trinkbrunnen am Hörder Marktplatz")
    axe_admin(page)
    consultation.refresh_from_db()
    assert consultation.live and consultation.current_workflow_state is None
    page.goto(consultation.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Trinkbrunnen am Hörder Marktplatz")
    axe(page)

    # Leichte Sprache: a heading rewritten and published.
    easy = page_titled("Leichte Sprache")
    page.goto(f"/admin/pages/{easy.pk}/edit/")
    arrive(page, "Leichte Sprache")
    field_holding(page, "Wie finden Sie sich zurecht?").fill(
        "Wie finden Sie sich auf der Seite zurecht?"
    )
    footer_action(page, "Veröffentlichen").click()
    expect(messages(page)).to_contain_text("Leichte Sprache")
    axe_admin(page)
    page.goto(easy.url)
    expect(
        page.get_by_role("heading", name="Wie finden Sie sich auf der Seite zurecht?")
    ).to_be_visible()
    axe(page)


def test_ombudsstelle_works_through_the_dashboard(page, staff):
    """What waits for the Ombudsstelle, from the dashboard's panels to where it is handled: a
    proposal answered, a formal statement weighed, accessibility feedback answered."""
    phoenix, ap_215 = procedure(PHOENIX), procedure(AP_215)
    feedback = FeedbackFactory(
        message="Im Formular für Vorschläge ist die Fehlermeldung nur rot, ohne Text.",
        email="rueckmeldung@example.org",
    )
    log_in(page, staff[OMBUDSSTELLE_GROUP])

    # The oldest proposal without an official response: answered, and public on the procedure.
    waiting = page.get_by_role("region", name=ui("Waiting for a response"))
    waiting.get_by_role("link", name="Schattenbäume statt Sonnensegel").click()
    arrive(page, "Schattenbäume statt Sonnensegel")
    expect(page.get_by_role("blockquote")).to_contain_text("Bitte Bäume pflanzen")
    response = "Das Grünflächenamt pflanzt im Frühjahr zwölf Platanen an der Nordseite."
    answer(page, status=ui("accepted"), response=response, back_to=listing(Proposal))
    proposal = Proposal.objects.get(procedure=phoenix, title="Schattenbäume statt Sonnensegel")
    assert proposal.response == response and proposal.responded_at is not None
    page.goto(phoenix.url)
    card = page.locator(f"#proposal-{proposal.pk}")
    expect(card).to_contain_text(ui("Response of the city"))
    expect(card).to_contain_text(response)
    axe(page)
    page.goto("/admin/")
    waiting = page.get_by_role("region", name=ui("Waiting for a response"))
    expect(waiting.get_by_role("link", name="Mehr Bänke mit Rückenlehne")).to_be_visible()
    expect(waiting.get_by_role("link", name="Schattenbäume statt Sonnensegel")).to_have_count(0)
    axe_admin(page)

    # A new formal statement: from the panel to the statement, then weighed beside its text.
    statement = Statement.objects.filter(procedure=ap_215).order_by("pk").first()
    waiting.get_by_role("link", name=statement.reference).click()
    arrive(page, statement.reference)
    page.get_by_role("navigation", name="Actions").get_by_role("button", name="Aktionen").click()
    page.get_by_role("link", name="Bearbeiten").click()
    arrive(page, statement.reference)
    expect(page.get_by_role("blockquote")).to_have_text(statement.text)
    page.get_by_role("radio", name=ui("weighed")).check()
    page.get_by_label(capfirst(ui("anonymised summary"))).fill(
        "Die Zufahrt über die Schweizer Allee belaste die Anwohnenden; gebeten wird um eine "
        "Erschließung von Süden."
    )
    page.get_by_label(ui("Result of the weighing")).fill(
        "Eine Erschließung von Süden ist wegen des Bahndamms nicht möglich; die Zufahrt wird "
        "verkehrsberuhigt."
    )
    footer_action(page, "Speichern").click()
    expect(messages(page)).to_contain_text(statement.reference)
    axe_admin(page)
    statement.refresh_from_db()
    assert statement.status == Statement.Status.WEIGHED and statement.weighed_by is not None

    # Accessibility feedback: answered from the inbox, the answer mailed to the sender.
    main_menu(page).get_by_role("link", name=ui("Accessibility feedback")).click()
    arrive(page, listing(Feedback))
    page.get_by_role("link", name=feedback.message).click()
    arrive(page, f"#{feedback.pk}")
    expect(page.get_by_role("blockquote")).to_have_text(feedback.message)
    answer_form = page.get_by_role("region", name=ui("Answer"))
    answer_form.get_by_role("radio", name=ui("answered")).check()
    answer_form.get_by_role("textbox").fill(
        "Danke! Die Fehlermeldung steht jetzt auch als Text unter dem Feld."
    )
    footer_action(page, "Speichern").click()
    expect(messages(page)).to_contain_text("rueckmeldung@example.org")
    arrive(page, listing(Feedback))
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.ANSWERED
    answers = [message for message in mail.outbox if message.to == ["rueckmeldung@example.org"]]
    assert len(answers) == 1 and "Fehlermeldung steht jetzt auch als Text" in answers[0].body


def answer(page, *, status: str, response: str, back_to: str) -> None:
    """On a proposal's response form: the official status and the public response, saved; back
    to the page headed ``back_to``."""
    page.get_by_label(ui("official status")).select_option(label=status)
    page.get_by_label(ui("public response")).fill(response)
    footer_action(page, "Speichern").click()
    expect(messages(page)).to_be_visible()
    arrive(page, back_to)


def page_titled(title: str):
    from wagtail.models import Page

    return Page.objects.get(title_de=title).specific


# The Bezirksvertretung Hörde ----------------------------------------------------------------


def test_hoerde_editor_submits_enters_answers_and_exports(page, page_guard, staff):
    page_guard.expect_console_error("status of 400", url=PAGE_EDITOR)
    district_editor = staff[HOERDE_GROUP]
    hoerde = folder("hoerde")
    phoenix = procedure(PHOENIX)
    log_in(page, district_editor)

    # A consultation in Hörde's folder, submitted to the Ombudsstelle (publishing is not theirs).
    open_menu(page, "Seiten", "Beteiligung")
    arrive(page, "Beteiligung")
    page.get_by_role("link", name="Unterseiten von ‚Hörde‘ durchsehen").click()
    arrive(page, "Hörde")
    page.get_by_role("link", name="Unterseite hinzufügen").click()
    arrive(page, "Neu")
    fill_consultation(page, "Mehr Schatten am Neumarkt")
    footer = page.locator("footer.footer")
    footer.get_by_role("button", name="Mehr Aktionen").click()
    submit = footer.get_by_role("button", name="In Prüfung durch die Ombudsstelle einreichen")
    expect(submit).to_be_visible()
    expect(footer.get_by_role("button", name="Veröffentlichen", exact=True)).to_have_count(0)
    submit.click()
    expect(messages(page)).to_contain_text("Mehr Schatten am Neumarkt")
    axe_admin(page)
    consultation = ProcedurePage.objects.get(title_de="Mehr Schatten am Neumarkt")
    assert consultation.get_parent().pk == hoerde.pk and not consultation.live
    state = consultation.current_workflow_state
    assert state.workflow.name == REVIEW_WORKFLOW and state.status == state.STATUS_IN_PROGRESS

    # The procedure's workspace, from the "Workspace" button of its page in the editor.
    open_menu(page, "Seiten", "Beteiligung")
    arrive(page, "Beteiligung")
    page.get_by_role("link", name="Unterseiten von ‚Hörde‘ durchsehen").click()
    arrive(page, "Hörde")
    page.get_by_role("link", name=phoenix.title, exact=True).click()
    arrive(page, phoenix.title)
    page.get_by_role("navigation", name="Actions").get_by_role("button", name="Aktionen").click()
    page.get_by_role("link", name=ui("Workspace")).click()
    arrive(page, phoenix.title)
    contributions = page.get_by_role("table", name=ui("Contributions"), exact=True)
    expect(contributions).to_contain_text("Mehr Bänke mit Rückenlehne")

    # A proposal that came in on paper: the form opens with the procedure chosen, and only
    # Hörde's procedures to choose from; back in the workspace it is listed.
    analog = page.get_by_role("region", name=ui("Analog entry"))
    analog.get_by_role("link", name=str(capfirst(Proposal._meta.verbose_name))).click()
    arrive(page, str(capfirst(Proposal._meta.verbose_name)))
    procedure_choice = page.get_by_label(ui("procedure"))
    expect(procedure_choice).to_have_value(str(phoenix.pk))
    expect(procedure_choice.locator("option", has_text=procedure(AP_215).title)).to_have_count(0)
    page.get_by_label(ui("channel")).select_option(label=ui("paper"))
    page.get_by_label(ui("title")).fill("Wasserspielplatz für kleine Kinder")
    page.get_by_label(ui("text")).fill(
        "Brief vom 20. November: Am See fehlt ein Wasserspielplatz für kleine Kinder."
    )
    footer_action(page, "Erstellen").click()
    expect(messages(page)).to_be_visible()
    arrive(page, phoenix.title)
    expect(contributions).to_contain_text("Wasserspielplatz für kleine Kinder")
    paper = Proposal.objects.get(title="Wasserspielplatz für kleine Kinder")
    assert paper.procedure_id == phoenix.pk and paper.channel == Channel.PAPER
    assert paper.entered_by == district_editor and paper.author is None

    # A proposal answered next to its text, and back to the workspace.
    page.get_by_role(
        "link", name=re.compile(rf"^{ui('Answer')}\W+Mehr Bänke mit Rückenlehne$")
    ).click()
    arrive(page, "Mehr Bänke mit Rückenlehne")
    expect(page.get_by_role("blockquote")).to_contain_text("Entlang der Nordseite fehlen")
    response = "Zehn Bänke mit Lehne kommen; an der Südseite bleibt es bei den Sitzstufen."
    answer(page, status=ui("partly accepted"), response=response, back_to=phoenix.title)
    answered = Proposal.objects.get(procedure=phoenix, title="Mehr Bänke mit Rückenlehne")
    assert answered.response == response and answered.status == Proposal.Status.PARTLY

    # The procedure's export from the workspace: the paper proposal and the response are in it.
    exports = page.get_by_role("region", name=ui("Exports"))
    with page.expect_download() as download:
        exports.get_by_role("link", name=f"CSV – {phoenix.title}").click()
    rows = list(csv.reader(io.StringIO(read_text(download.value)), delimiter=";"))
    cells = {cell for row in rows for cell in row}
    assert "Wasserspielplatz für kleine Kinder" in cells
    assert response in cells
    assert not {"Margarete Schulte", procedure(AP_215).title} & cells


def fill_consultation(page, title: str) -> None:
    page.locator('input[name="title_de"]').fill(title)
    page.locator('input[name="responsible_office"]').fill("Bezirksverwaltungsstelle Hörde")
    # Wagtail's script fills the slug from the title when the title loses focus: the form is
    # complete only then (submitted earlier, Wagtail answers 400).
    expect(page.locator('input[name="slug_de"]')).not_to_have_value("")
    start = timezone.localtime() + datetime.timedelta(days=7)
    page.locator('input[name="phases-0-title_de"]').fill("Beteiligung")
    page.locator('select[name="phases-0-kind"]').select_option("consultation")
    page.locator('input[name="phases-0-start"]').fill(start.strftime("%Y-%m-%d %H:%M"))
    end = start + datetime.timedelta(days=21)
    page.locator('input[name="phases-0-end"]').fill(end.strftime("%Y-%m-%d %H:%M"))
    # The date pickers open on their fields and close on a click beside them; open, they would
    # cover the footer's buttons.
    page.locator('input[name="phases-0-title_de"]').click()
    expect(page.locator(".xdsoft_datetimepicker").filter(visible=True)).to_have_count(0)


def read_text(download) -> str:
    with open(download.path(), encoding="utf-8-sig") as file:
        return file.read()


def test_hoerde_editor_is_refused_for_aplerbeck(page, page_guard, staff):
    district_editor = staff[HOERDE_GROUP]
    ap_215 = procedure(AP_215)
    aplerbeck = folder("aplerbeck")
    proposal = ProposalFactory(procedure=ap_215, title="Spielplatz an der Schweizer Allee")
    ReportFactory(contribution=proposal, reason="Falsche Behauptung über die Kita.")
    statement = Statement.objects.filter(procedure=ap_215).first()
    log_in(page, district_editor)

    # Aplerbeck's pages: no button to add one, and Wagtail refuses the edit and add views.
    page.goto(f"/admin/pages/{aplerbeck.pk}/")
    arrive(page, "Aplerbeck")
    expect(page.get_by_role("link", name="Unterseite hinzufügen")).to_have_count(0)
    refused(page, f"/admin/pages/{ap_215.pk}/edit/")
    refused(page, f"/admin/pages/add/participation/procedurepage/{aplerbeck.pk}/")

    # Aplerbeck's contributions and export: not listed, and not there by URL.
    for model, absent in [
        (Proposal, proposal.title),
        (Statement, statement.reference),
    ]:
        page.goto("/admin/")
        arrive(page, "MitWIRken in Dortmund")
        open_menu(page, ui("Contributions"), listing(model))
        arrive(page, listing(model))
        expect(page.get_by_text(absent)).to_have_count(0)
    main_menu(page).get_by_role("link", name=ui("Moderation")).click()
    arrive(page, listing(Report))
    expect(page.get_by_text("Falsche Behauptung über die Kita.")).to_have_count(0)
    main_menu(page).get_by_role("link", name=ui("Exports")).click()
    arrive(page, ui("Exports"))
    expect(page.get_by_role("cell", name=procedure(PHOENIX).title, exact=True)).to_be_visible()
    expect(page.get_by_text(ap_215.title)).to_have_count(0)
    for url in [
        reverse("participation_admin:workspace", args=[ap_215.pk]),
        reverse("participation_proposals:edit", args=[proposal.pk]),
        reverse("participation_moderation:moderate", args=["proposal", proposal.pk]),
        reverse("participation_statements:inspect", args=[statement.pk]),
        reverse("participation_statements:edit", args=[statement.pk]),
        reverse("participation_admin:export_csv", args=[ap_215.pk]),
    ]:
        not_found(page, page_guard, url)
    proposal.refresh_from_db()
    assert not proposal.response and not proposal.is_hidden


# The moderation -----------------------------------------------------------------------------


def test_moderation_hides_and_restores_and_sees_nothing_editorial(page, page_guard, staff):
    moderator = staff[MODERATION_GROUP]
    phoenix = procedure(PHOENIX)
    comment = Comment.objects.get(procedure=phoenix, text__startswith="Telefonisch")
    ReportFactory(contribution=comment, reason="Beleidigt die Nachbarschaft.")
    ap_215 = procedure(AP_215)
    proposal = ProposalFactory(procedure=ap_215, title="Kita zuerst bauen")
    ReportFactory(contribution=proposal, reason="Doppelt eingereicht.")
    statement = Statement.objects.filter(procedure=ap_215).first()
    log_in(page, moderator)

    # Only the queue in the menu: no pages, contributions, exports or statements.
    menu = main_menu(page)
    expect(menu.get_by_role("link", name=ui("Moderation"))).to_be_visible()
    for editorial in ("Seiten", ui("Contributions")):
        expect(menu.get_by_role("button", name=editorial, exact=True)).to_have_count(0)
    expect(menu.get_by_role("link", name=ui("Exports"))).to_have_count(0)

    # The queue holds the reports of every district.
    menu.get_by_role("link", name=ui("Moderation")).click()
    arrive(page, listing(Report))
    expect(page.get_by_role("link", name="Beleidigt die Nachbarschaft.")).to_be_visible()
    expect(page.get_by_role("link", name="Doppelt eingereicht.")).to_be_visible()

    # Hidden with a reason, then (found among the resolved reports) shown again.
    page.get_by_role("link", name="Beleidigt die Nachbarschaft.").click()
    arrive(page, ui("Moderate"))
    page.get_by_label(ui("Public reason")).fill("Persönlicher Angriff.")
    page.get_by_role("button", name=ui("Hide"), exact=True).click()
    expect(messages(page)).to_contain_text(ui("The contribution is hidden."))
    arrive(page, listing(Report))
    expect(page.get_by_role("link", name="Beleidigt die Nachbarschaft.")).to_have_count(0)
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_reason == "Persönlicher Angriff."
    page.goto("/admin/participation/moderation/?state=resolved")
    arrive(page, listing(Report))
    page.get_by_role("link", name="Beleidigt die Nachbarschaft.").click()
    arrive(page, ui("Moderate"))
    expect(page.get_by_text(ui("Hidden. The public sees:"))).to_be_visible()
    page.get_by_role("button", name=ui("Restore"), exact=True).click()
    expect(messages(page)).to_contain_text(ui("The contribution is shown again."))
    arrive(page, listing(Report))
    comment.refresh_from_db()
    assert not comment.is_hidden
    page.goto(phoenix.url)
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text(comment.text)
    axe(page)

    # A report dismissed: the proposal stays.
    page.goto("/admin/participation/moderation/")
    arrive(page, listing(Report))
    page.get_by_role("link", name="Doppelt eingereicht.").click()
    arrive(page, ui("Moderate"))
    page.get_by_role("button", name=ui("Dismiss reports")).click()
    expect(messages(page)).to_contain_text(ui("The reports are dismissed; the contribution stays."))
    arrive(page, listing(Report))
    expect(page.get_by_role("link", name="Doppelt eingereicht.")).to_have_count(0)
    proposal.refresh_from_db()
    assert not proposal.is_hidden

    # Formal statements carry names and addresses, and the workspaces are the editors': not
    # there for the moderation.
    for url in [
        reverse("participation_statements:inspect", args=[statement.pk]),
        reverse("participation_statements:edit", args=[statement.pk]),
        reverse("participation_admin:workspace", args=[ap_215.pk]),
    ]:
        not_found(page, page_guard, url)
    refused(page, reverse("participation_statements:index"))
