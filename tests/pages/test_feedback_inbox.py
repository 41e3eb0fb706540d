"""Accessibility feedback as an inbox in the admin: the Ombudsstelle lists it (the oldest open
message first), reads each message beside the form that answers it, and the sender gets the
answer by e-mail once, after commit. Other staff never reach it. The statement promises a
response time, and feedback older than that is overdue."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from mitwirken.notifications.models import Notification
from mitwirken.pages.models import Feedback
from mitwirken.pages.selectors import feedback_open, feedback_overdue, feedback_response_days
from mitwirken.pages.services import feedback_answer
from tests.factories.pages import AccessibilityStatementPageFactory, FeedbackFactory
from tests.helpers import admin_access, parsed, text_of, ui

pytestmark = pytest.mark.django_db

INDEX = "accessibility_feedback:index"
EDIT = "accessibility_feedback:edit"
DAY = datetime.timedelta(days=1)
SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def staff_client(client, ombudsstelle):
    client.force_login(ombudsstelle)
    return client


@pytest.fixture
def feedback():
    return FeedbackFactory(
        message="Das Video auf der Startseite hat keine Untertitel.\nBitte ergänzen.",
        name="Alex Beispiel",
        email="alex@example.org",
        page_url="http://testserver/barrierefreiheit/",
    )


def edit_url(feedback):
    return reverse(EDIT, args=[feedback.pk])


def answer(client, feedback, *, status="answered", text="Wir ergänzen die Untertitel bis Mai."):
    return client.post(edit_url(feedback), {"status": status, "answer": text})


# The listing ------------------------------------------------------------------------------------


def test_the_listing_shows_open_feedback_oldest_first_then_the_answered(staff_client):
    now = timezone.now()
    answered = FeedbackFactory(status=Feedback.Status.ANSWERED, created_at=now - 40 * DAY)
    newer = FeedbackFactory(created_at=now - 2 * DAY)
    older = FeedbackFactory(status=Feedback.Status.IN_PROGRESS, created_at=now - 10 * DAY)
    answered_later = FeedbackFactory(status=Feedback.Status.ANSWERED, created_at=now - DAY)

    response = staff_client.get(reverse(INDEX))

    assert response.status_code == 200
    rows = [row.pk for row in response.context["object_list"]]
    assert rows == [older.pk, newer.pk, answered_later.pk, answered.pk]
    html = response.content.decode()
    assert edit_url(older) in html
    assert older.excerpt() in html


def test_the_listing_shows_when_each_answer_is_due_and_which_are_overdue(staff_client, home_page):
    AccessibilityStatementPageFactory(response_days=14)
    now = timezone.now()
    FeedbackFactory(created_at=now - 15 * DAY)
    FeedbackFactory(created_at=now - 2 * DAY)

    response = staff_client.get(reverse(INDEX))

    cells = [text_of(cell) for cell in parsed(response).select("tbody td")]
    overdue = ui("%(date)s (overdue)") % {
        "date": timezone.localtime(now - DAY).strftime("%d.%m.%Y")
    }
    assert overdue in cells
    assert timezone.localtime(now + 12 * DAY).strftime("%d.%m.%Y") in cells


def test_the_listing_filters_by_status(staff_client):
    FeedbackFactory(status=Feedback.Status.ANSWERED, answer="Erledigt.")
    waiting = FeedbackFactory(status=Feedback.Status.IN_PROGRESS)
    FeedbackFactory()

    response = staff_client.get(reverse(INDEX), {"status": "in_progress"})

    assert [row.pk for row in response.context["object_list"]] == [waiting.pk]


def test_the_menu_leads_the_ombudsstelle_to_the_inbox(staff_client):
    home = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) in home


def test_the_listing_needs_as_many_queries_for_100_messages_as_for_10(
    staff_client, ombudsstelle, home_page, django_assert_max_num_queries
):
    AccessibilityStatementPageFactory()

    def add_feedback(count):
        for number in range(count):
            if number % 2:
                FeedbackFactory()
            else:
                FeedbackFactory(
                    status=Feedback.Status.ANSWERED, answer="Erledigt.", answered_by=ombudsstelle
                )

    add_feedback(10)
    staff_client.get(reverse(INDEX))  # caches (content types, site) warm, as in production
    with CaptureQueriesContext(connection) as ten:
        assert staff_client.get(reverse(INDEX)).status_code == 200

    add_feedback(90)
    with django_assert_max_num_queries(len(ten)):
        response = staff_client.get(reverse(INDEX))
    assert response.context["paginator"].count == 100


# Reading and answering ----------------------------------------------------------------------------


def test_the_answer_page_shows_the_message_its_page_and_sender_beside_the_form(
    staff_client, feedback
):
    response = staff_client.get(edit_url(feedback))

    assert response.status_code == 200
    page = parsed(response)
    message = page.find(id="feedback-message-heading").find_parent("section")
    assert "Das Video auf der Startseite hat keine Untertitel." in text_of(message)
    assert message.find("a", href="http://testserver/barrierefreiheit/")
    assert message.find("a", href="mailto:alex@example.org")
    assert "Alex Beispiel" in text_of(message)
    assert message.find("textarea") is None  # read-only
    form = page.find(id="feedback-answer-heading").find_parent("section")
    assert form.find("textarea", attrs={"name": "answer"})
    statuses = [radio["value"] for radio in form.select("input[name=status]")]
    assert statuses == ["in_progress", "answered"]


def test_answering_stores_who_and_when_logs_it_and_mails_the_sender_once_after_commit(
    staff_client, ombudsstelle, feedback, django_capture_on_commit_callbacks, settings
):
    settings.STAFF_EMAIL = "barrierefreiheit@dortmund.example"
    before = timezone.now()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = answer(staff_client, feedback)
        assert mail.outbox == []  # stored first, mailed after commit
    for callback in callbacks:
        callback()

    assert response.status_code == 302
    assert response.url == reverse(INDEX)
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.ANSWERED
    assert feedback.answer == "Wir ergänzen die Untertitel bis Mai."
    assert feedback.answered_by == ombudsstelle
    assert before <= feedback.answered_at <= timezone.now()
    [sent] = mail.outbox
    assert sent.to == ["alex@example.org"]
    assert sent.reply_to == ["barrierefreiheit@dortmund.example"]
    assert "Wir ergänzen die Untertitel bis Mai." in sent.body
    assert "Das Video auf der Startseite hat keine Untertitel." in sent.body
    assert sent.subject == ui("Answer to your feedback on accessibility")
    [entry] = ModelLogEntry.objects.for_instance(feedback)
    assert (entry.action, entry.user, entry.data["sent"]) == (
        "pages.feedback_answer",
        ombudsstelle,
        True,
    )
    listing = staff_client.get(response.url).content.decode()
    message = ui("The answer to feedback #%(number)s is saved and sent to %(email)s.")
    assert message % {"number": feedback.pk, "email": "alex@example.org"} in listing

    # The same answer saved again changes and sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        answer(staff_client, feedback)
    assert len(mail.outbox) == 1
    assert ModelLogEntry.objects.for_instance(feedback).count() == 1


def test_the_history_shows_who_answered(staff_client, ombudsstelle, feedback):
    answer(staff_client, feedback)

    page = staff_client.get(edit_url(feedback))
    history = page.content.decode()

    assert ui("Answered; the answer was sent to the sender") in history
    assert ombudsstelle.get_short_name() in history
    assert (
        staff_client.get(reverse("accessibility_feedback:history", args=[feedback.pk])).status_code
        == 200
    )


def test_an_empty_answer_is_refused_and_nothing_changes(staff_client, feedback):
    response = answer(staff_client, feedback, text="   ")

    assert response.status_code == 200
    field = parsed(response).find(attrs={"data-contentpath": "answer"})
    assert text_of(field.find(class_="error-message")) == ui(
        "Write an answer before marking it as answered."
    )
    assert field.find("textarea")["aria-invalid"] == "true"
    feedback.refresh_from_db()
    assert (feedback.status, feedback.answer, feedback.answered_by, feedback.answered_at) == (
        Feedback.Status.NEW,
        "",
        None,
        None,
    )
    assert not ModelLogEntry.objects.for_instance(feedback).exists()
    assert not Notification.objects.filter(message__kind="feedback.answered").exists()
    assert mail.outbox == []


def test_in_progress_keeps_a_draft_and_sends_nothing(staff_client, feedback):
    response = answer(staff_client, feedback, status="in_progress", text="Entwurf")

    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.status, feedback.answer, feedback.answered_by) == (
        Feedback.Status.IN_PROGRESS,
        "Entwurf",
        None,
    )
    assert [entry.action for entry in ModelLogEntry.objects.for_instance(feedback)] == [
        "pages.feedback_status"
    ]
    assert not Notification.objects.filter(message__kind="feedback.answered").exists()


def test_without_an_address_the_answer_is_stored_and_nothing_sent(
    staff_client, ombudsstelle, django_capture_on_commit_callbacks
):
    anonymous = FeedbackFactory(name="", email="")

    page = staff_client.get(edit_url(anonymous))
    assert ui("The sender left no e-mail address: the answer is only stored here.") in (
        page.content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        answer(staff_client, anonymous, text="Telefonisch beantwortet.")

    anonymous.refresh_from_db()
    assert (anonymous.status, anonymous.answered_by) == (Feedback.Status.ANSWERED, ombudsstelle)
    assert mail.outbox == []


def test_the_answer_is_mailed_in_the_language_the_sender_wrote_in(
    ombudsstelle, django_capture_on_commit_callbacks
):
    feedback = FeedbackFactory(language="en")

    with django_capture_on_commit_callbacks(execute=True):
        feedback_answer(
            feedback=feedback, answer="We fixed it.", status="answered", user=ombudsstelle
        )

    [sent] = mail.outbox
    assert sent.subject == ui("Answer to your feedback on accessibility", "en")
    assert sent.extra_headers["Content-Language"] == "en"


def test_a_changed_answer_is_sent_again(ombudsstelle, feedback, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        feedback_answer(
            feedback=feedback, answer="Erste Antwort.", status="answered", user=ombudsstelle
        )
        feedback_answer(
            feedback=feedback, answer="Zweite Antwort.", status="answered", user=ombudsstelle
        )

    assert ["Erste Antwort." in sent.body for sent in mail.outbox] == [True, False]
    assert "Zweite Antwort." in mail.outbox[1].body


def test_the_service_refuses_the_status_new(ombudsstelle, feedback):
    with pytest.raises(ValidationError) as refused:
        feedback_answer(feedback=feedback, answer="Text", status="new", user=ombudsstelle)

    assert refused.value.message_dict == {"status": [ui("Choose a status.")]}
    feedback.refresh_from_db()
    assert (feedback.status, feedback.answer) == (Feedback.Status.NEW, "")


# Who may ----------------------------------------------------------------------------------------


def refused(response) -> bool:
    """Wagtail's refusal: back to the dashboard, which says why."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize("role", ["district_editor", "moderator"])
