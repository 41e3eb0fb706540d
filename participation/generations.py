"""The participation generation: what people send begins a new one, so pages show it.

Cached pages for visitors name the generations they were made from (``mitwirken.web
.generations``, docs/performance.md "Page cache"). Imported by ``ParticipationConfig.ready``.
"""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from mitwirken.web import generations

#: What people send and staff decide about it. Procedure pages show it, and lists, hubs and the
#: home page show procedures and events with what follows from it, so every page depends on it.
PARTICIPATION = generations.every_page_depends_on("participation")

# Every write of these rows (by the citizens' services, staff entering analog contributions,
# answering, weighing, moderating, the seed) goes through save() or delete().
generations.begin_on_save(
    PARTICIPATION,
    "participation.Proposal",
    "participation.Comment",
    "participation.Support",
    "participation.Poll",
    "participation.PollQuestion",
    "participation.PollChoice",
    "participation.PollVote",
    "participation.Statement",
    "participation.Event",
    "participation.EventRegistration",
)


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="participation.public_name")
def public_name_saved(sender, instance, created, update_fields=None, **kwargs):
    """Contributions show their author's public name (signing in saves only the time of it)."""
    if not created and (update_fields is None or "display_name" in update_fields):
        generations.begin_after_commit(PARTICIPATION)
