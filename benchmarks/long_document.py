"""Time per character of ONE long article (issue 17, item 9; not part of the
test suite):

    python -m benchmarks.long_document                       # 0.1, 1 and 10 M characters
    python -m benchmarks.long_document --chars 100000,2000000

The article is the seed articles repeated until it has the given length, so
every size holds the same kinds of sentences. Each size is extracted in a
fresh child process (the pipeline loaded first and not timed). Extraction
is linear when the last column stays flat: the work per sentence depends
on the sentence's neighbourhood, not on the length of the document."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys, time
from pathlib import Path
from kg.run.extract import Extractor
from kg.text.document import Document

n = int(sys.argv[1])
seeds = "".join(p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt")))
extractor = Extractor()
extractor.extract(Document.from_text(seeds[:2000]))
document = Document.from_text((seeds * (n // len(seeds) + 1))[:n])
started = time.perf_counter()
extraction = extractor.extract(document)
seconds = time.perf_counter() - started
print(json.dumps({"chars": n, "seconds": seconds, "facts": len(extraction.facts)}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", default="100000,1000000,10000000",
                        help="comma-separated article lengths in characters")
    args = parser.parse_args(argv)
    rows = []
    for n in (int(x) for x in args.chars.split(",")):
        out = subprocess.run([sys.executable, "-c", CHILD, str(n), str(ROOT / "seeds")], check=True,
                             capture_output=True, text=True, cwd=ROOT).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(f"{n:>12,} chars  {rows[-1]['seconds']:8.1f} s  "
              f"{rows[-1]['seconds'] / n * 1e6:6.1f} µs/char", file=sys.stderr, flush=True)
    print("| characters | seconds | µs per character | facts |\n|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['chars']:,} | {r['seconds']:.1f} | {r['seconds'] / r['chars'] * 1e6:.1f} | {r['facts']:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
