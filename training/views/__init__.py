"""The training pages' contexts and routes, registered with the page kit when imported."""

from . import certificates, enrolments, feeds, lessons, materials, pages, sections  # noqa: F401
