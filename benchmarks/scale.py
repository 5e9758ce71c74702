"""The scale benchmark of ``kg merge``: N synthetic extractions, one merge.

    python -m benchmarks.scale --docs 10000
    python -m benchmarks.scale --docs 10000 --docs 50000 --docs 250000 --keep /tmp/scale

1. extracts ``../shared/corpus/texts`` once (``--extractions DIR`` gives a
   ``kg extract`` folder instead; made in this process, not timed);
2. writes N ``.json`` files, what ``kg extract`` writes, each a real
   extraction under a new document id (and new offsets' document in its
   evidence), with the names of the entities the gazetteer does not know
   drawn from a pool that grows with N (``NAME``, ``NAME-2`` … up to
   about √i variants by document i), so the number of distinct things
   grows too; deterministic for a ``--seed``;
3. times ``kg merge DIR --no-html --stream`` in a child process: wall time
   and peak memory (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``;
   one merge per child, so the peak is that merge's);
4. prints one row per N, with time per document and the growth of both
   against the smallest N.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "texts"

__all__ = ["load_sources", "synthetic_entry", "write_synthetic"]


def load_sources(folder: Path) -> tuple[list[dict], str, str]:
    """The extraction data of every ``*.json`` of a ``kg extract`` folder, in
    name order, with their pipeline version and model."""
    sources, version, model = [], "", ""
    for path in sorted(Path(folder).glob("*.json")):
        entry = json.loads(path.read_bytes())
        sources.append(entry["extraction"])
        version, model = entry["version"], entry["model"]
    if not sources:
        raise SystemExit(f"{folder}: no extractions (*.json); run `kg extract` there first")
    return sources, version, model


def synthetic_entry(sources: list[dict], i: int, seed: int, version: str, model: str) -> tuple[str, dict]:
    """Document ``i`` of the synthetic set: (doc_id, its entry as ``kg extract`` writes it)."""
    from kg.run.entries import FORMAT, checksum

    rng = random.Random(f"{seed}:{i}")
    base = sources[rng.randrange(len(sources))]
    doc_id = hashlib.sha256(f"scale:{seed}:{i}".encode()).hexdigest()[:16]
    pool = 1 + math.isqrt(i)           # variants of a name by now
    names: dict[str, str] = {}

    def name(text: str) -> str:
        if text not in names:
            k = rng.randrange(pool) if rng.random() < 0.5 else 0
            names[text] = text if k == 0 else f"{text}-{k + 1}"
        return names[text]

    def mention(m: dict) -> dict:
        if m["key"]:                    # a gazetteer entity stays itself
            return dict(m)
        return {**m, "text": name(m["text"]), "surface": name(m["surface"]) if m["surface"] else ""}

    def evidence(e: dict) -> dict:
        return {**e, "doc_id": doc_id}

    doc = base["document"]
    data = {
        **base,
        "document": {**doc, "doc_id": doc_id, "sha256": hashlib.sha256(doc_id.encode()).hexdigest(),
                     "files": [f"synthetic/{doc_id}.txt"]},
        "mentions": [mention(m) for m in base["mentions"]],
        "aliases": [{**a, "a": mention(a["a"]), "b": mention(a["b"])} for a in base["aliases"]],
        "facts": [{**f, "subject": mention(f["subject"]), "object": mention(f["object"]),
                   "evidence": evidence(f["evidence"])} for f in base["facts"]],
        "attributes": [{**a, "subject": mention(a["subject"]), "evidence": evidence(a["evidence"])}
                       for a in base["attributes"]],
    }
    return doc_id, {"format": FORMAT, "version": version, "model": model, "checksum": checksum(data),
                    "extraction": data}


def write_synthetic(sources: list[dict], n: int, out_dir: Path, *, seed: int = 0,
                    version: str, model: str) -> None:
    """``n`` synthetic extraction files in ``out_dir`` (``<doc_id>.json``)."""
    from kg.run.entries import entry_bytes
    from kg.run.files import write_atomically

    out_dir.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        doc_id, entry = synthetic_entry(sources, i, seed, version, model)
        write_atomically(out_dir, {f"{doc_id}.json": entry_bytes(entry, indent=1)},
                         what="the synthetic extractions", durable=False)


def time_merge(folder: Path, out_dir: Path, extra: list[str]) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of ``kg merge`` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from kg.cli import cli; cli()", "merge", str(folder),
                    "--out", str(out_dir), "--no-html", *extra], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak <= before and before:
        print(f"  (peak not above an earlier child's {before / 1024:.0f} MB: run one N per process)",
              file=sys.stderr)
    return wall, peak / 1024


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, action="append", required=True, help="N (repeatable)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--extractions", type=Path, help="a `kg extract` folder (default: the corpus's)")
    ap.add_argument("--keep", type=Path, help="make the synthetic sets here and keep them")
    ap.add_argument("--in-memory", action="store_true", help="time `kg merge --in-memory` instead")
    args = ap.parse_args(argv)
    work = Path(args.keep or tempfile.mkdtemp(prefix="kg-scale-"))
    source = args.extractions or work / "corpus-extractions"
    if args.extractions is None:
        from kg.run.mapreduce import extract_to_folder

        extract_to_folder([CORPUS], source)
    from kg.run.files import write_atomically

    sources, version, model = load_sources(source)
    rows = []
    try:
        for n in sorted(args.docs):
            folder = work / f"docs-{n}"
            if not (folder / ".complete").is_file():
                started = time.perf_counter()
                write_synthetic(sources, n, folder, seed=args.seed, version=version, model=model)
                write_atomically(folder, {".complete": str(n).encode()}, what="the synthetic extractions")
                print(f"  wrote {n} extractions in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            wall, peak = time_merge(folder, work / f"out-{n}",
                                    ["--in-memory" if args.in_memory else "--stream"])
            rows.append((n, wall, peak))
            print(f"{n:>8} docs  {wall:8.1f} s  {1000 * wall / n:6.2f} ms/doc  {peak:7.0f} MB", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    n0, w0, p0 = rows[0]
    for n, wall, peak in rows[1:]:
        print(f"{n0} → {n}: docs ×{n / n0:.1f}, time ×{wall / w0:.2f} (per doc ×{wall / n * n0 / w0:.2f}), "
              f"peak memory ×{peak / p0:.2f}")


if __name__ == "__main__":
    main()
