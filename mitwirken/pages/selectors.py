import datetime

from django.utils import timezone
from wagtail.models import Page

from .models import DEFAULT_RESPONSE_DAYS, AccessibilityStatementPage, Feedback, NewsPage

#: How many news items the home page shows.
HOME_NEWS = 3


def page_search(query: str):
    """Live public pages of every type matching the query, best first, as specific pages."""
    return Page.objects.live().public().specific().search(query)


def news_latest(*, limit: int = HOME_NEWS) -> list[NewsPage]:
    """The newest live public news items by their date (``NEWS_ORDER``), one query."""
    return list(NewsPage.objects.live().public().newest_first()[:limit])


# Accessibility feedback ---------------------------------------------------------------------


def feedback_response_days() -> int:
    """The days within which the live accessibility statement promises an answer (one query);
    ``DEFAULT_RESPONSE_DAYS`` when there is no live statement."""
    days = (
        AccessibilityStatementPage.objects.live()
        .order_by("pk")
        .values_list("response_days", flat=True)
        .first()
    )
    return days or DEFAULT_RESPONSE_DAYS


def feedback_due(feedback: Feedback, *, response_days: int) -> datetime.datetime:
    """When the answer to ``feedback`` is due: ``response_days`` after it was received."""
    return feedback.created_at + datetime.timedelta(days=response_days)


def feedback_open():
    """Feedback not answered yet (new or in progress), oldest first."""
    return Feedback.objects.exclude(status=Feedback.Status.ANSWERED).order_by("created_at", "pk")


def feedback_overdue(*, now: datetime.datetime | None = None, response_days: int | None = None):
    """Open feedback received more than the promised response time ago (the live statement's
    ``response_days``, 30 without a statement), oldest first. Received exactly that long ago is
    not overdue yet."""
    if response_days is None:
        response_days = feedback_response_days()
    cutoff = (now or timezone.now()) - datetime.timedelta(days=response_days)
    return feedback_open().filter(created_at__lt=cutoff)
