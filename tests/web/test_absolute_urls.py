"""Every link that leaves the site starts with the portal's address: the ``BASE_URL`` setting,
else the default Wagtail site's host name and port; never the host a request came in on."""

import re

import pytest
from django.core import mail
from wagtail.models import Site

from mitwirken.notifications.mail import email_build
from mitwirken.notifications.models import Notification
from mitwirken.notifications.services import notify_address
from mitwirken.web.links import absolute_url, site_root_url
from participation.kinds import STATEMENT_RECEIVED
from tests.factories.participation import EventFactory, ProcedurePageFactory
from tests.helpers import statement_data

pytestmark = pytest.mark.django_db

ELSEWHERE = "http://beteiligung.example:8443"


@pytest.fixture
def elsewhere(settings, home_page):
    """No BASE_URL; the default site is beteiligung.example on port 8443. Requests still come
    in on the test client's host, ``testserver``."""
    settings.BASE_URL = ""
    Site.objects.filter(is_default_site=True).update(hostname="beteiligung.example", port=8443)
    return ELSEWHERE


def links_in(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"<>]+", text)


def test_the_site_gives_the_address_and_its_port_the_scheme(settings, home_page):
    settings.BASE_URL = ""
    site = Site.objects.get(is_default_site=True)

    for port, root in [(8443, "http://b.example:8443"), (443, "https://b.example")]:
        site.hostname, site.port = "b.example", port
        site.save()
        assert site_root_url() == root
    assert absolute_url("/beteiligung/") == "https://b.example/beteiligung/"
    assert absolute_url("https://other.example/x/") == "https://other.example/x/"


def test_base_url_comes_before_the_site(settings, elsewhere):
    settings.BASE_URL = "https://mitwirken.dortmund.de/"

    assert absolute_url("/beteiligung/") == "https://mitwirken.dortmund.de/beteiligung/"


def test_the_ical_file_links_the_procedure_on_the_sites_address(client, elsewhere):
    procedure = ProcedurePageFactory(title="Westpark")
    event = EventFactory(procedure=procedure)

    body = client.get(f"{procedure.url}veranstaltung/{event.pk}/ical/").content.decode()

    lines = body.replace("\r\n ", "").split("\r\n")
    assert f"URL:{elsewhere}{procedure.url}" in lines
    assert f"UID:event-{event.pk}@beteiligung.example" in lines
    assert "testserver" not in body


def test_a_receipt_links_the_procedure_on_the_sites_address(
    client, elsewhere, django_capture_on_commit_callbacks
):
    procedure = ProcedurePageFactory(kind="land_use")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{procedure.url}stellungnahme/", statement_data(email="erika@example.org"))

    [receipt] = mail.outbox
    assert f"{elsewhere}{procedure.url}" in links_in(receipt.body)
    html = receipt.alternatives[0][0]
    assert links_in(html) and all(link.startswith(elsewhere) for link in links_in(html))
    assert "testserver" not in receipt.body + html


def test_the_unsubscribe_link_is_on_the_sites_address(elsewhere):
    notify_address(
        STATEMENT_RECEIVED, email="x@example.org", language="de", key="t", context={}, url="/"
    )
    row = Notification.objects.get()
    row.reason = "follow"  # a mail people subscribed to, which carries the one-click header

    built = email_build(row)

    assert built.extra_headers["List-Unsubscribe"].startswith(f"<{elsewhere}/")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_allauths_mails_link_to_the_sites_address(client, user, elsewhere, prefix):
    client.post(f"{prefix}/accounts/password/reset/", {"email": user.email})

    [message] = mail.outbox
    links = links_in(message.body)
    assert any("/password/reset/key/" in link for link in links)
    assert links and all(link.startswith(elsewhere) for link in links)
    assert "testserver" not in message.body


def test_the_sign_up_confirmation_links_to_the_sites_address(client, elsewhere):
    client.post(
        "/accounts/signup/",
        {
            "email": "kiezkind@example.org",
            "display_name": "Kiezkind",
            "password1": "Phoenix-See-am-Abend-77",
            "password2": "Phoenix-See-am-Abend-77",
        },
    )

    [message] = mail.outbox
    confirm = f"{elsewhere}/accounts/confirm-email/"
    assert any(link.startswith(confirm) for link in links_in(message.body))
    assert "testserver" not in message.body


def test_robots_txt_names_the_sitemap_on_the_sites_address(client, elsewhere):
    text = client.get("/robots.txt").content.decode()

    assert f"Sitemap: {elsewhere}/sitemap.xml" in text


def test_the_sitemap_lists_pages_on_the_sites_address(client, elsewhere):
    xml = client.get("/sitemap.xml").content.decode()

    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert locations and all(location.startswith(elsewhere) for location in locations)
