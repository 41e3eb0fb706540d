"""The accessibility feedback's panel on the staff dashboard: open feedback, and what is past
the statement's promised response time, for those who answer it. Four queries at most."""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from mitwirken.editorial.dashboard import AttentionPanel, Entry, Item, Urgency

from ..selectors import feedback_open, feedback_overdue

CHANGE_PERMISSION = "pages.change_feedback"


def _entry(feedback) -> Entry:
    return Entry(
        label=Truncator(feedback.message).chars(80),
        url=reverse("accessibility_feedback:edit", args=[feedback.pk]),
        since=feedback.created_at,
    )


def attention_panels(user) -> list[AttentionPanel]:
    if not user.has_perm(CHANGE_PERMISSION):
        return []
    url = reverse("accessibility_feedback:index")
    overdue = Item.from_queryset(
        feedback_overdue(),
        _entry,
        text=ngettext_lazy(
            "%(count)s accessibility feedback past the promised response time",
            "%(count)s accessibility feedbacks past the promised response time",
            "count",
        ),
        warning=True,
        url=url,
        link_text=gettext_lazy("Open the accessibility feedback"),
    )
    open_ = Item.from_queryset(
        feedback_open(),
        _entry,
        text=ngettext_lazy(
            "%(count)s accessibility feedback not answered yet",
            "%(count)s accessibility feedbacks not answered yet",
            "count",
        ),
        url=url,
        link_text=gettext_lazy("Open the accessibility feedback"),
    )
    return [
        AttentionPanel(
            name="accessibility_feedback",
            heading=_("Accessibility feedback"),
            order=Urgency.OVERDUE if overdue.count else Urgency.ANSWER,
            icon="help",
            items=[overdue, open_],
        )
    ]
