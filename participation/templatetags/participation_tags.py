from django import template

from mitwirken.pages.kit import route_url

from ..models.procedures import ProcedureStatus

register = template.Library()

STATUS_BADGES = {
    ProcedureStatus.PLANNED: "info",
    ProcedureStatus.OPEN: "success",
    ProcedureStatus.CLOSED: "warning",
    ProcedureStatus.RESULTS: "info",
}


@register.simple_tag(takes_context=True)
def procedure_action(context, procedure, name, *args):
    """The URL of a procedure page's route (see ``participation.views``)."""
    return route_url(procedure, name, *args, request=context.get("request"))


@register.inclusion_tag("participation/includes/status_badge.html")
def status_badge(status):
    """The status of a procedure as a KERN badge: the word, not the colour, carries it."""
    return {
        "label": ProcedureStatus(status).label if status in ProcedureStatus.values else status,
        "modifier": STATUS_BADGES.get(status, "info"),
    }


@register.filter
def fill(pattern: str, value) -> str:
    """An item's URL from its route's pattern (``route_format``), without reversing the route
    again: ``{{ links.support|fill:proposal.pk }}``."""
    return pattern.format(value)


@register.simple_tag(takes_context=True)
def page_query(context, key: str, number: int) -> str:
    """The query of page ``number`` of a list paginated by ``key``, the rest of the query kept
    (the filter, another list's page), a reply form asked for closed."""
    query = context["request"].GET.copy()
    query[key] = number
    query.pop("reply", None)
    return f"?{query.urlencode()}"
