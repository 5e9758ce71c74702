"""Stage 2: text → typed mentions. The spaCy pipeline, the gazetteer, name grammar (people,
organisation suffixes, weak endings) and the shapes of models and chips."""
