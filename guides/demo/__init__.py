"""Demo content for the two guides: plain Python data, loaded by ``load_demo``."""
