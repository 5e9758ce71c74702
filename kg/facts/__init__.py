"""Stage 3: mentions in sentences → facts. Relation patterns bound to frames, the roles around a
trigger, references, and literal attributes (dates, sizes, costs)."""
