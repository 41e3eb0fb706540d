from celery import shared_task

from .services import dumps_build


@shared_task
def build_dumps() -> dict[str, int]:
    """The nightly open data downloads: rows written per file."""
    return {f"{dump.dataset}.{dump.format}": dump.rows for dump in dumps_build()}
