"""Background tasks of the delivery layer (django-tasks; ``manage.py db_worker`` runs them)."""

from django_tasks import task


@task()
def warm_delivery() -> int:
    """Pre-render every live, public guide (after an authority changed)."""
    from guides.delivery.prerender import warm_all

    return warm_all()


@task()
def purge_frontend_cache(urls: list[str], backend_names: list[str] | None = None, attempt: int = 1) -> str:
    """Purge addresses from the CDN; a failure schedules the next attempt."""
    from guides.delivery.purge import purge

    return purge(urls, backend_names, attempt)


@task()
def export_static_files() -> dict:
    """Re-write the static export (``VEJVISER_STATIC_EXPORT_DIR``) after a publish or unpublish."""
    from django.conf import settings

    from guides.delivery.export import export_static

    return export_static(settings.VEJVISER_STATIC_EXPORT_DIR).as_dict()
