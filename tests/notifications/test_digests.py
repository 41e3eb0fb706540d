import pytest
from django.core import mail

from mitwirken.notifications import services
from mitwirken.notifications.models import Frequency, Notification
from mitwirken.notifications.services import digests_build, follow_create, notify, preference_set
from mitwirken.pages.kinds import NEWS_PUBLISHED

pytestmark = pytest.mark.django_db


def announce(target, n):
    notify(
        NEWS_PUBLISHED,
        target=target,
        key=f"news:{n}",
        context={"page": {"title": f"Meldung {n}"}},
        url=f"/aktuelles/meldung-{n}/",
    )


def test_a_digest_groups_everything_since_the_last_one_into_one_mail(user_factory, district, topic):
    person = user_factory()
    follow_create(user=person, target=district)
    follow_create(user=person, target=topic)
    announce(district, 1)
    announce(topic, 2)
    announce(district, 3)

    assert digests_build(frequency=Frequency.DAILY) == 1
    services.notifications_send_pending()

    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == [person.email]
    assert digest.subject == "Ihre tägliche Übersicht: 3 neue Meldungen"
    for n in (1, 2, 3):
        assert f"Meldung {n}" in digest.body
        assert f"http://testserver/aktuelles/meldung-{n}/" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert set(Notification.objects.filter(reason="follow").values_list("status", flat=True)) == {
        "digested"
    }


def test_nothing_is_in_two_digests(user_factory, district):
    person = user_factory()
    follow_create(user=person, target=district)
    announce(district, 1)
    digests_build(frequency=Frequency.DAILY)
    assert digests_build(frequency=Frequency.DAILY) == 0

    announce(district, 2)
    digests_build(frequency=Frequency.DAILY)
    services.notifications_send_pending()

    assert len(mail.outbox) == 2
    assert "Meldung 1" in mail.outbox[0].body and "Meldung 2" not in mail.outbox[0].body
    assert "Meldung 2" in mail.outbox[1].body and "Meldung 1" not in mail.outbox[1].body


def test_weekly_and_daily_readers_get_their_own_digest(user_factory, district):
    daily, weekly = user_factory(), user_factory()
    for person in (daily, weekly):
        follow_create(user=person, target=district)
    preference_set(user=weekly, kind="news.published", frequency=Frequency.WEEKLY)
    announce(district, 1)

    digests_build(frequency=Frequency.DAILY)
    services.notifications_send_pending()
    assert [m.to for m in mail.outbox] == [[daily.email]]

    digests_build(frequency=Frequency.WEEKLY)
    services.notifications_send_pending()
    assert [m.to for m in mail.outbox] == [[daily.email], [weekly.email]]
    assert mail.outbox[1].subject == "Ihre wöchentliche Übersicht: 1 neue Meldung"


def test_unsubscribing_from_a_digest_switches_its_kinds_off(user_factory, district):
    person = user_factory()
    follow_create(user=person, target=district)
    announce(district, 1)
    digests_build(frequency=Frequency.DAILY)
    digest = Notification.objects.get(reason="digest")

    from mitwirken.notifications.mail import unsubscribe_token

    said = services.unsubscribe(token=unsubscribe_token(digest))
    assert "Übersicht" in said
    announce(district, 2)
    assert not Notification.objects.filter(message__subject__contains="Meldung 2").exists()
