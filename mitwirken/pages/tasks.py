import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Feedback

logger = logging.getLogger(__name__)


@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    max_retries=8,
)
def feedback_mail_to_staff(feedback_id: int) -> None:
    """Forward a feedback message to the staff address; a second run sends nothing."""
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().filter(pk=feedback_id).first()
        if feedback is None or feedback.mailed_at is not None:
            return
        message = EmailMessage(
            subject=f"[MitWIRken] Rückmeldung zur Barrierefreiheit #{feedback.pk}",
            body=render_to_string("pages/email/feedback.txt", {"feedback": feedback}),
            to=[settings.STAFF_EMAIL],
            reply_to=[feedback.email] if feedback.email else None,
        )
        message.send()
        feedback.mailed_at = timezone.now()
        feedback.save(update_fields=["mailed_at"])
        logger.info("Feedback %s mailed to staff", feedback.pk)
