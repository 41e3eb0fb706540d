"""Small helpers every app's ``account_export`` shares: dates as ISO strings, pages as their
title and address."""

import datetime

from mitwirken.web.links import absolute_url


def iso(value: datetime.date | datetime.datetime | None) -> str | None:
    """A date or time as an ISO 8601 string (with its offset), ``None`` when empty."""
    return value.isoformat() if value is not None else None


def page_ref(page) -> dict | None:
    """A page as ``{"title", "url"}`` (its public address; "" while it has none)."""
    if page is None:
        return None
    url = page.get_url() or ""
    return {"title": page.title, "url": absolute_url(url) if url else ""}
