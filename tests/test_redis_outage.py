"""The portal stays up when Redis is down: pages render (for visitors without the page cache),
contributions are saved, the mail they cause waits in the outbox and goes out once Redis is
back, and /healthz says quickly what failed.

Redis is "down" in two ways: refused (nothing listens on the port) and hung (a server that
accepts connections and never answers, as a Redis does that is stuck or behind a dead route)."""

import os
import socket
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from mitwirken.celery import app as celery_app
from mitwirken.notifications.models import Notification
from mitwirken.notifications.tasks import send_pending
from mitwirken.settings.base import redis_cache
from participation.models import Proposal, Statement
from tests.factories.participation import ProcedurePageFactory

REFUSED = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def hung():
    """The address of a server that accepts connections and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"


@pytest.fixture
def redis_down(settings, celery_broker):
    """``redis_down(url)``: cache and broker at ``url``, which does not work."""

    def down(url: str) -> None:
        settings.CACHES = {"default": redis_cache(url)}
        celery_broker(url)

    return down


@pytest.fixture
def procedures(wagtail_rows, home_page):
    return (
        ProcedurePageFactory(title="Westpark"),
        ProcedurePageFactory(title="Bebauungsplan Hö 123", kind="land_use"),
    )


@pytest.fixture
def citizen(client, citizen):
    """The citizen, logged in."""
    client.force_login(citizen)
    return citizen


def timed(request, *args, **kwargs):
    """The response of ``request(*args, **kwargs)`` and the seconds it took."""
    started = time.monotonic()
    response = request(*args, **kwargs)
    return response, time.monotonic() - started


def contribute(client, procedures) -> tuple[Statement, float]:
    """Read the procedure, propose, and hand in a formal statement, as a citizen would; the
    statement and the longest time a response took."""
    procedure, formal = procedures
    page, read = timed(client.get, procedure.url)
    assert page.status_code == 200
    assert "Westpark" in page.content.decode()

    response, proposed = timed(
        client.post,
        f"{procedure.url}vorschlag/",
        {"title": "Mehr Bänke", "text": "Am Teich fehlen Bänke zum Ausruhen."},
    )
    assert response.status_code == 302
    assert "Mehr Bänke" in client.get(response["Location"]).content.decode()
    assert Proposal.objects.get().title == "Mehr Bänke"

    # The receipt is queued after the commit: the broker is asked, and gives up quickly.
    response, stated = timed(
        client.post,
        f"{formal.url}stellungnahme/",
        {
            "text": "Ich erhebe Einwendungen gegen die Höhe der Bebauung.",
            "name": "Erika Mustermann",
            "street": "Friedensplatz 1",
            "postcode": "44135",
            "city": "Dortmund",
        },
    )
    assert response.status_code == 302
    statement = Statement.objects.get()
    assert statement.reference in client.get(response["Location"]).content.decode()
    return statement, max(read, proposed, stated)


@pytest.mark.django_db(transaction=True)
def test_pages_render_and_contributions_are_saved_while_redis_refuses(
    client, procedures, citizen, redis_down
):
    redis_down(REFUSED)
    _, slowest = contribute(client, procedures)
    assert slowest < 2
    receipt = Notification.objects.get()
    assert receipt.email == citizen.email
    assert receipt.status == "pending" and mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_contributions_are_saved_while_redis_hangs(client, procedures, citizen, redis_down, hung):
    redis_down(hung)
    _, slowest = contribute(client, procedures)
    # One cache timeout (then the cache is skipped), and one broker timeout for the receipt.
    assert slowest < 4
    assert Notification.objects.get().status == "pending"


@pytest.mark.django_db
@pytest.mark.parametrize("down", ["refused", "hung"])
def test_visitors_get_every_page_rendered_while_redis_is_down(
    client, procedures, redis_down, hung, down
):
    """The page cache finds nothing and keeps nothing: each page is rendered, as without it."""
    redis_down(REFUSED if down == "refused" else hung)
    procedure, formal = procedures
    slowest = 0.0
    for _visit in range(2):
        for url in ("/", procedure.url, formal.url):
            response, seconds = timed(client.get, url)
            assert response.status_code == 200
            assert response.context is not None  # rendered
            slowest = max(slowest, seconds)
    # A hung Redis costs one timeout; then it is not asked again for a while.
    assert slowest < 2
    assert "public" in response["Cache-Control"]


@pytest.mark.services
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs the real Redis (REDIS_URL)")
@pytest.mark.django_db(transaction=True)
def test_the_mail_of_a_contribution_goes_out_once_redis_is_back(
    client, procedures, citizen, redis_down, settings, celery_broker
):
    caches, broker = settings.CACHES, settings.CELERY_BROKER_URL
    redis_down(REFUSED)
    statement, _ = contribute(client, procedures)
    assert mail.outbox == []

    # Redis is back: the sweep that beat runs every minute sends what waited, on a real worker.
    settings.CACHES = caches
    celery_broker(broker)
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        send_pending.delay()
        deadline = time.monotonic() + 20
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.1)
    assert [message.to for message in mail.outbox] == [[citizen.email]]
    assert statement.reference in mail.outbox[0].subject
    assert Notification.objects.get().status == "sent"


@pytest.mark.django_db
@pytest.mark.parametrize("down", ["refused", "hung"])
def test_healthz_names_cache_and_broker_within_two_seconds(client, redis_down, hung, down):
    redis_down(REFUSED if down == "refused" else hung)
    started = time.monotonic()
    response = client.get("/healthz")
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache", "broker"]
    assert response.json()["checks"]["database"] == "ok"
    assert elapsed < 2
