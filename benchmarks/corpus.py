"""A realistic benchmark corpus made from the seeds alone (no downloads):
articles of seed-like length whose paragraphs are sentences of the seeds,
recombined at random with a fixed seed. Traditional and Simplified seeds
are kept apart so that every article is written in one script."""

from __future__ import annotations

import random
import re
from pathlib import Path

from kg.text.files import read_document
from kg.text.normalize import is_traditional

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_SENTENCE = re.compile(r"[^。！？!?；\n]+[。！？!?；]*[”’」』）)】》\"']*")


def seed_sentences(seeds: Path = SEEDS) -> dict[bool, list[str]]:
    """Sentences of the seed articles, grouped by script (True: Traditional)."""
    groups: dict[bool, list[str]] = {False: [], True: []}
    for path in sorted(seeds.glob("*.txt")):
        text = read_document(path).original
        sentences = [s.strip() for s in _SENTENCE.findall(text) if len(s.strip()) >= 6]
        groups[is_traditional(text)].extend(sentences)
    return groups


def write_corpus(folder: Path, min_bytes: int = 5_500_000, *, seed: int = 20250101,
                 seeds: Path = SEEDS) -> tuple[int, int, int]:
    """Write articles ``folder/NNNNN.txt`` until they hold ``min_bytes`` of
    UTF-8; returns (files, bytes, characters)."""
    rng = random.Random(seed)
    groups = {k: v for k, v in seed_sentences(seeds).items() if v}
    scripts = sorted(groups)
    folder.mkdir(parents=True, exist_ok=True)
    files = size = chars = 0
    while size < min_bytes:
        pool = groups[rng.choice(scripts)]
        target = rng.randint(1500, 9000)          # the seeds have 6k–19k bytes
        title = rng.choice(pool)[:40]
        paragraphs, length = [title], len(title)
        while length < target:
            paragraph = "".join(rng.choice(pool) for _ in range(rng.randint(2, 6)))
            paragraphs.append(paragraph)
            length += len(paragraph)
        text = "\n\n".join(paragraphs) + "\n"
        data = text.encode("utf-8")
        (folder / f"{files:05d}.txt").write_bytes(data)
        files += 1
        size += len(data)
        chars += len(text)
    return files, size, chars
