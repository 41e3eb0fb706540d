import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from mitwirken.editorial.selectors import staff_recipients
from mitwirken.notifications.services import notify, notify_address
from mitwirken.text import strip_format_controls

from .kinds import FEEDBACK_ANSWERED, FEEDBACK_RECEIVED, NEWS_PUBLISHED
from .models import Feedback

#: Log actions on feedback, shown in its history (registered in ``wagtail_hooks``).
FEEDBACK_ANSWER_ACTION = "pages.feedback_answer"
FEEDBACK_STATUS_ACTION = "pages.feedback_status"
#: The statuses staff set; "new" is only where feedback starts.
FEEDBACK_STAFF_STATUSES = (Feedback.Status.IN_PROGRESS, Feedback.Status.ANSWERED)


@transaction.atomic
def feedback_create(
    *, message: str, name: str = "", email: str = "", page_url: str = ""
) -> Feedback:
    """Store the feedback and its mail to the staff together; the mail leaves after commit.

    The feedback keeps the language it was written in, for the mail with the answer."""
    feedback = Feedback.objects.create(
        message=message,
        name=strip_format_controls(name).strip(),
        email=email,
        page_url=page_url,
        language=translation.get_language() or Feedback._meta.get_field("language").default,
    )
    [mailbox] = staff_recipients()  # the staff mailbox
    notify_address(
        FEEDBACK_RECEIVED,
        email=mailbox.email,
        language=mailbox.language,
        key=f"feedback:{feedback.pk}",
        context={"feedback": feedback},
        url=page_url,
        reply_to=email,
    )
    return feedback


@transaction.atomic
def feedback_answer(*, feedback: Feedback, answer: str, status: str, user) -> Feedback:
    """Set the feedback's status and answer, as ``user``.

    "answered" needs an answer: it stores who answered and when, and mails the answer to the
    sender after commit when they left an e-mail address (in the language they wrote in, with
    the staff mailbox to reply to). "in progress" keeps the answer as a draft and sends
    nothing. Saving the same status and answer again changes and sends nothing; a changed
    answer is sent again. Refused with a ``ValidationError`` (nothing stored): another status,
    or "answered" without an answer.
    """
    answer = (answer or "").strip()
    if status not in FEEDBACK_STAFF_STATUSES:
        raise ValidationError({"status": _("Choose a status.")})
    if status == Feedback.Status.ANSWERED and not answer:
        raise ValidationError({"answer": _("Write an answer before marking it as answered.")})
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if feedback.status == status and feedback.answer == answer:
        return feedback
    feedback.status, feedback.answer = status, answer
    fields = ["status", "answer"]
    if status == Feedback.Status.ANSWERED:
        feedback.answered_by, feedback.answered_at = user, timezone.now()
        fields += ["answered_by", "answered_at"]
    feedback.save(update_fields=fields)
    sent = status == Feedback.Status.ANSWERED and bool(feedback.email)
    action = (
        FEEDBACK_ANSWER_ACTION if status == Feedback.Status.ANSWERED else FEEDBACK_STATUS_ACTION
    )
    log(instance=feedback, action=action, user=user, data={"status": status, "sent": sent})
    if sent:
        digest = hashlib.sha256(answer.encode()).hexdigest()[:12]
        [mailbox] = staff_recipients()  # replies reach the staff mailbox, not a person
        notify_address(
            FEEDBACK_ANSWERED,
            email=feedback.email,
            language=feedback.language,
            key=f"feedback-answer:{feedback.pk}:{digest}",
            context={"feedback": feedback},
            url=feedback.page_url,
            reply_to=mailbox.email,
        )
    return feedback


def news_announce(*, news) -> None:
    """Tell the followers of the news item's districts and topics, once per person."""
    for target in [*news.districts.all(), *news.topics.all()]:
        notify(
            NEWS_PUBLISHED,
            target=target,
            key=f"news:{news.pk}",
            context={"page": news},
            url=news.get_url,
        )
