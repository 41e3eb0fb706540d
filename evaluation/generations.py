"""The evaluation generation: a response changes the figures of the evaluation pages and the
"Experience in Dortmund" of the format pages, so saving one begins a new generation
(``mitwirken.web.generations``, docs/performance.md "Page cache"). Imported by
``EvaluationConfig.ready``. The figures of reach depend on participation's generation too.
"""

from mitwirken.web import generations

#: Responses to surveys. Format pages show satisfaction from them, so every page depends on it.
EVALUATION = generations.every_page_depends_on("evaluation")

generations.begin_on_save(EVALUATION, "evaluation.Response", "evaluation.Survey")