def test_other_staff_neither_see_nor_reach_the_inbox(client, request, role, feedback):
    client.force_login(request.getfixturevalue(role))

    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert reverse(INDEX) not in home.content.decode()
    assert refused(client.get(reverse(INDEX)))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ui("Sorry, you do not have permission to access this area.") in dashboard
    assert refused(client.get(edit_url(feedback)))
    assert refused(answer(client, feedback))

    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.NEW
    assert mail.outbox == []


def test_who_may_only_view_lists_but_cannot_answer(client, user_factory, feedback):
    reader = user_factory(is_staff=True)
    reader.user_permissions.add(
        admin_access(),
        Permission.objects.get(content_type__app_label="pages", codename="view_feedback"),
    )
    client.force_login(reader)

    listing = client.get(reverse(INDEX))
    assert listing.status_code == 200
    assert edit_url(feedback) not in listing.content.decode()
    assert refused(answer(client, feedback))


def test_nobody_adds_or_deletes_feedback_in_the_admin():
    for name in ("add", "delete", "copy", "inspect"):
        with pytest.raises(NoReverseMatch):
            reverse(f"accessibility_feedback:{name}", args=[1] if name != "add" else [])


# The promised response time ---------------------------------------------------------------------


def test_the_statement_page_promises_its_response_time(client, home_page):
    AccessibilityStatementPageFactory(response_days=14)

    response = client.get("/barrierefreiheit/")

    feedback_section = parsed(response).find(id="feedback")
    promise = translation.ngettext(
        "We answer within %(days)s day.", "We answer within %(days)s days.", 14
    ) % {"days": 14}
    assert promise in text_of(feedback_section)


