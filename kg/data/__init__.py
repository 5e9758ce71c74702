"""The data kg ships: gazetteer, word lists, relation patterns, cue words, styles, the ontology
(``kg.ttl``) and the SPARQL queries (``queries/*.rq``)."""
