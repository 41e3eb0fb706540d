"""Writes of the toolkit: formats citizens suggest, the drafts staff make of them, review reminders.

Who hears of a suggestion, and of a format without a reviewer that is due for review, are the
toolkit's editors: the members of groups that hold Wagtail's permission to add pages below the
Instrumentenkoffer (the Ombudsstelle's group, once it has that permission), found through Wagtail's
own page permissions (``mitwirken.editorial.selectors.staff_recipients``). When no group holds it,
``settings.STAFF_EMAIL`` (the Ombudsstelle's mailbox) is told instead.
"""

import functools
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html, linebreaks
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Site
from wagtail.rich_text import RichText

from mitwirken.editorial.selectors import Recipient, staff_recipients, staff_users
from mitwirken.notifications.services import notify_recipients
from mitwirken.text import strip_format_controls

from . import rules
from .kinds import REVIEW_DUE, SUGGESTION_CREATED
from .models import (
    FormatCategory,
    FormatPage,
    FormatSuggestion,
    Level,
    Mode,
    Purpose,
    ReviewReminder,
    ToolkitIndexPage,
    ToolkitSettings,
)

logger = logging.getLogger(__name__)

ACCEPT_ACTION = "toolkit.suggestion_accept"
DECLINE_ACTION = "toolkit.suggestion_decline"
#: The review date of a format that was never reviewed, as ``ReviewReminder.review`` stores it.
NEVER_REVIEWED = "never"


# Who may do what --------------------------------------------------------------------------------


def toolkit_index() -> ToolkitIndexPage | None:
    return ToolkitIndexPage.objects.first()


def may_add_formats(user, index: ToolkitIndexPage | None = None) -> bool:
    """Wagtail's page permissions: ``user`` may add a format below the Instrumentenkoffer."""
    index = index or toolkit_index()
    if index is None or user is None or not user.is_authenticated:
        return False
    return index.permissions_for_user(user).can_add_subpage() and FormatPage.can_create_at(index)


def toolkit_editors():
    """Active users in groups that may add formats below the Instrumentenkoffer (superusers,
    who may do everything, are not mailed for it)."""
    index = toolkit_index()
    if index is None:
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()
    return staff_users(page=index)


# Suggestions ------------------------------------------------------------------------------------


def suggestion_create(
    *,
    author,
    title: str,
    description: str,
    category: FormatCategory | None = None,
    counterpart: str = "",
    example_url: str = "",
) -> FormatSuggestion:
    """Store a citizen's suggestion; the toolkit's editors are told once it is committed.

    The suggestion is saved first: should telling the staff fail, nothing the citizen sent is
    lost, and it waits in the admin's queue all the same.
    """
    reason = rules.can_suggest(author)
    if reason:
        raise ValidationError(reason, code="toolkit.suggest")
    suggestion = FormatSuggestion(
        author=author,
        title=strip_format_controls(title).strip(),
        description=description.strip(),
        category=category,
        counterpart=(counterpart or "").strip(),
        example_url=example_url or "",
    )
    suggestion.full_clean()
    suggestion.save()
    transaction.on_commit(
        functools.partial(suggestion_notify_staff, suggestion_id=suggestion.pk), robust=True
    )
    return suggestion


def suggestion_notify_staff(*, suggestion_id: int) -> int:
    """Mail the toolkit's editors about a new suggestion, once per suggestion and address.

    Returns the number of mails written (0 when called again)."""
    suggestion = (
        FormatSuggestion.objects.select_related("author", "category")
        .filter(pk=suggestion_id)
        .first()
    )
    if suggestion is None:
        return 0
    url = reverse("toolkit_suggestions:review", args=[suggestion.pk])
    with transaction.atomic():
        return notify_recipients(
            SUGGESTION_CREATED,
            recipients=staff_recipients(page=toolkit_index()),
            key=f"suggestion:{suggestion.pk}",
            context={"suggestion": suggestion},
            url=url,
        )