def test_response_days_come_from_the_live_statement_else_30(home_page):
    assert feedback_response_days() == 30
    statement = AccessibilityStatementPageFactory(response_days=14)
    assert feedback_response_days() == 14
    statement.unpublish()
    assert feedback_response_days() == 30


@pytest.mark.parametrize(
    ("age", "overdue"),
    [
        (30 * DAY - SECOND, False),
        (30 * DAY, False),
        (30 * DAY + SECOND, True),
    ],
)
def test_overdue_is_older_than_the_response_time(age, overdue):
    now = timezone.now()
    feedback = FeedbackFactory(created_at=now - age)

    assert (feedback in feedback_overdue(now=now)) is overdue
    assert feedback in feedback_open()


def test_overdue_follows_the_statements_response_time(home_page):
    AccessibilityStatementPageFactory(response_days=7)
    now = timezone.now()
    late = FeedbackFactory(created_at=now - 7 * DAY - SECOND)
    FeedbackFactory(created_at=now - 7 * DAY + SECOND)

    assert list(feedback_overdue(now=now)) == [late]


def test_answered_feedback_is_neither_open_nor_overdue_however_old():
    now = timezone.now()
    FeedbackFactory(status=Feedback.Status.ANSWERED, created_at=now - 400 * DAY)
    waiting = FeedbackFactory(status=Feedback.Status.IN_PROGRESS, created_at=now - 400 * DAY)
    new = FeedbackFactory(created_at=now - 31 * DAY)

    assert list(feedback_open()) == [waiting, new]
    assert list(feedback_overdue(now=now)) == [waiting, new]


def test_feedback_keeps_the_language_it_was_sent_in(client, home_page):
    statement = AccessibilityStatementPageFactory()
    statement.slug_en = "accessibility"
    statement.save_revision().publish()

    german = reverse("accessibility_feedback")
    with translation.override("en"):
        english = reverse("accessibility_feedback")
    client.post(english, {"message": "The contrast is too low."})
    client.post(german, {"message": "Der Kontrast ist zu schwach."})

    assert list(Feedback.objects.order_by("pk").values_list("language", flat=True)) == ["en", "de"]


def test_the_dashboard_shows_open_and_overdue_feedback_to_the_ombudsstelle_only(
    client, ombudsstelle, district_editor
):
    old = FeedbackFactory(
        message="Der Kontrast der Karte ist zu schwach.",
        created_at=timezone.now() - datetime.timedelta(days=40),
    )
    FeedbackFactory(message="Das PDF ist nicht barrierefrei.")

    client.force_login(ombudsstelle)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(district_editor)
    other = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("accessibility_feedback:edit", args=[old.pk]) in page
    overdue = ui("%(count)s accessibility feedback past the promised response time")
    assert overdue % {"count": 1} in text_of(parsed(page))
    assert reverse("accessibility_feedback:index") not in other
