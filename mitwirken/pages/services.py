from django.db import transaction

from mitwirken.editorial.selectors import staff_recipients
from mitwirken.notifications.services import notify, notify_address
from mitwirken.text import strip_format_controls

from .kinds import FEEDBACK_RECEIVED, NEWS_PUBLISHED
from .models import Feedback


@transaction.atomic
def feedback_create(
    *, message: str, name: str = "", email: str = "", page_url: str = ""
) -> Feedback:
    """Store the feedback and its mail to the staff together; the mail leaves after commit."""
    feedback = Feedback.objects.create(
        message=message,
        name=strip_format_controls(name).strip(),
        email=email,
        page_url=page_url,
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
