"""kg: a knowledge graph of the AI industry from Chinese news, as RDF with provenance."""

__version__ = "0.1.0"
