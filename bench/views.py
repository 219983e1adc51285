from django.http import HttpResponse

# About the size of a tailored 30-section guide in JSON.
PAYLOAD = b'{"bench": "' + b"x" * 16_000 + b'"}'


def ceiling(request):
    """The in-process ceiling: the whole middleware stack, no database, bytes from memory."""
    return HttpResponse(PAYLOAD, content_type="application/json")
