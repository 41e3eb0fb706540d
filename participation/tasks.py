"""Jobs of the participation app; each is idempotent: a second run sends nothing new."""

from celery import shared_task

from .services import moderation, results


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_results_reminders() -> int:
    """Remind staff of procedures closed for a while without results (once per procedure)."""
    return results.results_reminders_send()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def announce_phases() -> int:
    """Tell followers of procedures about phases that have started (once per phase)."""
    return results.phases_announce()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def send_report_alerts() -> int:
    """Mail the moderators the reports of each alert window that has ended (once per window)."""
    return moderation.report_alerts_send()
