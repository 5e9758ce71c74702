"""Benchmarks of kg, in one run (not part of the test suite):

    python -m benchmarks.run                  # ~15 minutes on 2 cores
    python -m benchmarks.run --quick          # a 1 MB corpus, 200k triples: a smoke run

1. writes a corpus of ≥ 5 MB recombined from the seeds' sentences into a
   temporary folder (benchmarks/corpus.py; nothing is downloaded);
2. the baseline: the same texts tokenised with spaCy's Chinese class and
   the jieba segmenter (``nlp.pipe``), characters per second;
3. ``kg build`` of the corpus with 1 and with 2 worker processes (no
   cache): characters per second, the ratio to the baseline, the 2-job
   speed-up, peak memory — baseline and both builds interleaved for
   --rounds rounds (medians, with their range: a shared machine drifts);
   then an incremental rebuild after adding one article;
4. every ``queries/*.rq`` on a graph of ≥ 1 M triples (the corpus's
   extractions under new document ids, as many times as it takes), with the
   Oxigraph-backed store and with rdflib's own: parse time, peak memory,
   latency of each query (median of --repeat runs).

Every measurement runs in a fresh child process, so peak memory is its own.
Prints a report (Markdown, as in the README) and writes it as JSON too."""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# --- measurements, each in a child process -----------------------------------------------

def _peak_mb() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb": round(own), "peak_worker_mb": round(children)}


def child_baseline(corpus: str) -> dict:
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(corpus).glob("*.txt"))]
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    list(nlp.pipe(["预热一下分词器。"]))                  # jieba loads its dictionary on first use
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    seconds = time.perf_counter() - started
    chars = sum(map(len, texts))
    return {"chars": chars, "tokens": tokens, "seconds": seconds, "chars_per_s": chars / seconds,
            **_peak_mb()}


def child_build(corpus: str, out: str, jobs: str, cache: str) -> dict:
    from kg.run.build import build, read_documents

    chars = sum(len(d.original) for d in read_documents([Path(corpus)], False, []))
    marks: list[float] = []
    started = time.perf_counter()
    result = build([Path(corpus)], Path(out), jobs=int(jobs), cache=cache == "1",
                   progress=lambda i, n: marks.append(time.perf_counter()))
    seconds = time.perf_counter() - started
    extraction = (marks[-1] - started) if marks else 0.0
    return {"chars": chars, "documents": result.documents, "extracted": result.extracted,
            "cached": result.cached, "seconds": seconds, "chars_per_s": chars / seconds,
            "extraction_seconds": extraction, "graph_seconds": seconds - extraction,
            "ttl_bytes": (Path(out) / "graph.ttl").stat().st_size, **_peak_mb()}


def child_big_graph(cache_root: str, out_ttl: str, min_triples: str) -> dict:
    """The extractions in a build's cache, again and again under new document
    ids (a bigger corpus about the same entities), until the graph has
    ``min_triples``; written as Turtle by kg's writer."""
    import gc
    import hashlib
    from dataclasses import replace

    from kg.run.cache import decode_extraction
    from kg.lexicon import load_lexicon
    from kg.ontology.schema import load_schema
    from kg.graph.triples import build_graph, serialize
    from kg.graph.resolve import Resolver

    gc.disable()
    base = [decode_extraction(json.loads(p.read_bytes())["extraction"])
            for p in sorted(Path(cache_root).rglob("*.json"))]

    def copy(ex, k):
        doc_id = hashlib.sha256(f"{k}:{ex.document.sha256}".encode()).hexdigest()
        info = replace(ex.document, doc_id=doc_id[:16], sha256=doc_id,
                       files=tuple(f"copy{k}/{f}" for f in ex.document.files))
        ev = lambda e: replace(e, doc_id=info.doc_id)  # noqa: E731
        return replace(ex, document=info,
                       facts=tuple(replace(f, evidence=ev(f.evidence)) for f in ex.facts),
                       attributes=tuple(replace(a, evidence=ev(a.evidence)) for a in ex.attributes))

    copies, target = 1, int(min_triples)
    while True:
        extractions = [ex if k == 0 else copy(ex, k) for k in range(copies) for ex in base]
        resolved = Resolver(load_lexicon(), load_schema()).resolve(extractions)
        graph = build_graph(extractions, resolved, load_schema())
        triples = len(graph)
        if triples >= target:
            break
        copies = max(copies + 1, int(copies * target / triples * 1.02) + 1)
    data = serialize(graph)
    Path(out_ttl).write_bytes(data)
    return {"copies": copies, "documents": len(extractions), "triples": triples,
            "entities": len(resolved.entities), "ttl_bytes": len(data)}


