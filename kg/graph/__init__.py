"""Stage 4: extractions → one graph. Entity resolution across documents, the RDF triples and
their Turtle, stores, SPARQL queries and endpoints."""
