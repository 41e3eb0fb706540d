"""Certificates of participation: the code, the PDF, "My trainings" with its download and
cancel button, and the public check of a code."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from pypdf import PdfReader

from mitwirken.pages.kit import route_url
from tests.factories.accounts import UserFactory
from tests.factories.training import EnrolmentFactory, SessionFactory, TrainerFactory
from tests.helpers import ui
from training import services
from training.certificates import certificate_pdf
from training.models import Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(home_page):
    """The Schulungen below the home page of the default site, as the portal has them."""
    return home_page


def attended(user, **session_fields) -> Enrolment:
    """``user`` attended a session that ended yesterday, and has the certificate."""
    start = timezone.now() - datetime.timedelta(days=1)
    session = SessionFactory(
        start=start, registration_deadline=start - datetime.timedelta(days=1), **session_fields
    )
    enrolment = EnrolmentFactory(session=session, user=user)
    services.attendance_record(session=session, attended_ids=[enrolment.pk], by=None)
    enrolment.refresh_from_db()
    return enrolment


def index_of(enrolment):
    return enrolment.session.module.get_parent().specific


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_codes_are_short_readable_and_different():
    codes = {services.certificate_code_new() for _ in range(200)}

    assert len(codes) == 200
    assert all(re.fullmatch(r"TN-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", code) for code in codes)


def test_the_pdf_names_the_participant_the_module_and_the_code(citizen):
    enrolment = attended(citizen)
    enrolment.session.trainers.add(TrainerFactory(name="Dilara Demir"))
    Enrolment.objects.filter(pk=enrolment.pk).update(certificate_name="Олена Коваленко-Schütz")
    enrolment.refresh_from_db()

    text = pdf_text(certificate_pdf(enrolment))

    assert "Олена Коваленко-Schütz" in text
    assert enrolment.session.module.title in text
    assert enrolment.certificate_code in text
    assert "Dilara Demir" in text
    assert "Teilnahmebescheinigung" in text or ui("Certificate of participation", "de") in text


def test_the_pdf_is_in_the_participants_language(citizen):
    citizen.language = "en"
    citizen.save()
    enrolment = attended(citizen)

    text = pdf_text(certificate_pdf(enrolment))

    assert ui("Certificate of participation", "en") in text
    assert "/en/" in text.replace("\n", "")  # the verification address in English


def test_my_trainings_lists_my_sessions_with_their_status(client, citizen):
    waiting = EnrolmentFactory(user=citizen, status="waiting")
    done = attended(citizen)
    EnrolmentFactory()  # someone else's
    client.force_login(citizen)

    response = client.get(route_url(index_of(done), "my_trainings"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert waiting.session.module.title in html and done.session.module.title in html
    assert capfirst(ui("on the waiting list")) in html
    assert ui("Leave the waiting list") in html
    assert ui("Download certificate (PDF)") in html
    assert f'value="{citizen.display_name}"' in html  # the name to print, prefilled
    assert html.count('class="kern-card"') == 2


def test_my_trainings_asks_a_visitor_to_log_in(client, training_index_page):
    response = client.get(route_url(training_index_page, "my_trainings"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_schulungen_link_my_trainings_for_signed_in_people(
    client, citizen, training_index_page
):
    link = f'href="{route_url(training_index_page, "my_trainings")}"'
    assert link not in client.get(training_index_page.url).content.decode()

    client.force_login(citizen)

    assert link in client.get(training_index_page.url).content.decode()


def test_my_trainings_reads_as_many_queries_for_100_sessions_as_for_10(
    client, django_assert_max_num_queries
):
    few, many = UserFactory(), UserFactory()
    for person, count in ((few, 10), (many, 100)):
        for _ in range(count):
            EnrolmentFactory(user=person, session=SessionFactory())
    index = index_of(Enrolment.objects.first())
    url = route_url(index, "my_trainings")
    client.force_login(few)
    client.get(url)

    with django_assert_max_num_queries(15) as counted:
        client.get(url)
    few_queries = len(counted)  # now: the log of queries keeps only the latest
    client.force_login(many)
    client.get(url)  # the session's own first reads
    with django_assert_max_num_queries(few_queries):
        response = client.get(url)
    assert response.content.decode().count('class="kern-card"') == 100


def test_the_participant_downloads_the_certificate_with_the_name_they_give(client, citizen):
    enrolment = attended(citizen)
    client.force_login(citizen)
    url = route_url(index_of(enrolment), "my_certificate", enrolment.pk)

    response = client.post(url, {"name": "Kim Yılmaz"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Kim Yılmaz" in pdf_text(response.content)
    enrolment.refresh_from_db()
    assert enrolment.certificate_name == "Kim Yılmaz"


def test_nobody_else_downloads_a_certificate(client, citizen):
    enrolment = attended(citizen)
    url = route_url(index_of(enrolment), "my_certificate", enrolment.pk)

    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Fremd"}).status_code == 404


def test_no_certificate_without_attendance(client, citizen):
    enrolment = EnrolmentFactory(user=citizen)
    client.force_login(citizen)
    url = route_url(index_of(enrolment), "my_certificate", enrolment.pk)

    assert client.get(url).status_code == 404


def test_my_trainings_cancels_and_confirms_through_the_module_pages_routes(client, citizen):
    mine = EnrolmentFactory(user=citizen)
    offered = EnrolmentFactory(
        user=citizen, status="offered", offered_until=timezone.now() + datetime.timedelta(hours=5)
    )
    client.force_login(citizen)
    html = client.get(route_url(index_of(mine), "my_trainings")).content.decode()

    cancel = route_url(mine.session.module, "enrol_cancel", mine.pk)
    confirm = route_url(offered.session.module, "enrol_confirm", offered.pk)
    assert f'action="{cancel}"' in html and f'action="{confirm}"' in html
    client.post(cancel)
    client.post(confirm)

    mine.refresh_from_db()
    offered.refresh_from_db()
    assert mine.status == Enrolment.Status.CANCELLED
    assert offered.status == Enrolment.Status.CONFIRMED


def test_anyone_checks_a_valid_code_and_sees_no_e_mail_address(client, citizen):
    enrolment = attended(citizen)
    index = index_of(enrolment)

    # Typed in lower case without dashes, sent with the form.
    typed = enrolment.certificate_code.replace("-", "").lower()
    response = client.get(route_url(index, "certificate_check"), {"code": typed}, follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert ui("This certificate is valid.") in html
    assert citizen.display_name in html and enrolment.session.module.title in html
    assert citizen.email not in html


def test_an_unknown_code_or_one_not_attended_is_invalid(client, citizen):
    enrolment = attended(citizen)
    Enrolment.objects.filter(pk=enrolment.pk).update(attended=False)
    index = index_of(enrolment)

    for code in (enrolment.certificate_code, "TN-2222-3333"):
        response = client.get(route_url(index, "certificate_check_code", code))
        assert response.status_code == 404
        assert ui("No valid certificate has this code.") in response.content.decode()


def test_checking_codes_is_rate_limited(client, settings, training_index_page):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "training.certificate_check": (3, 3600)}
    url = route_url(training_index_page, "certificate_check_code", "TN-2222-3333")

    statuses = [client.get(url).status_code for _ in range(4)]

    assert statuses == [404, 404, 404, 429]
