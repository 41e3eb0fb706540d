"""Training's panels on the staff dashboard, in the person's scope (``permissions``): sessions
that have ended without their attendance recorded (for whoever records it), and sessions
starting within a week that still have free places or people on the waiting list. Two queries
per item, however many sessions there are."""

import datetime

from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy

from mitwirken.editorial.dashboard import AttentionPanel, Entry, Item, Urgency

from ..models import Enrolment, Session
from . import participants
from .permissions import may_record_attendance, sessions_in_scope

#: "This week": sessions starting within so many days.
DAYS = 7


def sessions_needing_attention(user, *, now):
    """Sessions in scope starting within ``DAYS`` with free places or a waiting list, the
    soonest first."""
    sessions = Session.objects.filter(
        start__gte=now, start__lt=now + datetime.timedelta(days=DAYS)
    ).with_places()
    sessions = sessions.filter(Q(taken__lt=F("capacity")) | Q(waiting__gt=0))
    return sessions_in_scope(sessions, user).select_related("module").order_by("start", "pk")


def _entry(session) -> Entry:
    parts = [date_format(timezone.localtime(session.start), "SHORT_DATETIME_FORMAT")]
    free = session.capacity - session.taken
    if free > 0:
        places = ngettext("%(count)s free place", "%(count)s free places", free)
        parts.append(places % {"count": free})
    if session.waiting:
        parts.append(
            ngettext("%(count)s waiting", "%(count)s waiting", session.waiting)
            % {"count": session.waiting}
        )
    return Entry(
        label=session.module.title,
        url=reverse(participants.URL_NAME, args=[session.pk]),
        detail=" · ".join(parts),
    )


def sessions_without_attendance(user, *, now):
    """Sessions in scope that have ended with registered participants whose attendance is not
    recorded, the oldest first."""
    unrecorded = Enrolment.objects.filter(
        session=OuterRef("pk"), status=Enrolment.Status.CONFIRMED, attended__isnull=True
    )
    sessions = Session.objects.filter(Exists(unrecorded), end__lte=now)
    return sessions_in_scope(sessions, user).select_related("module").order_by("end", "pk")


def _ended_entry(session) -> Entry:
    return Entry(
        label=session.module.title,
        url=reverse(participants.URL_NAME, args=[session.pk]) + "#attendance",
        since=session.end,
    )


def attendance_panel(user, *, now) -> AttentionPanel:
    items = []
    if may_record_attendance(user):
        items.append(
            Item.from_queryset(
                sessions_without_attendance(user, now=now),
                _ended_entry,
                text=ngettext_lazy(
                    "%(count)s session ended without its attendance recorded",
                    "%(count)s sessions ended without their attendance recorded",
                    "count",
                ),
                url=f"{reverse('training_sessions:index')}?when=past",
                link_text=gettext_lazy("All sessions"),
            )
        )
    return AttentionPanel(
        name="training_attendance",
        heading=_("Attendance to record"),
        order=Urgency.ANSWER,
        icon="tick",
        items=items,
    )


def attention_panels(user, *, now=None) -> list[AttentionPanel]:
    if not user.has_perm("training.view_session"):
        return []
    now = now or timezone.now()
    return [
        attendance_panel(user, now=now),
        AttentionPanel(
            name="training_sessions",
            heading=_("Sessions this week"),
            order=Urgency.SOON,
            icon="date",
            items=[
                Item.from_queryset(
                    sessions_needing_attention(user, now=now),
                    _entry,
                    text=ngettext_lazy(
                        "%(count)s session starts within %(days)s days with free places or a "
                        "waiting list",
                        "%(count)s sessions start within %(days)s days with free places or a "
                        "waiting list",
                        "count",
                    ),
                    values={"days": DAYS},
                    entries_label=gettext_lazy("The soonest"),
                    url=f"{reverse('training_sessions:index')}?when=upcoming",
                    link_text=gettext_lazy("All sessions"),
                )
            ],
        ),
    ]
