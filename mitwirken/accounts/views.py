"""The account page (``/konto/``, ``/en/account/``): the person's profile, links to their
sign-in and notification settings, what they have done on the portal, section by section from
each app (``sections``), the download of their data and the deletion of the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from mitwirken import limits
from mitwirken.files import private_file_response
from mitwirken.web.links import home_url
from mitwirken.web.messages import redirect_to_messages, success

from . import services
from .forms import ProfileForm
from .models import DataExport
from .sections import account_sections
from .tokens import export_unsign

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


EXPORT_REQUESTED = gettext_lazy(
    "We are preparing the download of your data. You will get an e-mail with the link when it "
    "is ready, usually within a few minutes."
)


def export_file_response(export: DataExport):
    """The ZIP of a finished ``export`` as a download (``private_file_response``)."""
    return private_file_response(
        export.file,
        name=f"mitwirken-meine-daten-{timezone.localdate(export.finished_at):%Y-%m-%d}.zip",
        content_type="application/zip",
        suffix=".zip",
    )


@login_required
def export_request(request):
    """POST: ask for a download of one's data; back to the account page with what happens."""
    if request.method != "POST":
        return redirect("accounts:account")
    try:
        services.data_export_request(user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        success(request, EXPORT_REQUESTED, anchor="account-data")
    return redirect_to_messages(reverse("accounts:account"))


@never_cache
@login_required
def export_download(request, signed: str):
    """The ZIP, for its owner signed in, through a valid link while it lives; anything else is
    "not found" and sends nothing."""
    found = export_unsign(signed)
    if found is None or found[1] != request.user.pk:
        raise Http404
    export = (
        DataExport.objects.filter(pk=found[0], user=request.user, finished_at__isnull=False)
        .exclude(file="")
        .first()
    )
    if export is None or export.expires_at <= timezone.now():
        raise Http404
    return export_file_response(export)


# Deletion of the account


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    """GET says what deleting the account does; POST with the password and the confirmation
    deletes it, signs the person out and leads to the home page with a message."""
    from .forms import AccountDeleteForm
    from .rules import can_delete_account
    from .services import account_delete

    reason = can_delete_account(request.user)
    form = AccountDeleteForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST" and not reason:
        # Counted before the password is checked: the form guesses no password either.
        if limits.exceeded(request, "accounts.delete"):
            form.add_error(None, limits.MESSAGE)
            status = 429
        elif form.is_valid():
            try:
                account_delete(user=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                logout(request)
                messages.success(
                    request,
                    _("Your account has been deleted. Thank you for taking part."),
                )
                return redirect_to_messages(home_url())
    return render(
        request, "accounts/account_delete.html", {"form": form, "reason": reason}, status=status
    )
