"""Delivery: every audience variant of a published guide, pre-rendered and served from the cache.

A small domain module with thin adapters (docs/architecture.md, "Caching and delivery"):

- ``variants``  which variants a live guide has (from ``document.audiences()``) and their addresses;
- ``render``    the one renderer of a variant (API JSON or HTML), used by every path below;
- ``store``     the cache: entries stamped with (page, live revision, generation), the live
                pointers, the generation, and ``respond()`` (headers and 304s);
- ``prerender`` what publish/unpublish/rename/move/restriction changes do to the cache;
- adapters:     ``middleware`` (the warm path, no database), ``views`` (the miss path of the
                HTML), ``guides/api/api.py`` (the miss path of the API), ``signals``, ``tasks``,
                ``purge`` (frontend cache), ``export`` (static files for nginx) and the
                commands ``warm_delivery`` and ``export_static``.

The public API for scripts and the benchmark: ``prerender.prerender_guide(page)``,
``prerender.refresh_guide(page_id)`` and ``prerender.warm_all()``.
"""
