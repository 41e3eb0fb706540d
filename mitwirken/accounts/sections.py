"""The account page's sections of the person's own things, as each app declares them.

An app's ``personal_data.py`` defines ``account_sections(user)``, which returns a list of
``AccountSection``: what the account page (``accounts:account``) shows of the person's own
contributions, registrations or subscriptions in that app. The page shows every app's sections
by their ``order``, each under an ``<h2 id="account-<key>">``; accounts imports no app for it
(``mitwirken.privacy.registry``).

A section's reads take a fixed number of queries, however much the person has: a count and the
latest ``LATEST`` rows, and ``shown_of(total)`` for the sentence that says how many are shown.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.functional import Promise

from mitwirken.privacy.registry import declared

#: How many of the person's latest things a section lists.
LATEST = 10


@dataclass(frozen=True)
class AccountSection:
    """One section of the account page: ``key`` names its heading's id (``account-<key>``),
    ``title`` is the heading, ``template`` renders ``context`` (with the request, so
    ``{% pageurl %}`` works) below it. Lower ``order`` comes first."""

    key: str
    title: Promise | str
    template: str
    context: Mapping = field(default_factory=dict)
    order: int = 100

    @property
    def heading_id(self) -> str:
        return f"account-{self.key}"

    def render(self, request) -> str:
        return render_to_string(self.template, {**self.context, "section": self}, request=request)


def account_sections(user) -> list[AccountSection]:
    """Every app's sections for ``user``, in their order (apps in INSTALLED_APPS order)."""
    sections = [
        section for sections_of in declared("account_sections") for section in sections_of(user)
    ]
    return sorted(sections, key=lambda section: section.order)


def latest(queryset, limit: int = LATEST) -> dict:
    """``{"items": the first ``limit`` rows, "total": how many there are}``: a count, and the
    rows only when there are any (``accounts/includes/shown.html`` says how many are shown)."""
    total = queryset.count()
    return {"items": list(queryset[:limit]) if total else [], "total": total}
