"""Staff see the outbox in Wagtail's admin, filter it, and send a failed mail again."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from mitwirken.notifications.models import Notification
from tests.factories.notifications import NotificationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """A request to an /en/ page leaves English active in the thread; the next test starts fresh."""
    yield
    translation.deactivate()


ERROR = "SMTPServerDisconnected: Connection unexpectedly closed"


@pytest.fixture
def failed():
    return NotificationFactory(
        email="gescheitert@example.org",
        status=Notification.Status.FAILED,
        attempts=6,
        last_error=ERROR,
    )


@pytest.fixture
def sent():
    return NotificationFactory(email="angekommen@example.org", status=Notification.Status.SENT)


@pytest.fixture
def staff_client(client, user_factory):
    client.force_login(user_factory(is_staff=True, is_superuser=True))
    return client


def staff_with(client, user_factory, *codenames):
    """A staff member who may use the admin and holds exactly these notification permissions."""
    group = Group.objects.create(name="Redaktion")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="notifications", codename__in=codenames),
    )
    person = user_factory(is_staff=True)
    person.groups.add(group)
    client.force_login(person)
    return client


def test_the_outbox_lists_the_rows_with_their_status(staff_client, failed, sent):
    html = staff_client.get(reverse("outbox:index")).content.decode()

    assert "gescheitert@example.org" in html and "angekommen@example.org" in html
    assert failed.message.subject in html
    # Nothing to add, edit or delete by hand.
    assert "outbox/new/" not in html and "outbox/edit/" not in html


def test_the_outbox_filters_by_status(staff_client, failed, sent):
    html = staff_client.get(reverse("outbox:index"), {"status": "failed"}).content.decode()

    assert "gescheitert@example.org" in html
    assert "angekommen@example.org" not in html


def test_the_outbox_filters_by_kind_and_reason(staff_client, failed, sent):
    sent.message.kind = "subscription.confirm"
    sent.message.save()

    by_kind = staff_client.get(reverse("outbox:index"), {"kind": "news.published"})
    by_reason = staff_client.get(reverse("outbox:index"), {"reason": "follow"})

    assert "gescheitert@example.org" in by_kind.content.decode()
    assert "angekommen@example.org" not in by_kind.content.decode()
    assert "gescheitert@example.org" not in by_reason.content.decode()


def test_the_outbox_is_searched_by_address(staff_client, failed, sent):
    html = staff_client.get(reverse("outbox:index"), {"q": "gescheitert"}).content.decode()

    assert "gescheitert@example.org" in html
    assert "angekommen@example.org" not in html


def test_the_inspect_view_shows_the_last_error(staff_client, failed):
    response = staff_client.get(reverse("outbox:inspect", args=[failed.pk]))

    assert response.status_code == 200
    assert ERROR in response.content.decode()
    assert f'action="{reverse("outbox:resend", args=[failed.pk])}"' in response.content.decode()


def test_a_failed_row_is_sent_again(staff_client, failed, django_capture_on_commit_callbacks):
    assert staff_client.get(reverse("outbox:resend", args=[failed.pk])).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("outbox:resend", args=[failed.pk]))

    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == Notification.Status.SENT
    assert failed.attempts == 1 and failed.last_error == ""
    assert [sent.to for sent in mail.outbox] == [["gescheitert@example.org"]]
    entry = ModelLogEntry.objects.get(action="notifications.resend")
    assert entry.object_id == str(failed.pk)
    assert entry.user is not None


def test_resending_only_puts_it_back_in_the_outbox(staff_client, failed):
    staff_client.post(reverse("outbox:resend", args=[failed.pk]))

    failed.refresh_from_db()
    assert failed.status == Notification.Status.PENDING
    assert failed.attempts == 0


def test_a_row_that_did_not_fail_is_not_sent_again(staff_client, sent):
    response = staff_client.post(reverse("outbox:resend", args=[sent.pk]))

    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == Notification.Status.SENT
    assert not ModelLogEntry.objects.filter(action="notifications.resend").exists()


def test_people_without_admin_access_get_nothing(client, user, failed):
    client.force_login(user)

    assert client.get(reverse("outbox:index")).status_code == 302
    assert client.post(reverse("outbox:resend", args=[failed.pk])).status_code == 302
    failed.refresh_from_db()
    assert failed.status == Notification.Status.FAILED


def test_staff_without_the_permission_do_not_see_the_outbox(client, user_factory, failed):
    staff_with(client, user_factory)

    response = client.get(reverse("outbox:index"))

    assert response.status_code == 302
    assert (
        "gescheitert@example.org" not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert reverse("outbox:index") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_staff_who_may_only_view_cannot_resend(client, user_factory, failed):
    staff_with(client, user_factory, "view_notification")

    assert client.get(reverse("outbox:index")).status_code == 200
    response = client.post(reverse("outbox:resend", args=[failed.pk]))

    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == Notification.Status.FAILED


def test_staff_with_the_change_permission_resend(client, user_factory, failed):
    staff_with(client, user_factory, "change_notification")

    client.post(reverse("outbox:resend", args=[failed.pk]))

    failed.refresh_from_db()
    assert failed.status != Notification.Status.FAILED


def test_follows_and_subscriptions_are_listed_for_staff(staff_client, user, district):
    from mitwirken.notifications.services import follow_create

    follow_create(user=user, target=district)

    html = staff_client.get(reverse("follows:index")).content.decode()
    assert "Hörde" in html
    assert staff_client.get(reverse("email_subscriptions:index")).status_code == 200
