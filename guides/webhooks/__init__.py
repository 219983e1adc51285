"""Publish webhooks: tell subscribers (by id only) when a guide is published or unpublished."""
