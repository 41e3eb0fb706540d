from urllib.parse import urlencode

from django import template
from django.urls import reverse
from wagtail.models import Page

from mitwirken.web.links import login_url, site_link

from ..forms import SubscriptionForm, target_value
from ..selectors import email_subscribable, follow_ids_for_user, target_key

register = template.Library()


def _follow_ids(request) -> dict:
    """The signed-in user's follows, read once per request however many buttons a page shows."""
    if not hasattr(request, "_notifications_follow_ids"):
        request._notifications_follow_ids = follow_ids_for_user(user=request.user)
    return request._notifications_follow_ids


def _buttons_shown(request) -> set:
    """The targets whose follow button this response already shows."""
    if not hasattr(request, "_notifications_buttons_shown"):
        request._notifications_buttons_shown = set()
    return request._notifications_buttons_shown


@register.inclusion_tag("notifications/follow_button.html", takes_context=True)
def follow_button(context, target):
    """Follow or stop following ``target``; for visitors a link to subscribe or to log in."""
    request = context.get("request")
    if request is None or target is None:
        return {"mode": None}
    here = request.get_full_path()
    data = {"target": target, "next": here}
    _buttons_shown(request).add(target_key(target))
    if request.user.is_authenticated:
        content_type_id, object_id = target_key(target)
        data.update(
            mode="follow",
            follow_id=_follow_ids(request).get((content_type_id, object_id)),
            content_type_id=content_type_id,
            object_id=object_id,
        )
    elif email_subscribable(target):
        query = urlencode({"target": target_value(target), "next": here})
        data.update(mode="subscribe", url=f"{reverse('notifications:subscribe')}?{query}")
    else:
        data.update(mode="login", url=login_url(request))
    return data


@register.inclusion_tag("notifications/subscription_box_form.html", takes_context=True)
def subscription_box(context, target):
    """E-mails about ``target`` (a district, topic or procedure) on its own page: for visitors
    the double opt-in form, which leads back here; signed-in people follow instead, with a
    follow button here unless the page already shows one for ``target``."""
    request = context.get("request")
    if request is None or target is None or not email_subscribable(target):
        return {"target": None}
    if request.user.is_authenticated and target_key(target) in _buttons_shown(request):
        return {"target": None}
    data = {"target": target, "request": request, "user": request.user}
    if isinstance(target, Page):
        # The page type's sentence of what its subscribers hear of (``EMAIL_SUBSCRIBABLE``).
        data["about"] = target.specific_class.email_subscribable
    if not request.user.is_authenticated:
        form = SubscriptionForm(
            target=target, privacy_url=site_link(request, "privacy"), auto_id="subscribe-%s"
        )
        data.update(form=form, next=request.get_full_path())
    return data