def child_queries(graph_file: str, store: str, repeat: str, skip: str = "") -> None:
    """Prints one JSON line after parsing, then one per query as it ends
    (the parent stops a query that runs too long and starts again after it)."""
    from kg.graph.query import load_graph, read_query, run_query
    from kg.resources import QUERIES_DIR

    started = time.perf_counter()
    graph = load_graph(graph_file, store)
    print(json.dumps({"parse_seconds": time.perf_counter() - started, **_peak_mb()}), flush=True)
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        if path.stem in skip.split(","):
            continue
        print(json.dumps({"start": path.stem}), flush=True)
        text = read_query(path)
        times = []
        for _ in range(int(repeat)):
            t0 = time.perf_counter()
            result = run_query(graph, text, source=path.name)
            rows = sum(1 for _ in result)           # the answer is read to the end
            times.append(time.perf_counter() - t0)
        print(json.dumps({"query": path.stem, "latency": statistics.median(times), "rows": rows,
                          **_peak_mb()}), flush=True)


def run_queries(graph_file: Path, store: str, repeat: int, limit: float) -> dict:
    """Every query on the graph in ``store``; a query still running after
    ``limit`` seconds is stopped and recorded as ``None``."""
    import queue
    import threading

    out: dict = {"store": store, "latency_s": {}, "rows": {}, "peak_mb": 0, "parse_seconds": None,
                 "limit_s": limit}
    done: list[str] = []
    while True:
        proc = subprocess.Popen([sys.executable, "-m", "benchmarks.run", "--child", "queries",
                                 str(graph_file), store, str(repeat), ",".join(done)],
                                cwd=ROOT, env=_env(), stdout=subprocess.PIPE, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [lines.put(ln) for ln in proc.stdout] + [lines.put(None)],
                         daemon=True).start()
        current, restart = None, False
        while True:
            try:
                line = lines.get(timeout=limit if current else 3600)
            except queue.Empty:
                proc.kill()
                proc.wait()
                out["latency_s"][current] = None
                done.append(current)
                restart = True
                break
            if line is None:
                break
            data = json.loads(line)
            out["peak_mb"] = max(out["peak_mb"], data.get("peak_mb", 0))
            if "parse_seconds" in data and out["parse_seconds"] is None:
                out["parse_seconds"] = data["parse_seconds"]
            if "start" in data:
                current = data["start"]
            elif "query" in data:
                out["latency_s"][data["query"]] = data["latency"]
                out["rows"][data["query"]] = data["rows"]
                done.append(data["query"])
                current = None
        proc.wait()
        if not restart:
            if proc.returncode != 0:
                raise SystemExit(f"benchmark step queries ({store}) failed (exit {proc.returncode})")
            return out


def child_spin(jobs: str) -> dict:
    """The machine's own ceiling: a pure-Python loop in 1 and in ``jobs`` processes."""
    import multiprocessing

    n = 20_000_000
    started = time.perf_counter()
    _spin(n)
    one = time.perf_counter() - started
    with multiprocessing.get_context("fork").Pool(int(jobs)) as pool:
        started = time.perf_counter()
        pool.map(_spin, [n] * int(jobs))
        many = time.perf_counter() - started
    return {"speedup": one * int(jobs) / many}


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


CHILDREN = {"baseline": child_baseline, "build": child_build, "big-graph": child_big_graph,
            "queries": child_queries, "spin": child_spin}


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def run_child(task: str, *args: str, timeout: float = 3600) -> dict:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.run", "--child", task, *map(str, args)],
                          cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"benchmark step {task} failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the run -------------------------------------------------------------------------------

