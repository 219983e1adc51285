"""The headless delivery API (``/api/v1/``): routes in ``api``, shapes in ``schemas`` and
``serializers``, HTTP caching in ``caching``, draft preview tokens in ``preview``."""
