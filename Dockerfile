# The portal's image: one image for web (gunicorn), worker and beat (Celery); see docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    DJANGO_MEDIA_ROOT=/app/var/media \
    DJANGO_STATICFILES_STORAGE=whitenoise.storage.CompressedManifestStaticFilesStorage

WORKDIR /app

# Dependencies first, so that a code change does not reinstall them. The project itself installs
# no package (`[tool.setuptools] packages = []`): this layer holds only its dependencies.
COPY pyproject.toml README.md ./
RUN pip install .

COPY . .

# Translations are compiled and committed (locale/*/LC_MESSAGES/django.mo); static files are
# collected at build time with hashed names that whitenoise serves with far-future caching.
RUN python manage.py collectstatic --noinput -v 0 \
    && useradd --system --uid 10001 --home-dir /app --no-create-home mpp \
    && mkdir -p /app/var/media /app/var/private-media \
    && chown -R mpp:mpp /app/var \
    && chmod +x scripts/docker-entrypoint.sh

USER mpp
EXPOSE 8000

ENTRYPOINT ["/app/scripts/docker-entrypoint.sh"]
CMD ["web"]
