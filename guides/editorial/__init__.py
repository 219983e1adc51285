"""Editor tools: audience previews, coverage, readability, link checks and review dates.

The domain logic lives in plain modules (``coverage``, ``readability``, ``links``,
``linkcheck``, ``review``); the rest adapts it to the Wagtail admin. See
docs/editor-tools.md.
"""
