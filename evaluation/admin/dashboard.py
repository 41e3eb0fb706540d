"""Evaluation's panel on the staff dashboard, for who sees the surveys' results: surveys closing
within a week, and open surveys whose response rate stays low a week after the first
invitation. Two queries per item, however many surveys there are."""

import datetime

from django.db.models import F, Min, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from mitwirken.editorial.dashboard import AttentionPanel, Entry, Item, Urgency

from .. import selectors
from ..models import Invitation, Survey
from .views import RESULTS_PERMISSION
from .viewsets import surveys_with_counts

#: "This week": surveys closing within so many days.
DAYS = 7
#: A response rate below this share of the invitations is low ...
LOW_RATE = 0.2
#: ... once the first invitation is so many days old.
LOW_RATE_DAYS = 7


def surveys_closing(*, now):
    return Survey.objects.filter(
        standard=False, closes_at__gt=now, closes_at__lte=now + datetime.timedelta(days=DAYS)
    ).order_by("closes_at", "pk")


def surveys_low_rate(*, now):
    """Open surveys, first invited at least ``LOW_RATE_DAYS`` ago, with fewer responses than
    ``LOW_RATE`` of their invitations."""
    first = (
        Invitation.objects.filter(survey=OuterRef("pk"))
        .order_by()
        .values("survey")
        .annotate(first=Min("created_at"))
        .values("first")
    )
    return (
        surveys_with_counts(selectors.surveys_open(now))
        .annotate(first_invited=Subquery(first))
        .filter(
            first_invited__lte=now - datetime.timedelta(days=LOW_RATE_DAYS),
            answered__lt=F("invited") * LOW_RATE,
        )
        .order_by("first_invited", "pk")
    )


def _results_url(survey) -> str:
    return reverse("evaluation_surveys:results", args=[survey.pk])


def _closing_entry(survey) -> Entry:
    return Entry(
        label=survey.title,
        url=_results_url(survey),
        detail=date_format(timezone.localtime(survey.closes_at), "SHORT_DATETIME_FORMAT"),
    )


def _low_entry(survey) -> Entry:
    detail = _("%(answered)s of %(invited)s answered") % {
        "answered": survey.answered,
        "invited": survey.invited,
    }
    return Entry(label=survey.title, url=_results_url(survey), detail=detail)


def attention_panels(user, *, now=None) -> list[AttentionPanel]:
    if not user.has_perm(RESULTS_PERMISSION):
        return []
    now = now or timezone.now()
    surveys_url = reverse("evaluation_surveys:list")
    return [
        AttentionPanel(
            name="evaluation_surveys",
            heading=_("Surveys"),
            order=Urgency.SOON,
            icon="list-ul",
            items=[
                Item.from_queryset(
                    surveys_closing(now=now),
                    _closing_entry,
                    text=ngettext_lazy(
                        "%(count)s survey closes within %(days)s days",
                        "%(count)s surveys close within %(days)s days",
                        "count",
                    ),
                    values={"days": DAYS},
                    entries_label=gettext_lazy("The soonest"),
                    url=surveys_url,
                    link_text=gettext_lazy("All surveys"),
                ),
                Item.from_queryset(
                    surveys_low_rate(now=now),
                    _low_entry,
                    text=ngettext_lazy(
                        "%(count)s open survey has answers from fewer than %(percent)s %% of "
                        "those invited, a week after the first invitation",
                        "%(count)s open surveys have answers from fewer than %(percent)s %% of "
                        "those invited, a week after the first invitation",
                        "count",
                    ),
                    values={"percent": round(LOW_RATE * 100)},
                    url=surveys_url,
                    link_text=gettext_lazy("All surveys"),
                    warning=True,
                ),
            ],
        )
    ]
