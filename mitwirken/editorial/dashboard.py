"""The staff dashboard: panels of what needs attention, filtered to what the person may act on.

Each app builds its panels in ``admin/dashboard.py`` and adds them with Wagtail's
``construct_homepage_panels`` hook in its own ``wagtail_hooks.py``::

    @hooks.register("construct_homepage_panels")
    def attention_panels(request, panels):
        panels.extend(dashboard.attention_panels(request.user))

A panel (``AttentionPanel``) is a heading and its items. An ``Item`` is a count said in words
("3 offene Meldungen", from an ``ngettext_lazy`` text with a ``%(count)s`` placeholder), a link
to where it is handled and, optionally, the oldest (or soonest) few things it counts as
``Entry`` rows with their age. Items that count nothing are left out, and a panel left with no
item renders nothing: a person with little to do sees a short dashboard, and one with nothing
to do one calm line (``AllClearPanel``).

Panels stand in the order of their ``Urgency``, most urgent first, around Wagtail's own
"Awaiting your review" (220); ``wagtail_panels_arrange`` moves Wagtail's other panels (your
pages in a workflow, recent edits, locked pages) below ours. Wagtail's site summary (counts of
pages, images and documents) is left out (``wagtail_hooks``): it asks nothing of anyone.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from django.conf import settings
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

#: How many of the oldest (or soonest) things an item lists by name.
OLDEST = 3


class Urgency(IntEnum):
    """Where a panel stands: Wagtail sorts the dashboard's panels by their ``order``."""

    #: Something public may hurt someone: reported contributions.
    HARM = 100
    #: A promised time has passed: feedback not answered in time, results not published.
    OVERDUE = 150
    # Wagtail's "Awaiting your review" (workflow tasks) keeps its 220.
    #: People wait for an answer: proposals, comments, formal statements.
    ANSWER = 230
    #: Coming up within days: phases that start or end.
    SOON = 240
    #: Something the portal did went wrong: mails that could not be sent.
    FAILED = 250
    #: Keeping the content current: formats to review, format suggestions.
    UPKEEP = 260
    #: Wagtail's panels that inform rather than ask: moved here by ``wagtail_panels_arrange``.
    INFORMATION = 900


#: Wagtail's dashboard panels that only inform, by ``name``, in the order they keep below ours.
WAGTAIL_INFORMATION_PANELS = ("user_objects_in_workflow_moderation", "recent_edits", "locked_pages")


@dataclass(frozen=True)
class Entry:
    """One of the things an item counts, linked to where it is handled.

    ``since``: when it arrived, shown as its age ("5 Tage alt"); ``detail``: a short note such
    as the procedure or what happens when ("Beteiligungsphase beginnt am 12.03.2026")."""

    label: str
    url: str
    since: datetime.datetime | None = None
    detail: str = ""

    @property
    def age(self) -> str:
        return timesince(self.since, depth=1) if self.since is not None else ""


@dataclass
class Item:
    """A count of one kind of thing to do, and the link to where it is done.

    ``text`` says the count in words, singular and plural, with ``%(count)s`` in it:
    ``ngettext_lazy("%(count)s open report", "%(count)s open reports", "count")``; ``values``
    fills its other placeholders (``{"days": 30}``). ``warning`` marks it as late (shown in a
    warning style, with an icon). ``entries``: the oldest few, in the order to show;
    ``entries_label`` names that list for screen readers."""

    count: int
    text: str
    url: str
    link_text: str
    entries: Sequence[Entry] = field(default_factory=tuple)
    entries_label: str = _("The oldest")
    warning: bool = False
    values: dict = field(default_factory=dict)

    @classmethod
    def from_queryset(cls, queryset, entry: Callable[[Any], Entry], **fields) -> "Item":
        """An item counting ``queryset`` and listing its first ``OLDEST`` rows, each as
        ``entry(row)``: two queries, one when it counts nothing."""
        count = queryset.count()
        entries = [entry(row) for row in queryset[:OLDEST]] if count else []
        return cls(count=count, entries=entries, **fields)

    @property
    def sentence(self) -> str:
        return self.text % {**self.values, "count": self.count}


class AttentionPanel(Component):
    """A ``<section>`` with an ``<h2>`` heading and a list of items; nothing when no item counts
    anything. ``name`` is unique on the dashboard (it makes the section's id)."""

    template_name = "editorial/dashboard_panel.html"

    class Media:
        css = {"all": ["editorial/dashboard.css"]}

    def __init__(
        self,
        *,
        name: str,
        heading: str,
        items: Iterable[Item],
        order: int = Urgency.UPKEEP,
        icon: str = "warning",
    ):
        self.name = name
        self.heading = heading
        self.items = [item for item in items if item.count]
        self.order = int(order)
        self.icon = icon

    def __bool__(self) -> bool:
        return bool(self.items)

    def __repr__(self) -> str:
        return f"<AttentionPanel {self.name}: {[item.sentence for item in self.items]}>"

    def get_context_data(self, parent_context=None):
        return {"panel": self, "items": self.items}

    def render_html(self, parent_context=None):
        if not self.items:
            return ""
        return super().render_html(parent_context)


class AllClearPanel(Component):
    """One calm line at the top when nothing waits: no panel of ours has an item and no
    workflow task awaits the person's review. It looks at ``panels`` when it renders, so the
    apps' hooks may add theirs after it."""

    name = "all_clear"
    order = 0
    template_name = "editorial/dashboard_all_clear.html"

    def __init__(self, request, panels: list):
        self.request = request
        self.panels = panels

    def nothing_waits(self) -> bool:
        if any(panel for panel in self.panels if isinstance(panel, AttentionPanel)):
            return False
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return True
        return not TaskState.objects.reviewable_by(self.request.user).exists()

    def render_html(self, parent_context=None):
        if not self.nothing_waits():
            return ""
        return super().render_html(parent_context)


def wagtail_panels_arrange(panels: list) -> None:
    """Move Wagtail's informing panels below the panels of what needs attention; "Awaiting
    your review" stays where Wagtail puts it, among them."""
    for panel in panels:
        name = getattr(panel, "name", "")
        if name in WAGTAIL_INFORMATION_PANELS:
            panel.order = Urgency.INFORMATION + WAGTAIL_INFORMATION_PANELS.index(name)
