"""Background tasks of the webhooks (django-tasks)."""

from django_tasks import task

from guides.webhooks import delivery


@task()
def deliver_webhook(event_id: str, subscription_id: int, attempt: int = 1) -> str:
    """Deliver one event to one subscriber (one attempt; failures schedule the next)."""
    return delivery.deliver(event_id, subscription_id, attempt)