def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = 0
    return {"nproc": os.cpu_count(), "cpu": model or "unknown", "memory_gib": round(mem),
            "python": platform.python_version(), "platform": platform.platform()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.5, help="corpus size in MB (default 5.5)")
    parser.add_argument("--triples", type=int, default=1_000_000,
                        help="at least this many triples in the query graph (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query (median; default 3)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of baseline, --jobs 1 and --jobs 2 builds (medians; default 3)")
    parser.add_argument("--memory-limit", type=float, default=120, metavar="SECONDS",
                        help="stop a query on rdflib's memory store after this long (default 120; "
                             "0: skip that store)")
    parser.add_argument("--quick", action="store_true", help="1 MB corpus, 200k triples, 1 run")
    parser.add_argument("--work", type=Path, help="keep the corpus and graphs in this folder")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        task, *rest = args.child
        answer = CHILDREN[task](*rest)
        if answer is not None:
            print(json.dumps(answer))
        return 0
    if args.quick:
        args.mb, args.triples, args.repeat, args.rounds = 1.0, 200_000, 1, 1
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        report = run(work, args)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    text = markdown(report)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(work: Path, args) -> dict:
    from benchmarks.corpus import write_corpus

    report: dict = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "repeat": args.repeat,
                    "load_before": os.getloadavg()}
    step("the machine's own 2-process speed-up (a pure-Python loop)")
    report["spin_speedup_2"] = run_child("spin", 2)["speedup"]
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    files, size, chars = write_corpus(corpus, int(args.mb * 1_000_000))
    report["corpus"] = {"files": files, "bytes": size, "chars": chars}
    step(f"corpus: {files} files, {size / 1e6:.1f} MB, {chars:,} characters")

    # Baseline, one job and two jobs, interleaved round after round: on a
    # shared machine the speed drifts, and each round's ratios compare runs
    # taken side by side. Reported: the median run of each and the median
    # of the rounds' ratios, with their range.
    runs: dict[str, list[dict]] = {"baseline": [], "build_jobs1": [], "build_jobs2": []}
    for k in range(1, args.rounds + 1):
        step(f"round {k}/{args.rounds}: baseline (spaCy Chinese + jieba, nlp.pipe)")
        runs["baseline"].append(run_child("baseline", corpus))
        for jobs in (1, 2):
            step(f"round {k}/{args.rounds}: kg build --jobs {jobs} --no-cache")
            shutil.rmtree(work / f"out-j{jobs}", ignore_errors=True)     # a clean build: no diff with the last round's
            runs[f"build_jobs{jobs}"].append(run_child("build", corpus, work / f"out-j{jobs}", jobs, 0))
    for name, found in runs.items():
        report[name] = sorted(found, key=lambda r: r["seconds"])[len(found) // 2]
    ratios = [b["chars_per_s"] / a["chars_per_s"] for a, b in zip(runs["baseline"], runs["build_jobs1"])]
    speedups = [a["seconds"] / b["seconds"] for a, b in zip(runs["build_jobs1"], runs["build_jobs2"])]
    report["rounds"] = args.rounds
    report["ratio_to_baseline"] = statistics.median(ratios)
    report["ratio_range"] = (min(ratios), max(ratios))
    report["speedup_2_jobs"] = statistics.median(speedups)
    report["speedup_range"] = (min(speedups), max(speedups))

    step("incremental: a build with the cache, one new article, a rebuild")
    out = work / "out-cached"
    report["cold_cached_build"] = run_child("build", corpus, out, 2, 1)
    extra = corpus / "zz-new-article.txt"
    shutil.copyfile(ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))[0], extra)
    report["rebuild_one_new"] = run_child("build", corpus, out, 1, 1)
    extra.unlink()

    step(f"a query graph of ≥ {args.triples:,} triples")
    big = work / "big.ttl"
    report["query_graph"] = run_child("big-graph", out / ".kg-cache", big, args.triples)
    step("queries/*.rq on it, Oxigraph store")
    report["queries_oxigraph"] = run_queries(big, "oxigraph", args.repeat, 3600)
    if args.memory_limit:
        step("queries/*.rq on it, rdflib memory store")
        report["queries_memory"] = run_queries(big, "memory", 1, args.memory_limit)
    report["load_after"] = os.getloadavg()
    return report


