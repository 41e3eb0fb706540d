"""The admin's login form (``WAGTAILADMIN_USER_LOGIN_FORM``): Wagtail's, in German throughout.

Wagtail 8 gives the password field no label, so Django shows its field name, "Password", in
English; and its German message for a wrong address and password reads "Ihr E-Mail-Adresse".
The admin says what the portal's own sign-in page (allauth) says instead."""

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"placeholder": _("Enter password")}),
        strip=False,
    )

    error_messages = {
        **WagtailLoginForm.error_messages,
        "invalid_login": DefaultAccountAdapter.error_messages["email_password_mismatch"],
    }
