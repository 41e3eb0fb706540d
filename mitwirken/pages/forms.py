from django import forms
from django.utils.translation import gettext_lazy as _

from mitwirken.text import TextLineField
from mitwirken.web.forms import HoneypotForm


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
    mark_optional = False  # a search box is never required, and does not say "optional"

    q = forms.CharField(label=_("Search term"), max_length=200, required=False)
