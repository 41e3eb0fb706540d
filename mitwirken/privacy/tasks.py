from celery import shared_task

from .services import retention_run


@shared_task
def run_retention() -> dict[str, int]:
    return retention_run()
