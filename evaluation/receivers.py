"""What evaluation does when a lower app signals: connected in ``EvaluationConfig.ready``."""

from django.dispatch import receiver

from training.signals import session_ended

from . import services


@receiver(session_ended, dispatch_uid="evaluation.session_attendees_invite")
def invite_session_attendees(sender, *, session, attendees, now, **kwargs):
    """After a training session: its attendees are invited to its survey, in the transaction
    that marks the session (when this raises, the session is asked again on the next run)."""
    services.session_attendees_invite(session=session, attendees=attendees, now=now)
