"""Training in Chromium: an active citizen finds a session through the Wegweiser, registers,
gets the mail, cancels from its link, and the first on the waiting list is offered the place;
a trainer records attendance and the attendee downloads a certificate whose code verifies.
axe checks every page; nothing is requested from another origin."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import ngettext
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.training import EnrolmentFactory, SessionFactory
from tests.helpers import ui
from training import services
from training.models import Enrolment, Session, Trainer, TrainingModulePage

from .audit import axe, axe_admin, horizontal_overflow, wide_elements
from .test_staff_roles import DEMO_STAFF
from .test_wegweiser import answer

pytestmark = pytest.mark.browser

MODULE = "digitale-buergerdialoge-moderieren"


def log_in(page, email: str, password: str = DEFAULT_PASSWORD) -> None:
    """Through the site's login form, as the person types it (the page leads back)."""
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    axe(page)
    form = page.locator("form", has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("[type=submit]").click()


def test_a_citizen_registers_then_cancels_from_the_mail_and_the_next_in_line_is_offered_the_place(
    page, demo_content
):
    module = TrainingModulePage.objects.get(slug=MODULE)
    session = Session.objects.with_places().get(module=module, district__slug="hoerde")
    session.capacity = session.taken + 1  # the citizen takes the last place
    session.save(update_fields=["capacity"])
    citizen = UserFactory(email="aktive@example.org", display_name="Aktive aus Hörde")
    next_in_line = UserFactory(email="naechste@example.org")

    # The Wegweiser: learn how to take part, in Hörde.
    page.goto("/wegweiser/")
    axe(page)
    answer(page, intent="learn how to participate", where="Hörde", how="either way")
    trainings = page.get_by_role("region", name=ui("Trainings"), exact=True)
    expect(trainings.get_by_role("link", name=module.title).first).to_be_visible()
    axe(page)
    trainings.get_by_role("link", name=module.title).first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
    axe(page)
    assert horizontal_overflow(page) is None, wide_elements(page)
    card = page.locator(f"#session-{session.pk}")
    expect(card).to_contain_text(ngettext("%(counter)s place left", "", 1) % {"counter": 1})
    card.get_by_role("link", name=re.compile(ui("Log in to register"))).click()
    log_in(page, citizen.email)

    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
    axe(page)
    card = page.locator(f"#session-{session.pk}")
    card.get_by_role("button", name=re.compile("^" + ui("Register for this session"))).click()
    expect(page.get_by_role("status").first).to_contain_text(module.title)
    expect(card).to_contain_text(ui("You are registered."))
    axe(page)

    # The next person finds the session full and waits.
    services.enrolment_register(session=session, user=next_in_line)

    # The confirmation mail: the session as a calendar file, and a link to cancel.
    [confirmation] = [sent for sent in mail.outbox if sent.to == [citizen.email]]
    [(filename, calendar, _type)] = confirmation.attachments
    assert filename.endswith(".ics") and "BEGIN:VEVENT" in calendar
    cancel_link = re.search(r"https?://\S+/anmeldung/\S+/", confirmation.body).group(0)

    # Cancelled from the mail's link, in a browser where nobody is logged in.
    page.context.clear_cookies()
    page.goto(cancel_link)
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("Cancel your place"))
    axe(page)
    page.get_by_role("button", name=ui("Cancel my place")).click()
    expect(page.get_by_role("status").first).to_contain_text(module.title)
    axe(page)

    waiting = Enrolment.objects.get(session=session, user=next_in_line)
    assert Enrolment.objects.get(session=session, user=citizen).status == "cancelled"
    assert waiting.status == "offered"
    offers = [sent for sent in mail.outbox if sent.to == [next_in_line.email]]
    assert len(offers) == 2  # on the waiting list, then the place offered
    assert "/anmeldung/" in offers[-1].body


def test_a_trainer_records_attendance_and_the_certificate_verifies(page, demo_content):
    trainer = Trainer.objects.select_related("user").get(user__email="schulung@demo.example.org")
    module = TrainingModulePage.objects.get(slug=MODULE)
    start = timezone.now() - datetime.timedelta(hours=3)
    session = SessionFactory(
        module=module,
        start=start,
        end=start + datetime.timedelta(hours=2),
        registration_deadline=start - datetime.timedelta(days=1),
    )
    session.trainers.add(trainer)
    attendee = UserFactory(email="teilnehmerin@example.org", display_name="Teilnehmerin")
    EnrolmentFactory(session=session, user=attendee)

    # The trainer, from the dashboard's list of attendance to record.
    page.goto("/admin/login/")
    axe_admin(page)
    page.get_by_label("E-Mail-Adresse").fill(trainer.user.email)
    page.get_by_label("Passwort").fill(DEMO_STAFF["password"])
    page.get_by_role("button", name="Anmelden").click()
    panel = page.locator(
        "section, div", has=page.get_by_role("heading", name=ui("Attendance to record"))
    ).last
    expect(panel).to_be_visible()
    axe_admin(page)
    page.goto(f"/admin/training/sessions/{session.pk}/participants/")
    axe_admin(page)
    page.get_by_role("checkbox", name="Teilnehmerin").check()
    page.get_by_role("button", name=ui("Save attendance")).click()
    expect(page.get_by_role("checkbox", name="Teilnehmerin")).to_be_checked()
    axe_admin(page)
    code = Enrolment.objects.get(session=session, user=attendee).certificate_code
    assert code

    # The attendee downloads the certificate from "My trainings".
    page.context.clear_cookies()
    page.goto("/schulungen/meine-schulungen/")
    log_in(page, attendee.email)
    expect(page.get_by_role("heading", level=1)).to_have_text(ui("My trainings"))
    axe(page)
    page.get_by_label(ui("Name on the certificate")).fill("Maria Musterfrau")
    with page.expect_download() as download:
        page.get_by_role(
            "button", name=re.compile(re.escape(ui("Download certificate (PDF)")))
        ).click()
    text = PdfReader(download.value.path()).pages[0].extract_text()
    assert "Maria Musterfrau" in text and code in text

    # Anyone checks the code.
    page.goto("/schulungen/bescheinigung/")
    axe(page)
    page.get_by_label(ui("Verification code")).fill(code.lower())
    page.get_by_role("button", name=ui("Check")).click()
    expect(page.get_by_text(ui("This certificate is valid."))).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Maria Musterfrau")
    expect(page.get_by_role("main")).to_contain_text(module.title)
    axe(page)
