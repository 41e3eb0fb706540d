"""The toolkit's panel on the staff dashboard: formats due for review and new format
suggestions, for those whom ``permissions`` lets see the review report and handle suggestions.
Two queries per item, however many formats or suggestions there are."""

from django.db.models import F
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from wagtail.models import Site

from mitwirken.editorial.dashboard import AttentionPanel, Entry, Item, Urgency

from .. import selectors, services
from ..models import FormatSuggestion
from .permissions import may_see_review_report
from .reports import REPORT_URL_NAME


def _format_entry(page) -> Entry:
    if page.last_reviewed:
        detail = _("last reviewed on %(date)s") % {"date": date_format(page.last_reviewed)}
    else:
        detail = _("never reviewed")
    return Entry(
        label=page.title, url=reverse("wagtailadmin_pages:edit", args=[page.pk]), detail=detail
    )


def _suggestion_entry(suggestion) -> Entry:
    return Entry(
        label=suggestion.title,
        url=reverse("toolkit_suggestions:review", args=[suggestion.pk]),
        since=suggestion.created_at,
    )


def attention_panels(request) -> list[AttentionPanel]:
    user, items = request.user, []
    if may_see_review_report(user):
        months = services.review_months(site=Site.find_for_request(request))
        due = services.formats_due_for_review(months=months).order_by(
            F("last_reviewed").asc(nulls_first=True), "title", "pk"
        )
        items.append(
            Item.from_queryset(
                due,
                _format_entry,
                text=ngettext_lazy(
                    "%(count)s format due for review", "%(count)s formats due for review", "count"
                ),
                url=reverse(REPORT_URL_NAME),
                link_text=gettext_lazy("Open the review report"),
                entries_label=gettext_lazy("Reviewed longest ago"),
            )
        )
    if services.may_add_formats(user):
        items.append(
            Item.from_queryset(
                selectors.suggestions_new(),
                _suggestion_entry,
                text=ngettext_lazy(
                    "%(count)s new format suggestion", "%(count)s new format suggestions", "count"
                ),
                url=f"{reverse('toolkit_suggestions:index')}?status={FormatSuggestion.Status.NEW}",
                link_text=gettext_lazy("All new suggestions"),
            )
        )
    return [
        AttentionPanel(
            name="toolkit",
            heading=_("Instrumentenkoffer"),
            order=Urgency.UPKEEP,
            icon="list-ul",
            items=items,
        )
    ]
