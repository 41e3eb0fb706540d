"""Rendering: a message once per event and language; a mail per recipient from it."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import select_template
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from mitwirken.web.links import absolute_url, site_root_url

from .models import Message, Notification
from .tokens import unsubscribe_token

#: Stands in the rendered text until the mail is built for one recipient.
UNSUBSCRIBE_MARK = "[[unsubscribe-url]]"


@dataclass(frozen=True)
class Attachment:
    """A file sent with a mail, as text (a calendar entry): its name, content and media type."""

    name: str
    content: str
    mimetype: str = "text/plain"


def message_render(
    *,
    kind: str,
    language: str,
    context: dict,
    url="",
    reply_to: str = "",
    attachment: Attachment | None = None,
) -> Message:
    """Render subject, text and HTML of ``kind`` in ``language`` and store them once, with
    ``attachment`` when given.

    ``url`` is a path or address, or a callable that returns one in the active language.
    """
    root = site_root_url()
    with translation.override(language):
        url = url() if callable(url) else url
        context = {
            **context,
            "kind": kind,
            "url": absolute_url(url, root=root) if url.startswith("/") else url,
            "unsubscribe_url": UNSUBSCRIBE_MARK,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "base_url": root,
        }
        names = [f"notifications/email/{kind}", "notifications/email/update"]
        subject = select_template([f"{name}_subject.txt" for name in names]).render(context)
        text = select_template([f"{name}.txt" for name in names]).render(context)
        html = select_template([f"{name}.html" for name in names]).render(context)
    return Message.objects.create(
        kind=kind,
        language=language,
        subject=" ".join(subject.split())[:250],
        url=context["url"],
        text=text,
        html=html,
        reply_to=reply_to,
        attachment_name=attachment.name if attachment else "",
        attachment_content=attachment.content if attachment else "",
        attachment_type=attachment.mimetype if attachment else "",
    )


def email_build(
    notification: Notification, connection=None, *, root: str = ""
) -> EmailMultiAlternatives:
    """The mail for one outbox row; what people subscribed to carries RFC 8058 one-click headers.
    ``root``: the portal's address (``site_root_url()``), asked once per batch by the caller."""
    message = notification.message
    # In the mail's language, so the page behind the link speaks it too (a worker runs in German).
    with translation.override(message.language):
        path = reverse("notifications:unsubscribe", args=[unsubscribe_token(notification)])
    unsubscribe = absolute_url(path, root=root)
    headers = {"Auto-Submitted": "auto-generated", "Content-Language": message.language}
    if notification.reason != "direct":
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    mail = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text.replace(UNSUBSCRIBE_MARK, unsubscribe),
        to=[notification.email],
        reply_to=[message.reply_to] if message.reply_to else None,
        connection=connection,
        headers=headers,
    )
    mail.attach_alternative(
        message.html.replace(UNSUBSCRIBE_MARK, escape(unsubscribe)), "text/html"
    )
    if message.attachment_name:
        mail.attach(message.attachment_name, message.attachment_content, message.attachment_type)
    return mail
