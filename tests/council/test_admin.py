"""The staff's view of the OParl import, as the Ombudsstelle meets it; nobody else sees it."""

import pytest
from django.urls import reverse
from kombu.exceptions import OperationalError

from mitwirken.council import tasks
from mitwirken.council.models import ImportRun
from tests.helpers import ui

pytestmark = pytest.mark.django_db
URL = reverse("council_imports")


def test_the_ombudsstelle_sees_the_runs_and_runs_the_import_now(client, ombudsstelle, oparl):
    oparl.faults["papers"] = "500"
    client.force_login(ombudsstelle)

    response = client.post(URL, follow=True)

    run = ImportRun.objects.get()
    assert (run.status, run.trigger) == (ImportRun.Status.PARTIAL, ImportRun.Trigger.STAFF)
    page = response.content.decode()
    assert ui("The import has been started.") in page
    assert "paper: " in page and "HTTP 500" in page
    assert ui("Run import now") in page


def test_a_second_run_now_while_one_runs_is_refused(client, ombudsstelle, oparl):
    ImportRun.objects.create(trigger=ImportRun.Trigger.SCHEDULE)
    client.force_login(ombudsstelle)

    response = client.post(URL, follow=True)

    assert ui("An import is already running.") in response.content.decode()
    assert ImportRun.objects.count() == 1


def test_a_broker_outage_is_said_and_breaks_nothing(client, ombudsstelle, oparl, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("Connection refused")

    monkeypatch.setattr(tasks.import_oparl, "delay", down)
    client.force_login(ombudsstelle)

    response = client.post(URL, follow=True)

    assert response.status_code == 200
    assert ui("The task queue cannot be reached: the import did not start. Try later.") in (
        response.content.decode()
    )
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize(
    ("role", "sent_to"),
    [("citizen", f"/admin/login/?next={URL}"), ("district_editor", "/admin/")],
)
def test_nobody_else_sees_or_starts_it(client, oparl, role, sent_to, request):
    client.force_login(request.getfixturevalue(role))

    assert client.get(URL).headers["Location"] == sent_to
    client.post(URL)
    assert not ImportRun.objects.exists()
