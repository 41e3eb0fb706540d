"""The outbox: messages and the notifications that carry them."""

import factory


class MessageFactory(factory.django.DjangoModelFactory):
    """What an event says, as the outbox stores it once per language."""

    class Meta:
        model = "notifications.Message"

    kind = "news.published"
    language = "de"
    subject = factory.Sequence(lambda n: f"Neuigkeit {n}")
    text = "Eine Neuigkeit.\n\n[[unsubscribe-url]]"
    html = "<p>Eine Neuigkeit.</p>"


class NotificationFactory(factory.django.DjangoModelFactory):
    """One row of the outbox; pending and sent to no one in particular unless told otherwise."""

    class Meta:
        model = "notifications.Notification"

    message = factory.SubFactory(MessageFactory)
    email = factory.Sequence(lambda n: f"empfaenger{n}@example.org")
    idempotency_key = factory.Sequence(lambda n: f"test:{n}")
