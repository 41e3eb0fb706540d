"""Reads of the notifications app: what a person follows, what a link in a mail would do,
what has been announced."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Page

from mitwirken.places.models import District, Topic

from .keys import occurrence_q
from .kinds import KINDS, Kind, kind_check
from .models import DEFAULT_FREQUENCY, Follow, Notification, Preference
from .tokens import notification_from_token

#: What visitors without an account may subscribe to by e-mail, besides the pages whose type
#: says so (``email_subscribable``).
SUBSCRIBABLE_MODELS = (District, Topic)
#: A page type whose followers hear of it (a procedure: its phases, its results) sets this
#: class attribute to the sentence that tells what they hear of; visitors may then subscribe to
#: its pages by e-mail, too, and the subscription box shows the sentence.
EMAIL_SUBSCRIBABLE = "email_subscribable"


def email_subscribable(target) -> bool:
    """Whether visitors may subscribe to ``target`` by e-mail: a district, a topic, or a page
    of a type that sends its followers news."""
    if isinstance(target, Page):
        return bool(getattr(target.specific_class, EMAIL_SUBSCRIBABLE, False))
    return isinstance(target, SUBSCRIBABLE_MODELS)


def subscribable_page(page_id) -> Page | None:
    """The live, public page ``page_id`` when visitors may subscribe to it, else None."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None or not email_subscribable(page):
        return None
    return page.specific


def followable_model(model) -> bool:
    """Districts, topics and every kind of page (procedures, news, training modules...)."""
    return model is not None and (issubclass(model, SUBSCRIBABLE_MODELS) or issubclass(model, Page))


def target_key(target) -> tuple[int, int]:
    """(content type id, object id) under which a follow of ``target`` is stored.

    For pages this is their specific type, as ``follow_create`` and ``notify`` see it.
    """
    if isinstance(target, Page):
        return target.content_type_id, target.pk
    return ContentType.objects.get_for_model(target).pk, target.pk


def followable_get(*, content_type_id: int, object_id: int):
    """The district, topic or live page behind these ids, or None when it cannot be followed."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None
    if not followable_model(model):
        return None
    if issubclass(model, Page):
        page = Page.objects.live().public().filter(pk=object_id).first()
        return page.specific if page is not None else None
    return model._default_manager.filter(pk=object_id).first()


def follow_ids_for_user(*, user) -> dict[tuple[int, int], int]:
    """Every follow of ``user`` as {(content type id, object id): follow id}, in one query."""
    rows = Follow.objects.filter(user=user).values_list("content_type_id", "object_id", "pk")
    return {(content_type_id, object_id): pk for content_type_id, object_id, pk in rows}


def follows_for_user(*, user) -> list[Follow]:
    """The user's follows, newest first, with their targets (one query per type of target)."""
    return list(
        Follow.objects.filter(user=user).prefetch_related("target").order_by("-created_at", "-pk")
    )


def follow_for_user(*, user, follow_id: int) -> Follow | None:
    """One follow of ``user``, or None when it is not theirs or does not exist."""
    return Follow.objects.filter(user=user, pk=follow_id).prefetch_related("target").first()


def preferences_for_user(*, user) -> dict[str, str]:
    """The frequency of every kind people choose for themselves; the default where none is set."""
    stored = dict(Preference.objects.filter(user=user).values_list("kind", "frequency"))
    return {
        kind.key: stored.get(kind.key, DEFAULT_FREQUENCY)
        for kind in KINDS.values()
        if kind.digestible
    }


def unsubscribe_preview(*, token: str) -> tuple[str, bool]:
    """What ``unsubscribe(token=...)`` would stop, as a sentence, and whether there is anything.

    Raises InvalidToken for the links ``unsubscribe`` refuses. Changes nothing.
    """
    row = notification_from_token(token)
    if row.subscription is not None:
        return _("E-mails about %(target)s to %(email)s.") % {
            "target": row.subscription.target,
            "email": row.subscription.email,
        }, True
    if row.reason == "follow":
        if row.follow is None:
            return _("You had already stopped following this."), False
        return _("Following %(target)s, and the e-mails about it.") % {
            "target": row.follow.target
        }, True
    if row.user_id is not None and row.reason == "digest":
        return _("This digest."), True
    kind = KINDS.get(row.message.kind)
    if row.user_id is not None and kind is not None and kind.digestible:
        return _("E-mails of the kind “%(kind)s”.") % {"kind": kind.label}, True
    return _("There is nothing to stop for this e-mail."), False


def announced(*, kind: Kind, key: str) -> bool:
    """Whether the occurrence ``key`` of ``kind`` is in the outbox, for anyone.

    ``key`` is what the caller passed to ``notify()`` or ``notify_address()``, or its beginning
    up to a ``:``: mails to each moderator under ``poll:3:1:<address>`` are announced as
    ``poll:3:1``. For callers that announce once, not once per person who follows later.
    """
    return Notification.objects.filter(occurrence_q(kind_check(kind), key)).exists()


def notifications_failed():
    """Mails of the outbox that could not be sent after every attempt, oldest first, with
    their message."""
    return (
        Notification.objects.filter(status=Notification.Status.FAILED)
        .select_related("message")
        .order_by("created_at", "pk")
    )
