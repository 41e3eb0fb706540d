"""Watching the anonymous votes of polls: staff hear when they spike.

Each visitor's vote needs a signed form token and counts against a limit per client
(``participation.tokens``, ``mitwirken.limits``). What neither can stop, many clients voting
at once, is what the alarm is for: when more than ``count`` anonymous votes reach one poll
within ``window`` seconds (``settings.PARTICIPATION_POLL_ALARM``), the moderators get one mail,
at most one per poll and window.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from mitwirken.editorial.selectors import staff_recipients
from mitwirken.notifications.selectors import announced
from mitwirken.notifications.services import notify_recipients

from ..kinds import POLL_ALARM
from ..models import Poll, PollVote
from .moderation import MODERATE_PERMISSION


def poll_alarm_check(*, poll: Poll, now: datetime.datetime | None = None) -> int:
    """Alarm the moderators when visitors' votes on ``poll`` spike; returns the mails written.

    Called after each anonymous vote, in its transaction. The window is a fixed slot of the
    clock (e.g. 10:00-10:10); the slot is part of each mail's idempotency key, so however many
    votes follow, each moderator hears once per poll and slot.
    """
    count, window = settings.PARTICIPATION_POLL_ALARM
    now = now or timezone.now()
    recent = (
        PollVote.objects.filter(
            poll=poll,
            user__isnull=True,
            entered_by__isnull=True,
            created_at__gt=now - datetime.timedelta(seconds=window),
        )
        .exclude(session_key="")
        .count()
    )
    if recent <= count:
        return 0
    key = f"poll:{poll.pk}:{int(now.timestamp()) // window}"
    if announced(kind=POLL_ALARM, key=key):
        return 0
    procedure = poll.procedure
    url = reverse("participation_votes:index") + f"?procedure={procedure.pk}"
    return notify_recipients(
        POLL_ALARM,
        recipients=staff_recipients(permission=MODERATE_PERMISSION),  # else the staff mailbox
        key=key,
        context={
            "poll": poll,
            "procedure": procedure,
            "count": recent,
            "minutes": max(1, window // 60),
        },
        url=url,
    )
