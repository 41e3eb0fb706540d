"""Deadlines in words no one can misread, the same on every page, card and mail.

A phase that ends at midnight ends at the close of the day before: "until Sunday,
27 December 2026, midnight" (German "bis Sonntag, 27. Dezember 2026, 24 Uhr"), never
"until 28 December 2026 00:00", which people read as the 28th still being open. Other times
keep their day: "until Monday, 28 December 2026, 12:00" ("12 Uhr", "12:30 Uhr").
Near the end a countdown says how much time is left: "3 days left", "ends today at 18:00".
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext, pgettext

#: From how many days before the end a countdown is shown.
COUNTDOWN_DAYS = 7


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _at_midnight(local: datetime.datetime) -> bool:
    return local.time() == datetime.time(0, 0)


def last_day(moment: datetime.datetime) -> datetime.date:
    """The last day on which one can still take part: the day before for a midnight end."""
    local = _local(moment)
    return local.date() - datetime.timedelta(days=1) if _at_midnight(local) else local.date()


def _day(day: datetime.date) -> str:
    """Weekday and date in the active language: "Sonntag, 27. Dezember 2026"."""
    return formats.date_format(day, "l, ") + formats.date_format(day, "DATE_FORMAT")


def clock_time(moment: datetime.datetime) -> str:
    """The time of day as people say it: "12 Uhr", "12:30 Uhr", "midnight" for 0:00."""
    local = _local(moment)
    if _at_midnight(local):
        # Translators: the end of a day in a deadline, in German "24 Uhr".
        return pgettext("deadline", "midnight")
    if local.minute == 0:
        # Translators: a full hour, in German "%(hour)s Uhr".
        return gettext("%(hour)s:00") % {"hour": local.hour}
    # Translators: hour and minutes, in German "%(hour)s:%(minute)s Uhr".
    return gettext("%(hour)s:%(minute)s") % {"hour": local.hour, "minute": f"{local.minute:02d}"}


def deadline_text(moment: datetime.datetime) -> str:
    """ "until Sunday, 27 December 2026, midnight" for a deadline of 28 December, 0:00."""
    # Translators: a deadline, e.g. "bis Sonntag, 27. Dezember 2026, 24 Uhr".
    return gettext("until %(day)s, %(time)s") % {
        "day": _day(last_day(moment)),
        "time": clock_time(moment),
    }


def countdown_text(
    moment: datetime.datetime, *, now: datetime.datetime | None = None, days: int = COUNTDOWN_DAYS
) -> str:
    """How much time is left, in words, from ``days`` days before the end; "" before that and
    once it is over. "ends today at 18:00", "ends tomorrow at midnight", "3 days left"."""
    now = now or timezone.now()
    if moment <= now:
        return ""
    left = (last_day(moment) - _local(now).date()).days
    if left > days:
        return ""
    if left == 0:
        return gettext("ends today at %(time)s") % {"time": clock_time(moment)}
    if left == 1:
        return gettext("ends tomorrow at %(time)s") % {"time": clock_time(moment)}
    return ngettext("%(count)s day left", "%(count)s days left", left) % {"count": left}
