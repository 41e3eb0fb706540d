"""Self-study: a module's lessons and the progress of a signed-in person.

``…/<module>/lektion/<n>/`` shows the n-th lesson with the way to the previous and the next;
anyone may read it. Signed-in people mark it as done (POST ``…/lektion/<n>/erledigt/``, saved
once however often it is sent) and the module page says how far they are and where to go on;
visitors are invited to log in to save their progress.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from mitwirken import limits
from mitwirken.pages.kit import page_route, route_url

from .. import selectors
from ..models import LessonProgress, TrainingModulePage

LESSON_TEMPLATE = "training/lesson_page.html"


def _lesson(page, number: int):
    lessons = list(page.lessons)
    if not 1 <= number <= len(lessons):
        raise Http404
    return lessons, lessons[number - 1]


@page_route(TrainingModulePage, "lektion/<int:number>/", name="lesson")
def lesson_page(request, page, number: int):
    lessons, lesson = _lesson(page, number)
    done = selectors.lessons_done(request.user, page)

    def url(at):
        return route_url(page, "lesson", at, request=request) if 1 <= at <= len(lessons) else ""

    context = {
        "page": page,
        "self": page,
        "lesson": lesson,
        "number": number,
        "count": len(lessons),
        "done": lesson.id in done,
        "done_count": len(done & {item.id for item in lessons}),
        "previous_url": url(number - 1),
        "previous_title": lessons[number - 2].value["title"] if number > 1 else "",
        "next_url": url(number + 1),
        "next_title": lessons[number].value["title"] if number < len(lessons) else "",
        "done_url": route_url(page, "lesson_done", number, request=request),
        "module_url": page.get_url(request),
    }
    return TemplateResponse(request, LESSON_TEMPLATE, context)


@page_route(TrainingModulePage, "lektion/<int:number>/erledigt/", name="lesson_done")
def lesson_done(request, page, number: int):
    """Mark the lesson as done, then on to the next one (or back to the module after the
    last). Sent twice, it is saved once."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    lessons, lesson = _lesson(page, number)
    if not request.user.is_authenticated:
        return redirect_to_login(route_url(page, "lesson", number, request=request))
    if limits.exceeded(request, "training.lesson"):
        messages.error(request, limits.MESSAGE)
        return HttpResponseRedirect(route_url(page, "lesson", number, request=request))
    try:
        with transaction.atomic():
            LessonProgress.objects.get_or_create(user=request.user, module=page, lesson=lesson.id)
    except IntegrityError:
        pass  # the same request, sent twice at once: it is saved already
    messages.success(
        request, _("“%(lesson)s” is marked as done.") % {"lesson": lesson.value["title"]}
    )
    if number < len(lessons):
        return HttpResponseRedirect(route_url(page, "lesson", number + 1, request=request))
    return HttpResponseRedirect(page.get_url(request) + "#lessons")
