"""Locust profile for `make load` (RELIABILITY case 29): citizens and API consumers over
every audience variant of both demo guides, as HTML and JSON, plus each guide's unfiltered
JSON and the list endpoint. bench/load.py writes the variants to LOAD_PATHS_FILE (one
"kind<TAB>path" per line) and runs this headless against the app and against nginx.
"""

import os
import random

from locust import HttpUser, between, task

with open(os.environ["LOAD_PATHS_FILE"], encoding="utf-8") as lines:
    PATHS = [line.rstrip("\n").split("\t", 1) for line in lines if line.strip()]
HTML = [(kind, path) for kind, path in PATHS if kind.startswith("html")]
API = [(kind, path) for kind, path in PATHS if not kind.startswith("html")]


class Citizen(HttpUser):
    """Reads a tailored guide as HTML, now and then a second audience."""

    weight = 1
    wait_time = between(0.5, 1.5)

    @task
    def read_guide(self):
        kind, path = random.choice(HTML)
        self.client.get(path, name=kind)


class ApiConsumer(HttpUser):
    """A front end asking for the JSON of one audience, the unfiltered guide or the list."""

    weight = 1
    wait_time = between(0.5, 1.5)

    @task
    def read_json(self):
        kind, path = random.choice(API)
        self.client.get(path, name=kind)
