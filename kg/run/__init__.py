"""Running the stages: one document's extraction, the build, worker processes, the cache and
the map/reduce split."""
