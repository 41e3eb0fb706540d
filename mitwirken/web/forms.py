from django import forms
from django.utils.translation import gettext_lazy as _


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
