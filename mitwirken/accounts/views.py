"""The account page (``/konto/``, ``/en/account/``): the person's profile, links to their
sign-in and notification settings, and what they have done on the portal, section by section
from each app (``sections``)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from mitwirken import limits
from mitwirken.web.messages import redirect_to_messages, success

from .forms import ProfileForm
from .sections import account_sections

PROFILE_LIMIT = "accounts.profile"


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def account(request):
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST, user=request.user)
        if form.is_valid():
            if limits.exceeded(request, PROFILE_LIMIT):
                form.add_error(None, limits.MESSAGE)
                status = 429
            else:
                form.save()
                success(request, _("Your profile has been saved."), anchor="account-profile")
                return redirect_to_messages(reverse("accounts:account"))
    else:
        form = ProfileForm(user=request.user)
    sections = [(section, section.render(request)) for section in account_sections(request.user)]
    context = {"form": form, "sections": sections}
    return render(request, "accounts/account.html", context, status=status)