def markdown(r: dict) -> str:
    m, c, base = r["machine"], r["corpus"], r["baseline"]
    b1, b2, inc = r["build_jobs1"], r["build_jobs2"], r["rebuild_one_new"]
    q, ox = r["query_graph"], r["queries_oxigraph"]
    mem = r.get("queries_memory") or {"latency_s": {}, "peak_mb": None, "parse_seconds": None}
    load = ", ".join(f"{x:.1f}" for x in r["load_before"])
    lines = [
        f"Taken {r['date']} on {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB, "
        f"Python {m['python']}, with `python -m benchmarks.run`. Load average before the run: "
        f"{load}; a pure-Python loop ran {r['spin_speedup_2']:.2f}× faster in 2 processes than in "
        "1 on this machine at the time (the ceiling for any 2-job speed-up).",
        "",
        f"Corpus: {c['files']} articles recombined from the seeds' sentences, "
        f"{c['bytes'] / 1e6:.1f} MB, {c['chars']:,} characters.",
        "",
        "| what | time | characters/s | peak memory |",
        "|---|---|---|---|",
        f"| baseline: spaCy Chinese + jieba, `nlp.pipe` (tokenising only) | {base['seconds']:.1f} s "
        f"| {base['chars_per_s'] / 1e3:.0f}k | {base['peak_mb']} MB |",
        f"| `kg build --jobs 1 --no-cache` (read, extract, resolve, write graph.ttl and graph.html) "
        f"| {b1['seconds']:.1f} s (until the last extraction {b1['extraction_seconds']:.1f} s) "
        f"| {b1['chars_per_s'] / 1e3:.0f}k | {b1['peak_mb']} MB |",
        f"| `kg build --jobs 2 --no-cache` | {b2['seconds']:.1f} s (until the last extraction "
        f"{b2['extraction_seconds']:.1f} s) | {b2['chars_per_s'] / 1e3:.0f}k "
        f"| {b2['peak_mb']} MB + {b2['peak_worker_mb']} MB per worker |",
        f"| `kg build` after adding one article to a cached build | {inc['seconds']:.1f} s "
        f"({inc['extracted']} extracted, {inc['cached']} from the cache) | | {inc['peak_mb']} MB |",
        "",
        f"- **throughput ratio** (`kg build --jobs 1` / baseline): **{r['ratio_to_baseline']:.2f}** "
        f"(median of {r['rounds']} rounds; range {r['ratio_range'][0]:.2f}–{r['ratio_range'][1]:.2f})",
        f"- **2-job speed-up** (`--jobs 1` time / `--jobs 2` time): **{r['speedup_2_jobs']:.2f}×** "
        f"(median of {r['rounds']} rounds; range {r['speedup_range'][0]:.2f}–{r['speedup_range'][1]:.2f}×)",
        f"- after the last extraction (resolve, graph, Turtle, HTML): {b1['graph_seconds']:.1f} s "
        f"with one job, {b2['graph_seconds']:.1f} s with two",
        "",
        f"Queries on {q['triples']:,} triples ({q['documents']:,} documents: the corpus's extractions "
        f"{q['copies']} times over under new document ids; {q['entities']:,} entities; "
        f"graph.ttl {q['ttl_bytes'] / 1e6:.0f} MB), median of {r.get('repeat', 3)} runs on the "
        "Oxigraph store, one on rdflib's, answer read to the end:",
        "",
        "| query | rows | Oxigraph store (default) | rdflib memory store |",
        "|---|---|---|---|",
        f"| *parse graph.ttl* | | {_secs(ox['parse_seconds'])} | {_secs(mem['parse_seconds'])} |",
        f"| *peak memory* | | {ox['peak_mb']} MB | "
        f"{str(mem['peak_mb']) + ' MB' if mem['peak_mb'] else '–'} |",
    ]
    limit = mem.get("limit_s")
    for name in sorted(ox["latency_s"]):
        other = mem["latency_s"].get(name, "skipped")
        shown = f"> {limit:.0f} s (stopped)" if other is None else (
            "–" if other == "skipped" else _secs(other))
        lines.append(f"| {name} | {ox['rows'][name]} | {_secs(ox['latency_s'][name])} | {shown} |")
    return "\n".join(lines)


def _secs(value) -> str:
    if value is None:
        return "–"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


if __name__ == "__main__":
    raise SystemExit(main())
