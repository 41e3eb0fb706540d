from urllib.parse import urlencode

from django import template
from django.urls import reverse

from mitwirken.web.links import login_url

from ..forms import target_value
from ..selectors import SUBSCRIBABLE_MODELS, follow_ids_for_user, target_key

register = template.Library()


def _follow_ids(request) -> dict:
    """The signed-in user's follows, read once per request however many buttons a page shows."""
    if not hasattr(request, "_notifications_follow_ids"):
        request._notifications_follow_ids = follow_ids_for_user(user=request.user)
    return request._notifications_follow_ids


@register.inclusion_tag("notifications/follow_button.html", takes_context=True)
def follow_button(context, target):
    """Follow or stop following ``target``; for visitors a link to subscribe or to log in."""
    request = context.get("request")
    if request is None or target is None:
        return {"mode": None}
    here = request.get_full_path()
    data = {"target": target, "next": here}
    if request.user.is_authenticated:
        content_type_id, object_id = target_key(target)
        data.update(
            mode="follow",
            follow_id=_follow_ids(request).get((content_type_id, object_id)),
            content_type_id=content_type_id,
            object_id=object_id,
        )
    elif isinstance(target, SUBSCRIBABLE_MODELS):
        query = urlencode({"target": target_value(target)})
        data.update(mode="subscribe", url=f"{reverse('notifications:subscribe')}?{query}")
    else:
        data.update(mode="login", url=login_url(request))
    return data
