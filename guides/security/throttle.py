"""The admin's login throttle: django-axes, for logins that come through a web request.

django-axes refuses ``authenticate()`` calls without a request. Those only come from our
own code (``manage.py`` commands, the test client's ``login()``), never from a browser, so
this backend lets them through to the password check instead of failing them.
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