def _free_slug(index: ToolkitIndexPage, slug: str, language: str) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` … when the index already has a page with it."""
    taken = set(index.get_children().values_list(f"slug_{language}", flat=True))
    taken |= set(index.get_children().values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _draft_text(suggestion: FormatSuggestion) -> list:
    """The suggestion as "how it works": the citizen's text, then what they added, for staff to
    rework before publishing."""
    blocks = [("paragraph", RichText(linebreaks(suggestion.description, autoescape=True)))]
    notes = []
    if suggestion.counterpart:
        notes.append(
            format_html(
                "{}: {}", _("Established format it replaces or complements"), suggestion.counterpart
            )
        )
    if suggestion.example_url:
        notes.append(
            format_html(
                '{}: <a href="{}">{}</a>',
                _("Where it has been used"),
                suggestion.example_url,
                suggestion.example_url,
            )
        )
    if notes:
        blocks.append(("paragraph", RichText("".join(f"<p>{note}</p>" for note in notes))))
    return blocks


@transaction.atomic
def suggestion_accept(*, suggestion: FormatSuggestion, user) -> FormatPage:
    """Make a draft format below the Instrumentenkoffer from the suggestion, in one step.

    The draft (not live) has the suggestion's name, its text as summary and "how it works", its
    category (else the first one) and defaults for the classification that staff then complete.
    The suggestion is marked accepted and linked to the draft. Needs Wagtail's permission to add
    pages below the Instrumentenkoffer; a suggestion is accepted once.
    """
    index = toolkit_index()
    if index is None:
        raise ValidationError(_("The toolkit page does not exist yet."))
    if not may_add_formats(user, index):
        raise PermissionDenied(_("You may not add formats to the toolkit."))
    suggestion = FormatSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != FormatSuggestion.Status.NEW:
        raise ValidationError(_("This suggestion has already been dealt with."))
    category = suggestion.category or FormatCategory.objects.order_by("sort_order", "name").first()
    if category is None:
        raise ValidationError(_("Create a format category first."))
    slug = slugify(suggestion.title)[:80].strip("-") or "format"
    source = settings.LANGUAGE_CODE
    # In the source language, so that the page's own fields (title, slug, …) are the German ones
    # whatever language the admin speaks; other languages fall back to them until translated.
    with translation.override(source):
        to_complete = _("to be completed")
        page = FormatPage(
            owner=user,
            live=False,
            category=category,
            mode=Mode.DIGITAL,
            purpose=Purpose.CONSULT,
            cost_level=Level.MEDIUM,
            reviewer=user,
            title=suggestion.title,
            draft_title=suggestion.title,
            slug=_free_slug(index, slug, source),
            summary=Truncator(suggestion.description).chars(
                FormatPage._meta.get_field("summary").max_length
            ),
            how_it_works=_draft_text(suggestion),
            duration=to_complete,
        )
        for name in ("title", "slug", "summary", "how_it_works", "duration"):
            setattr(page, f"{name}_{source}", getattr(page, name))
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
    log(instance=page, action="wagtail.create", user=user)
    suggestion.status = FormatSuggestion.Status.ACCEPTED
    suggestion.format_page = page
    suggestion.save(update_fields=["status", "format_page"])
    log(instance=suggestion, action=ACCEPT_ACTION, user=user, data={"page_id": page.pk})
    return page


@transaction.atomic
def suggestion_decline(*, suggestion: FormatSuggestion, user) -> FormatSuggestion:
    """Decline a new suggestion: it stays in the list, marked declined."""
    if not may_add_formats(user):
        raise PermissionDenied(_("You may not add formats to the toolkit."))
    suggestion = FormatSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != FormatSuggestion.Status.NEW:
        raise ValidationError(_("This suggestion has already been dealt with."))
    suggestion.status = FormatSuggestion.Status.DECLINED
    suggestion.save(update_fields=["status"])
    log(instance=suggestion, action=DECLINE_ACTION, user=user)
    return suggestion


# Keeping the formats current --------------------------------------------------------------------


def review_months(*, site: Site | None = None) -> int:
    """How many months a review holds (ToolkitSettings of ``site``, else of the default site)."""
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ToolkitSettings._meta.get_field("review_months").default
    return ToolkitSettings.for_site(site).review_months


def review_key(format_page: FormatPage) -> str:
    """The review a reminder is about: the ISO date of the last review, or "never"."""
    if format_page.last_reviewed is None:
        return NEVER_REVIEWED
    return format_page.last_reviewed.isoformat()


def formats_due_for_review(*, months: int | None = None, today=None):
    """Live formats whose last review is older than ``months`` (the setting) or missing."""
    months = review_months() if months is None else months
    return (
        FormatPage.objects.live()
        .review_due(months=months, today=today)
        .select_related("reviewer", "category")
    )


def _review_recipients(format_page: FormatPage) -> list[Recipient]:
    reviewer = format_page.reviewer
    if reviewer is not None and reviewer.is_active and reviewer.email:
        return [Recipient(reviewer.email, reviewer.language, reviewer)]
    return staff_recipients(page=toolkit_index())


def review_reminders_send(*, today=None) -> int:
    """Remind whoever keeps each live format current that it is due for review: its reviewer,
    else the toolkit's editors. Once per format and review date (``ReviewReminder``), so a
    second run sends nothing; after a new review, the next one is reminded of again.

    Returns the number of formats reminded of."""
    today = today or timezone.localdate()
    months = review_months()
    reminded = 0
    for format_page in formats_due_for_review(months=months, today=today).order_by("pk"):
        review = review_key(format_page)
        with transaction.atomic():
            _reminder, created = ReviewReminder.objects.get_or_create(
                format_page=format_page, review=review
            )
            if not created:
                continue
            url = reverse("wagtailadmin_pages:edit", args=[format_page.pk])
            notify_recipients(
                REVIEW_DUE,
                recipients=_review_recipients(format_page),
                key=f"format:{format_page.pk}:{review}",
                context={
                    "format": format_page,
                    "last_reviewed": format_page.last_reviewed,
                    "months": months,
                },
                url=url,
            )
            reminded += 1
    return reminded
