"""The interactive HTML page of a graph (pyvis, offline)."""
