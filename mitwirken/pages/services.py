from django.db import transaction

from .models import Feedback


def feedback_create(
    *, message: str, name: str = "", email: str = "", page_url: str = ""
) -> Feedback:
    """Store the feedback first; mail the staff once the row is committed."""
    from .tasks import feedback_mail_to_staff

    feedback = Feedback.objects.create(message=message, name=name, email=email, page_url=page_url)
    transaction.on_commit(lambda: feedback_mail_to_staff.delay(feedback.pk))
    return feedback
