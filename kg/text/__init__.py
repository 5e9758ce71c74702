"""Stage 1: files → documents. Decoding, titles, normalisation with an offset map back to the
original, sentence splitting."""
