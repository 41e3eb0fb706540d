from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from mitwirken.accounts.forms import language_field
from mitwirken.accounts.services import user_update
from mitwirken.places.models import District, Topic
from mitwirken.web.forms import HoneypotForm

from .kinds import KINDS
from .models import Frequency
from .selectors import (
    email_subscribable,
    followable_get,
    preferences_for_user,
    subscribable_page,
)
from .services import preference_set

RADIO_GROUP_TEMPLATE = "components/radio_group.html"

#: Shown next to the consent box and stored by version with each subscription. When you change
#: the text, raise NOTIFICATIONS_CONSENT_VERSION in the settings.
CONSENT_TEXT = _(
    "I agree that the City of Dortmund stores my e-mail address to send me news about the "
    "district, topic or procedure I chose. I can unsubscribe at any time with the link in "
    "every e-mail."
)

SUBSCRIBABLE = {"district": District, "topic": Topic}
PAGE_PREFIX = "page"


def target_value(target) -> str:
    """The value under which ``target`` is chosen in the subscription form, e.g. ``district:8``
    or, for a page such as a procedure, ``page:42``."""
    if isinstance(target, Page) and email_subscribable(target):
        return f"{PAGE_PREFIX}:{target.pk}"
    for prefix, model in SUBSCRIBABLE.items():
        if isinstance(target, model):
            return f"{prefix}:{target.pk}"
    raise ValueError(f"{target!r} cannot be subscribed to by e-mail")


def _page_chosen(value) -> Page | None:
    """The page that ``value`` (``page:<id>``) names, when visitors may subscribe to it."""
    prefix, _sep, page_id = str(value or "").partition(":")
    if prefix != PAGE_PREFIX or not page_id.isdigit():
        return None
    return subscribable_page(int(page_id))


class SubscriptionForm(HoneypotForm):
    """Double opt-in for visitors without an account: an address, a district or topic, consent."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Please enter your e-mail address.")},
    )
    target = forms.ChoiceField(
        label=_("District or topic"),
        error_messages={
            "required": _("Please choose a district or a topic."),
            "invalid_choice": _("Please choose a district or a topic from the list."),
        },
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please agree, so that we may send you e-mails.")},
    )

    def __init__(self, *args, privacy_url: str = "", target=None, **kwargs):
        """``target``: the one district, topic or page this form is for, chosen in a hidden
        field (the form on that page); else a choice of every district and topic."""
        super().__init__(*args, **kwargs)
        # The version stored with the subscription (``consent_version``), and where it is
        # explained.
        consent_help = format_html(
            _("Version of this consent text: {version}."),
            version=settings.NOTIFICATIONS_CONSENT_VERSION,
        )
        if privacy_url:
            consent_help = format_html(
                "{} {}",
                format_html(
                    _(
                        'How we protect your data: <a class="kern-link" href="{url}">'
                        "privacy statement</a>."
                    ),
                    url=privacy_url,
                ),
                consent_help,
            )
        self.fields["consent"].help_text = consent_help
        if target is not None:
            value = target_value(target)
            self.targets = {value: target}
            self.fields["target"].choices = [(value, str(target))]
            self.fields["target"].widget = forms.HiddenInput()
            self.initial["target"] = value
            return
        districts, topics = list(District.objects.all()), list(Topic.objects.all())
        self.targets = {target_value(target): target for target in [*districts, *topics]}
        choices = [
            ("", _("Please choose")),
            (_("Districts"), [(target_value(d), str(d)) for d in districts]),
            (_("Topics"), [(target_value(t), str(t)) for t in topics]),
        ]
        # A page (a procedure) is offered where its own form names it, not in a list of all.
        chosen = self.data.get(self.add_prefix("target")) if self.is_bound else None
        page = _page_chosen(chosen or self.initial.get("target"))
        if page is not None:
            self.targets[target_value(page)] = page
            choices.insert(
                1, (capfirst(page._meta.verbose_name), [(target_value(page), page.title)])
            )
        self.fields["target"].choices = choices

    def clean_target(self):
        return self.targets[self.cleaned_data["target"]]


def frequency_field(label) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[(value, capfirst(name)) for value, name in Frequency.choices],
        widget=forms.RadioSelect,
        template_name=RADIO_GROUP_TEMPLATE,
        error_messages={"invalid_choice": _("Please choose one of the options.")},
    )


class PreferencesForm(forms.Form):
    """How often each kind of mail comes, and in which language; one radio group each."""

    language = language_field()

    def __init__(self, *args, user, **kwargs):
        self.user = user
        #: form field name → kind key ("news_published" → "news.published")
        self.kinds = {k.key.replace(".", "_"): k.key for k in KINDS.values() if k.digestible}
        preferences = preferences_for_user(user=user)
        initial = {name: preferences[key] for name, key in self.kinds.items()}
        initial["language"] = user.language
        super().__init__(*args, initial=initial, **kwargs)
        language = self.fields.pop("language")  # after the kinds
        for name, key in self.kinds.items():
            self.fields[name] = frequency_field(KINDS[key].label)
        self.fields["language"] = language

    def save(self) -> None:
        for name, key in self.kinds.items():
            if name in self.changed_data:
                preference_set(user=self.user, kind=key, frequency=self.cleaned_data[name])
        if "language" in self.changed_data:
            user_update(
                user=self.user,
                display_name=self.user.display_name,
                language=self.cleaned_data["language"],
            )


class FollowForm(forms.Form):
    """What a follow button sends: the content type and id of a district, topic or page."""

    content_type = forms.IntegerField(min_value=1)
    object_id = forms.IntegerField(min_value=1)

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors:
            target = followable_get(
                content_type_id=cleaned_data["content_type"], object_id=cleaned_data["object_id"]
            )
            if target is None:
                raise forms.ValidationError(_("This cannot be followed."), code="not_followable")
            cleaned_data["target"] = target
        return cleaned_data
