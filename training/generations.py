"""The training generation: registrations, cancellations and sessions change the free places
and the waiting lists that pages show, so each begins a new one (``mitwirken.web.generations``,
docs/performance.md "Page cache"). Imported by ``TrainingConfig.ready``.
"""

from mitwirken.web import generations

#: Sessions and who holds their places. The Schulungen, the hubs, the finder, the format pages
#: and the home page show sessions with their free places, so every page depends on it.
TRAINING = generations.every_page_depends_on("training")

generations.begin_on_save(TRAINING, "training.Session", "training.Enrolment", "training.Trainer")
