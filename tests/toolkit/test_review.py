"""Keeping the Instrumentenkoffer current: a report of formats due for review, and one reminder
per format and review date to whoever keeps it current."""

import datetime

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from mitwirken.notifications.models import Notification
from tests.factories.toolkit import FormatPageFactory
from tests.helpers import admin_access
from toolkit.models import ReviewReminder, ToolkitSettings
from toolkit.services import review_reminders_send
from toolkit.tasks import send_review_reminders

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)
LONG_AGO = datetime.date(2024, 3, 1)


@pytest.fixture
def reviewer(user_factory):
    return user_factory(email="pruefer@example.org", display_name="Prüfer", language="en")


def send(django_capture_on_commit_callbacks, today=TODAY) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return review_reminders_send(today=today)


# The report -------------------------------------------------------------------------------------


def test_the_report_lists_overdue_and_never_reviewed_formats_only(client, editor, reviewer, index):
    overdue = FormatPageFactory(
        title="Überfällig",
        last_reviewed=timezone.localdate() - datetime.timedelta(days=500),
        reviewer=reviewer,
    )
    never = FormatPageFactory(title="Nie geprüft", last_reviewed=None)
    FormatPageFactory(title="Frisch geprüft")
    client.force_login(editor)

    response = client.get(reverse("toolkit_review_due"))

    html = response.content.decode()
    assert response.status_code == 200
    assert [page.pk for page in response.context["object_list"]] == [never.pk, overdue.pk]
    assert "Frisch geprüft" not in html
    assert reverse("wagtailadmin_pages:edit", args=[overdue.pk]) in html
    assert reviewer.get_full_name() in html


def test_the_report_follows_the_setting(client, editor, index):
    FormatPageFactory(
        title="Vor zwei Monaten", last_reviewed=timezone.localdate() - datetime.timedelta(days=62)
    )
    client.force_login(editor)
    assert list(client.get(reverse("toolkit_review_due")).context["object_list"]) == []

    settings = ToolkitSettings.for_site(Site.objects.get(is_default_site=True))
    settings.review_months = 1
    settings.save()

    titles = [
        page.title for page in client.get(reverse("toolkit_review_due")).context["object_list"]
    ]
    assert titles == ["Vor zwei Monaten"]


def test_the_report_is_in_the_reports_menu_for_editors(client, editor):
    client.force_login(editor)

    home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("toolkit_review_due") in home


def test_staff_without_page_permissions_do_not_see_the_report(client, user_factory, index):
    person = user_factory()
    person.user_permissions.add(admin_access())
    client.force_login(person)

    response = client.get(reverse("toolkit_review_due"))

    assert response.status_code == 302
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("toolkit_review_due") not in home


# Reminders --------------------------------------------------------------------------------------


def test_the_reviewer_is_reminded_once(reviewer, index, django_capture_on_commit_callbacks):
    page = FormatPageFactory(title="Online-Umfrage", last_reviewed=LONG_AGO, reviewer=reviewer)
    FormatPageFactory(title="Frisch", last_reviewed=TODAY - datetime.timedelta(days=10))

    assert send(django_capture_on_commit_callbacks) == 1
    assert send(django_capture_on_commit_callbacks) == 0

    assert [message.to for message in mail.outbox] == [["pruefer@example.org"]]
    assert "Online-Umfrage" in mail.outbox[0].subject
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in mail.outbox[0].body
    notification = Notification.objects.get()
    assert notification.message.kind == "toolkit.review_due"
    assert notification.user == reviewer
    assert ReviewReminder.objects.get().review == LONG_AGO.isoformat()


def test_a_new_review_date_makes_the_next_reminder_possible(
    reviewer, index, django_capture_on_commit_callbacks
):
    page = FormatPageFactory(last_reviewed=LONG_AGO, reviewer=reviewer)
    assert send(django_capture_on_commit_callbacks) == 1

    page.last_reviewed = TODAY
    page.save_revision().publish()
    assert send(django_capture_on_commit_callbacks) == 0  # just reviewed
    a_year_later = TODAY + datetime.timedelta(days=400)
    assert send(django_capture_on_commit_callbacks, today=a_year_later) == 1
    assert send(django_capture_on_commit_callbacks, today=a_year_later) == 0

    assert len(mail.outbox) == 2
    assert sorted(ReviewReminder.objects.values_list("review", flat=True)) == [
        LONG_AGO.isoformat(),
        TODAY.isoformat(),
    ]


def test_without_a_reviewer_the_editors_are_reminded(
    editor, index, django_capture_on_commit_callbacks
):
    FormatPageFactory(last_reviewed=None)

    assert send(django_capture_on_commit_callbacks) == 1

    assert [message.to for message in mail.outbox] == [["redaktion@example.org"]]
    assert ReviewReminder.objects.get().review == "never"


def test_without_reviewer_or_editors_the_staff_mailbox_is_reminded(
    index, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_EMAIL = "ombudsstelle@example.org"
    FormatPageFactory(last_reviewed=LONG_AGO)

    assert send(django_capture_on_commit_callbacks) == 1

    assert [message.to for message in mail.outbox] == [["ombudsstelle@example.org"]]


def test_unpublished_formats_are_not_reminded_of(
    reviewer, index, django_capture_on_commit_callbacks
):
    FormatPageFactory(last_reviewed=LONG_AGO, reviewer=reviewer).unpublish()

    assert send(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_the_daily_task_sends_the_reminders(reviewer, index, django_capture_on_commit_callbacks):
    FormatPageFactory(last_reviewed=None, reviewer=reviewer)

    with django_capture_on_commit_callbacks(execute=True):
        assert send_review_reminders.delay().get() == 1

    assert len(mail.outbox) == 1


def test_beat_runs_the_task_every_morning():
    entry = django_settings.CELERY_BEAT_SCHEDULE["toolkit-review-reminders"]

    assert entry["task"] == "toolkit.tasks.send_review_reminders"
    assert entry["schedule"].hour == {8}
    assert entry["schedule"].minute == {30}
