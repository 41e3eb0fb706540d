from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.forms.boundfield import BoundField
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_forms

from mitwirken.text import TextLineField

from .models import User
from .services import user_email_sync, user_update


class DisplayNameField(TextLineField):
    """The public pseudonym: required, spaces around it and invisible format characters dropped,
    never an e-mail address."""

    default_error_messages = {
        "required": _("Please enter a display name. A pseudonym is fine."),
        "blank": _("A display name cannot consist of spaces only."),
        "email": _("Please do not use an e-mail address: your display name is shown publicly."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Display name"))
        kwargs.setdefault("max_length", User._meta.get_field("display_name").max_length)
        kwargs.setdefault(
            "help_text", _("Shown publicly next to your contributions. A pseudonym is fine.")
        )
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "nickname"}))
        super().__init__(**kwargs)

    def clean(self, value):
        if isinstance(value, str) and value and not value.strip():
            raise forms.ValidationError(self.error_messages["blank"], code="blank")
        return super().clean(value)

    def validate(self, value):
        super().validate(value)
        if _is_email_address(value):
            raise forms.ValidationError(self.error_messages["email"], code="email")


def _is_email_address(value: str) -> bool:
    try:
        validate_email(value)
    except forms.ValidationError:
        return False
    return True


def language_field(**kwargs) -> forms.ChoiceField:
    """The language of a person's e-mails, one radio each, every language named in itself and
    marked up so that screen readers pronounce it right."""
    kwargs.setdefault("label", _("Language of your e-mails"))
    return forms.ChoiceField(
        choices=[
            (
                code,
                format_html(
                    '<span lang="{}">{}</span>', code, get_language_info(code)["name_local"]
                ),
            )
            for code, _n in settings.LANGUAGES
        ],
        widget=forms.RadioSelect,
        template_name="components/radio_group.html",
        error_messages={"invalid_choice": _("Please choose one of the languages.")},
        **kwargs,
    )


class SignupForm(forms.Form):
    """What allauth's sign-up form adds to e-mail and password: only the public display name.
    The page shows the privacy notice's version (``{% privacy_notice %}``), stored with the account.

    allauth builds its form on this class (ACCOUNT_SIGNUP_FORM_CLASS) and calls ``signup`` once
    the account is saved.
    """

    field_order = ["email", "display_name", "password1", "password2"]

    display_name = DisplayNameField()

    def signup(self, request, user):
        # Mails reach people in the language they signed up in; they can change it later.
        user_update(
            user=user,
            display_name=self.cleaned_data["display_name"],
            language=get_language(),
            privacy_version=settings.PRIVACY_NOTICE_VERSION,
        )


#: The real name: optional (the portal's forms say so next to the label; Wagtail's do not), and
#: never shown on the public site.
REAL_NAME_HELP = _("Optional. Never shown on the public site.")
PROFILE_REAL_NAME_HELP = _("Never shown on the public site.")


def real_name_field(label, name: str, *, autocomplete: str) -> TextLineField:
    """A part of the real name as the user's field ``name`` keeps it: optional, never public."""
    return TextLineField(
        label=label,
        required=False,
        max_length=User._meta.get_field(name).max_length,
        help_text=PROFILE_REAL_NAME_HELP,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
    )


class ProfileForm(forms.Form):
    """What a person changes on their account page: the public display name (the rules of the
    sign-up), the optional real name, which is never public, and the language of their mails."""

    display_name = DisplayNameField()
    first_name = real_name_field(_("First name"), "first_name", autocomplete="given-name")
    last_name = real_name_field(_("Last name"), "last_name", autocomplete="family-name")
    language = language_field()

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        initial = {name: getattr(user, name) for name in self.base_fields}
        super().__init__(*args, initial=initial, **kwargs)

    def save(self) -> User:
        return user_update(user=self.user, **self.cleaned_data)


# Wagtail's user forms in the admin. The real name is optional and never shown publicly: setting
# Wagtail's required first_name and last_name to None leaves them to the model's optional fields.
USER_ADMIN_FIELDS = {"display_name"}
USER_ADMIN_FIELD_CLASSES = {
    "display_name": DisplayNameField,
    "first_name": TextLineField,
    "last_name": TextLineField,
}
USER_ADMIN_HELP_TEXTS = {"first_name": REAL_NAME_HELP, "last_name": REAL_NAME_HELP}


class UserAdminFormMixin:
    """E-mail addresses stored in lower case, as allauth does; a changed one replaces the old."""

    # Wagtail's admin markup, not the portal's KERN one: its help and error ids differ.
    bound_field_class = BoundField

    def clean_email(self):
        return self.cleaned_data["email"].lower()

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit and "email" in self.changed_data:
            user_email_sync(user=user)
        return user


class UserCreationForm(UserAdminFormMixin, wagtail_forms.UserCreationForm):
    first_name = None
    last_name = None

    class Meta(wagtail_forms.UserCreationForm.Meta):
        fields = wagtail_forms.UserCreationForm.Meta.fields | USER_ADMIN_FIELDS
        field_classes = USER_ADMIN_FIELD_CLASSES
        help_texts = USER_ADMIN_HELP_TEXTS


class UserEditForm(UserAdminFormMixin, wagtail_forms.UserEditForm):
    first_name = None
    last_name = None

    class Meta(wagtail_forms.UserEditForm.Meta):
        fields = wagtail_forms.UserEditForm.Meta.fields | USER_ADMIN_FIELDS
        field_classes = USER_ADMIN_FIELD_CLASSES
        help_texts = USER_ADMIN_HELP_TEXTS


# Deletion of the account


class AccountDeleteForm(forms.Form):
    """The person confirms the deletion of their own account with their password."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("Yes, delete my account. I know that this cannot be undone."),
        error_messages={"required": _("Please confirm that you want to delete your account.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("This is not your password. Nothing has been deleted."), code="password"
            )
        return password
