"""The same invitation's "Send" pressed twenty times at once, through the live server on
PostgreSQL: one response is stored, the other requests hear that it was answered."""

import pytest
from django.test import Client

from evaluation.models import Invitation, Response
from mitwirken.pages.kit import route_url
from tests.factories.evaluation import EvaluationIndexPageFactory, InvitationFactory
from tests.factories.pages import HomePageFactory
from tests.participation.test_races import CONCURRENT, all_at_once, postgresql_only


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_one_link_sent_twenty_times_at_once_stores_one_response(live_server, wagtail_rows):
    HomePageFactory()
    page = EvaluationIndexPageFactory()
    invitation = InvitationFactory()
    url = route_url(page, "survey_invitation", invitation.token)
    Invitation.objects.filter(pk=invitation.pk).update(draft={"fair": "4", "heard": "1"})
    csrf = Client().get(url).cookies["csrftoken"].value
    data = {"page": "2", "action": "send", "age": "42"}

    statuses = all_at_once([(f"{live_server.url}{url}", {"csrftoken": csrf}, data)] * CONCURRENT)

    assert sorted(statuses) == [200] * (CONCURRENT - 1) + [302]
    assert Response.objects.get().answers == {"fair": "4", "heard": "1", "age": 42}
    assert Invitation.objects.get().answered_at is not None
