"""The outbox's panel on the staff dashboard: mails that could not be sent, for those who may
see the outbox. Two queries, however many mails failed."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from mitwirken.editorial.dashboard import AttentionPanel, Entry, Item, Urgency

from ..models import Notification
from ..selectors import notifications_failed
from .views import kind_label

VIEW_PERMISSION = "notifications.view_notification"


def _failed_entry(notification) -> Entry:
    return Entry(
        label=notification.message.subject,
        url=reverse("outbox:inspect", args=[quote(notification.pk)]),
        since=notification.created_at,
        detail=kind_label(notification.message.kind),
    )


def attention_panels(user) -> list[AttentionPanel]:
    items = []
    if user.has_perm(VIEW_PERMISSION):
        items.append(
            Item.from_queryset(
                notifications_failed(),
                _failed_entry,
                text=ngettext_lazy(
                    "%(count)s mail could not be sent", "%(count)s mails could not be sent", "count"
                ),
                warning=True,
                url=f"{reverse('outbox:index')}?status={Notification.Status.FAILED}",
                link_text=gettext_lazy("Open the outbox"),
            )
        )
    return [
        AttentionPanel(
            name="outbox",
            heading=_("Outbox"),
            order=Urgency.FAILED,
            icon="mail",
            items=items,
        )
    ]
