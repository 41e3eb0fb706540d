"""Counts and shares that keep the small-group rule: a group of fewer than ``SMALL_GROUP``
answers or participants shows no number (``None``; templates say "too few answers")."""

import statistics
from dataclasses import dataclass, field

from ..models import SMALL_GROUP


def shown(count: int) -> int | None:
    """``count`` when the group is large enough to show, else ``None``."""
    return count if count >= SMALL_GROUP else None


@dataclass(frozen=True)
class Share:
    """``count`` of ``total``: a percentage only when ``total`` is ``SMALL_GROUP`` or more."""

    count: int
    total: int

    @property
    def percent(self) -> int | None:
        if self.total < SMALL_GROUP:
            return None
        return round(100 * self.count / self.total)

    @property
    def answers(self) -> int | None:
        return shown(self.total)


def median_percent(shares: list[Share]) -> int | None:
    """The median of the shares that may be shown, ``None`` without any."""
    percents = [share.percent for share in shares if share.percent is not None]
    return round(statistics.median(percents)) if percents else None


@dataclass
class Tally:
    """Participants and contributions: accounts are counted once, contributions without an
    account (paper, phone, an anonymous poll vote) count one person each."""

    accounts: set = field(default_factory=set)
    without_account: int = 0
    contributions: int = 0

    def add(self, person, count: int) -> None:
        self.contributions += count
        if person is None:
            self.without_account += count
        else:
            self.accounts.add(person)

    def merge(self, other: "Tally") -> "Tally":
        self.accounts |= other.accounts
        self.without_account += other.without_account
        self.contributions += other.contributions
        return self

    @property
    def participants(self) -> int:
        return len(self.accounts) + self.without_account

    @property
    def participants_shown(self) -> int | None:
        return shown(self.participants)

    @property
    def contributions_shown(self) -> int | None:
        """Contributions of a group, hidden with its participants when those are too few."""
        return self.contributions if self.participants >= SMALL_GROUP else None


def per_thousand(participants: int, residents: int | None) -> float | None:
    """Participants per 1,000 residents, to one decimal; ``None`` for a small group or without
    a figure of residents."""
    if not residents or participants < SMALL_GROUP:
        return None
    return round(participants / residents * 1000, 1)
