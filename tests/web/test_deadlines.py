"""Deadlines in words: a midnight end is the close of the day before, other times keep their
day, and near the end a countdown says how much time is left."""

import datetime
import zoneinfo

import pytest
from django.utils import translation
from django.utils.translation import pgettext

from mitwirken.web.deadlines import countdown_text, deadline_text, last_day
from tests.helpers import ui

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def at(day: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    """A moment in December 2026, Dortmund time."""
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=BERLIN)


def test_a_deadline_at_midnight_is_the_end_of_the_day_before():
    with translation.override("en"):
        assert deadline_text(at(28)) == "until Sunday, Dec. 27, 2026, midnight"
    assert last_day(at(28)) == datetime.date(2026, 12, 27)


@pytest.mark.parametrize(
    ("moment", "english"),
    [
        (at(28, 12), "until Monday, Dec. 28, 2026, 12:00"),
        (at(28, 12, 30), "until Monday, Dec. 28, 2026, 12:30"),
        (at(28, 0, 1), "until Monday, Dec. 28, 2026, 0:01"),
    ],
)
def test_other_times_keep_their_day(moment, english):
    with translation.override("en"):
        assert deadline_text(moment) == english


def test_in_german_the_date_has_its_weekday_and_the_clock_its_translation():
    with translation.override("de"):
        text = deadline_text(at(28))
        assert text == ui("until %(day)s, %(time)s") % {
            "day": "Sonntag, 27. Dezember 2026",
            "time": pgettext("deadline", "midnight"),
        }
        assert "28." not in text and "00:00" not in text


def test_a_moment_in_utc_is_read_in_dortmund_time():
    # 23:00 UTC on the 27th is midnight in Dortmund (CET).
    moment = datetime.datetime(2026, 12, 27, 23, 0, tzinfo=datetime.UTC)
    with translation.override("en"):
        assert deadline_text(moment) == "until Sunday, Dec. 27, 2026, midnight"


@pytest.mark.parametrize(
    ("end", "now", "english"),
    [
        (at(28), at(24, 10), "3 days left"),
        (at(28), at(26, 10), "ends tomorrow at midnight"),
        (at(28), at(27, 9), "ends today at midnight"),
        (at(27, 18), at(27, 9), "ends today at 18:00"),
        (at(27, 18, 30), at(26, 20), "ends tomorrow at 18:30"),
        (at(28), at(20, 10), "7 days left"),
        (at(28), at(19, 10), ""),  # more than a week: no countdown
        (at(28), at(28, 0), ""),  # over
    ],
)
def test_near_the_end_a_countdown_says_how_much_time_is_left(end, now, english):
    with translation.override("en"):
        assert countdown_text(end, now=now) == english
