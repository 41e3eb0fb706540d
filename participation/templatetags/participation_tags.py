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
