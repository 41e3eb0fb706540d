"""The evaluation pages' contexts and routes, registered with the page kit when imported."""

from . import answering, results  # noqa: F401
