from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from mitwirken import limits
from mitwirken.web.links import safe_next, site_link
from mitwirken.web.messages import redirect_to_messages

from .forms import FollowForm, PreferencesForm, SubscriptionForm
from .selectors import follow_for_user, follows_for_user, unsubscribe_preview
from .services import (
    follow_create,
    follow_delete,
    subscription_confirm,
    subscription_request,
    unsubscribe,
)
from .tokens import InvalidToken, subscription_from_token


def _next_url(request, default: str) -> str:
    """Where to go back to: ``next`` if it is a path on this site, else ``default``."""
    return safe_next(request, request.POST.get("next") or request.GET.get("next")) or default


#: The same words as on ``subscription_requested.html``, as a message on the page of the form.
REQUESTED_MESSAGE = gettext_noop(
    "We are sending an e-mail with a confirmation link to %(email)s. Please open the link "
    "within %(days)s days and confirm that you want to receive e-mails about %(target)s."
)


def _problem(request, *, title: str, message: str, link: tuple[str, str] | None = None):
    """A page that says what went wrong, with status 400; nothing has been changed."""
    context = {"title": title, "message": message, "link": link}
    return render(request, "notifications/problem.html", context, status=400)


def _target_row(request, follow) -> dict:
    target = follow.target
    return {
        "follow": follow,
        "target": target,
        "type": capfirst(target._meta.verbose_name) if target is not None else "",
        "url": target.get_url(request) if isinstance(target, Page) else "",
    }


@login_required
@require_http_methods(["GET", "POST"])
def overview(request):
    """The account page: what the person follows, and how often and in which language we write."""
    if request.method == "POST":
        form = PreferencesForm(request.POST, user=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your settings have been saved."))
            return redirect_to_messages(reverse("notifications:overview"))
    else:
        form = PreferencesForm(user=request.user)
    rows = [_target_row(request, follow) for follow in follows_for_user(user=request.user)]
    return render(request, "notifications/follow_list.html", {"rows": rows, "form": form})


@require_POST
def follow(request):
    next_url = _next_url(request, default=reverse("notifications:overview"))
    if not request.user.is_authenticated:
        return redirect_to_login(next_url)
    form = FollowForm(request.POST)
    if not form.is_valid():
        return _problem(
            request,
            title=_("This cannot be followed"),
            message=_("You can follow districts, topics and pages of this portal."),
            link=(next_url, _("Back")),
        )
    target = form.cleaned_data["target"]
    follow_create(user=request.user, target=target)
    messages.success(request, _("You now follow %(target)s.") % {"target": target})
    return redirect_to_messages(next_url)


@require_POST
def unfollow(request, follow_id: int):
    next_url = _next_url(request, default=reverse("notifications:overview"))
    if not request.user.is_authenticated:
        return redirect_to_login(next_url)
    # Someone else's follow is as unknown as one that does not exist.
    existing = follow_for_user(user=request.user, follow_id=follow_id)
    if existing is None or not follow_delete(user=request.user, follow_id=follow_id):
        raise Http404
    messages.success(
        request,
        _("You no longer follow %(target)s.") % {"target": existing.target}
        if existing.target is not None
        else _("You no longer follow this."),
    )
    return redirect_to_messages(next_url)


# No CSRF token, so that the form on the pages of procedures and district hubs, which visitors
# get from the page cache, sets no cookie (docs/performance.md). A forged request could do no
# more than anyone can without it: ask for a confirmation mail to an address. It acts for no
# account and changes nothing of whoever's browser sends it; nobody is subscribed until the
# owner of the address confirms (double opt-in); and the limits per client and per address
# bound the mails, also for requests sent through other people's browsers.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """E-mails about a district, topic or procedure without an account, by double opt-in.

    Sent from a page's own form (``subscription_box``, with ``next``), the person goes back
    to that page, which opens at the message; from this page, a page says what happens next.
    A form with errors comes back here, keeping its ``next``."""
    privacy_url = site_link(request, "privacy")
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    context = {"next": next_url}
    if request.method == "POST":
        form = SubscriptionForm(request.POST, privacy_url=privacy_url)
        if form.is_valid():
            # Too many requests from this client: said openly, as it tells nothing of an address.
            if limits.exceeded(request, "notifications.subscribe"):
                form.add_error(None, limits.MESSAGE)
                return render(
                    request,
                    "notifications/subscription_form.html",
                    {**context, "form": form},
                    status=429,
                )
            email, target = form.cleaned_data["email"], form.cleaned_data["target"]
            # Confirmation mails to one address, whoever asks, are limited too, so the form
            # cannot flood an inbox; over that limit the page looks the same and no mail goes
            # out. The same page whether the address is new, waiting or subscribed long ago.
            address = limits.keyed_hash("email", email.strip().lower())
            if not limits.exceeded_for("notifications.subscribe_address", address):
                subscription_request(email=email, target=target, language=get_language())
            requested = {
                "email": email,
                "target": target,
                "days": settings.NOTIFICATIONS_CONFIRM_DAYS,
            }
            if next_url:
                messages.success(request, _(REQUESTED_MESSAGE) % requested)
                return redirect_to_messages(next_url)
            return render(request, "notifications/subscription_requested.html", requested)
    else:
        form = SubscriptionForm(
            initial={"target": request.GET.get("target", "")}, privacy_url=privacy_url
        )
    return render(request, "notifications/subscription_form.html", {**context, "form": form})


def _confirm_link_problem(request):
    return _problem(
        request,
        title=_("This confirmation link does not work"),
        message=_(
            "The link is incomplete, has expired after %(days)s days or has been replaced by a "
            "newer one. Nothing has been changed. Please subscribe again to receive a new link."
        )
        % {"days": settings.NOTIFICATIONS_CONFIRM_DAYS},
        link=(reverse("notifications:subscribe"), _("Subscribe again")),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET asks, POST confirms: programs that open links in mails must not confirm for people."""
    try:
        if request.method == "POST":
            subscription = subscription_confirm(token=token)
            return render(
                request,
                "notifications/subscription_confirmed.html",
                {"subscription": subscription},
            )
        subscription = subscription_from_token(token)
    except InvalidToken:
        return _confirm_link_problem(request)
    return render(
        request, "notifications/subscription_confirm.html", {"subscription": subscription}
    )


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" without a CSRF token.
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token: str):
    """GET shows what would stop, POST stops it; the signed token is the only credential."""
    try:
        if request.method == "POST":
            stopped = unsubscribe(token=token)
            return render(request, "notifications/unsubscribe_done.html", {"stopped": stopped})
        preview, actionable = unsubscribe_preview(token=token)
    except InvalidToken:
        return _problem(
            request,
            title=_("This unsubscribe link does not work"),
            message=_(
                "The link is incomplete or has already been used. Nothing has been changed. "
                "If you have an account, you can stop each e-mail in your notification settings."
            ),
            link=(reverse("notifications:overview"), _("Notification settings")),
        )
    return render(
        request,
        "notifications/unsubscribe_confirm.html",
        {"preview": preview, "actionable": actionable},
    )
