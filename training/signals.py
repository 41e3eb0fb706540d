"""Signals of the training app: the seams where a later app plugs in.

``session_ended``: sent once per session after it has ended, by
``services.session_feedback_request`` (run by the task ``tasks.request_feedback``), inside the
transaction that marks the session's ``feedback_requested_at``. Keyword arguments:

- ``session``: the ``Session`` that ended;
- ``attendees``: the users who took part: those marked present, or, while no attendance is
  recorded, everyone with a confirmed place;
- ``now``: the moment the session was marked.

A receiver (the evaluation app's survey invitation) writes what it sends through the outbox in
that same transaction: when it raises, the session stays unmarked and the task tries again.
"""

from django.dispatch import Signal

session_ended = Signal()
