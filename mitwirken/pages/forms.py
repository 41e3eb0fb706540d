from django import forms
from django.utils.translation import gettext_lazy as _

from mitwirken.text import TextLineField


class HoneypotForm(forms.Form):
    """A form with a field people never see: software that fills in every field gives itself
    away, and the form is refused with ``honeypot_message``."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        template_name="components/honeypot.html",
    )
    honeypot_message = _(
        "Your request was not sent: a field that has to stay empty was filled in. "
        "Please send the form again."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"] = self.fields.pop("website")  # last, after the visible fields

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise forms.ValidationError(self.honeypot_message, code="honeypot")
        return cleaned_data


class FeedbackForm(HoneypotForm):
    """The accessible feedback form of the accessibility statement (BITVNRW)."""

    message = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Which barrier did you meet, and on which page?"),
    )
    name = TextLineField(
        label=_("Your name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("Only if you would like an answer."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Please write a message."))
        return message


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search term"), max_length=200, required=False)
