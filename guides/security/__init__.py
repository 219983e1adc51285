"""Cross-cutting security adapters: the Content-Security-Policy per part of the site, the
admin's login throttle and the editor's stale-form check. See docs/security.md."""
