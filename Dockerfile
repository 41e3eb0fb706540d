# The portal's image: one image for web (gunicorn), Celery worker and Celery beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=mitwirken.settings.production

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 mitwirken

WORKDIR /app
COPY pyproject.toml README.md ./
COPY mitwirken ./mitwirken
COPY participation ./participation
COPY toolkit ./toolkit
COPY wegweiser ./wegweiser
COPY training ./training
COPY evaluation ./evaluation
RUN pip install --no-cache-dir .
COPY . .
# collectstatic needs settings but no services: give it throwaway values for this one step.
RUN SECRET_KEY=build ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    REDIS_URL=redis://build:6379/0 python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media /app/var/private && chown -R mitwirken /app/var

USER mitwirken
EXPOSE 8000
CMD ["gunicorn", "mitwirken.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
