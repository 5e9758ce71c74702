"""The shape of graph.ttl for a tiny build (ontology/README.md): typed and
labelled entities, a statement node with provenance for every relation and
attribute, document nodes, language tags, and byte-identical output.

The input files are written here (one Simplified, the same text again, one
Traditional with full-width Latin, one GB18030 with CRLF line ends)."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.run.build import build
from kg.text.decode import decode
from kg.ontology.vocab import ATTRIBUTES, DOC, ENTITY, ENTITY_CLASSES, KG, RELATIONS

FILES = {
    "a.txt": ("星河智算发布Zeta-7B\n\n"
              "2025年3月12日，星河智算公司发布了Zeta-7B模型，参数量为3550亿。详见 https://example.com/zeta 。\n\n"
              "北辰大学教授王小明表示，Zeta-7B令人印象深刻。梁文锋创立了DeepSeek。DeepSeek-R1超越了GPT-4o。\n",
              "utf-8"),
    "b.txt": None,    # the same bytes as a.txt
    "c.txt": ("輝達動態\n\n輝達執行長黃仁勳表示，DeepSeek-R1令人印象深刻。ＯｐｅｎＡＩ發布了ＧＰＴ－４ｏ。\n", "utf-8"),
    "d.txt": ("腾讯元宝、百度搜索和微信等接入了DeepSeek-R1。\r\n来自杭州的DeepSeek引发关注。\r\n"
              "阿里巴巴旗下的阿里云使用了1024块H800。\r\n", "gb18030"),
}
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE, XSD_DECIMAL, XSD_INTEGER = (URIRef(XSD_NS + t) for t in ("date", "decimal", "integer"))
_HAN = re.compile(r"[\u3400-\u9fff]")
CLASSES = {KG[c] for c in ENTITY_CLASSES}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, spec in FILES.items():
        if spec is not None:
            text, codec = spec
            (folder / name).write_bytes(text.encode(codec))
    shutil.copyfile(folder / "a.txt", folder / "b.txt")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("rdf")
    corpus = write_corpus(root / "in")
    build([corpus], root / "out", html=False)
    data = (root / "out" / "graph.ttl").read_bytes()
    g = Graph()
    g.parse(data=data, format="turtle")
    texts = {p.name: decode(p.read_bytes(), p.name) for p in corpus.iterdir()}
    return {"root": root, "corpus": corpus, "ttl": data, "graph": g, "texts": texts}


def entities(g: Graph):
    return sorted({s for s, o in g.subject_objects(RDF.type) if o in CLASSES})


def statements(g: Graph, s, p, o):
    return [st for st in g.subjects(RDF.type, RDF.Statement)
            if (st, RDF.subject, s) in g and (st, RDF.predicate, p) in g and (st, RDF.object, o) in g]


def test_the_build_found_something(built):
    g = built["graph"]
    predicates = {p for _, p, _ in g}
    for rel in ("released", "praised", "founded", "outperforms", "affiliatedWith", "integrated",
                "locatedIn", "subsidiaryOf", "usesHardware"):
        assert KG[rel] in predicates, rel
    for attr in ("releaseDate", "parameterCount"):
        assert KG[attr] in predicates, attr


def test_every_entity_has_one_class_and_one_label(built):
    g = built["graph"]
    ents = entities(g)
    assert len(ents) >= 10
    for e in ents:
        assert str(e).startswith(str(ENTITY))
        types = set(g.objects(e, RDF.type))
        assert len(types) == 1 and types <= CLASSES, (e, types)
        labels = list(g.objects(e, RDFS.label))
        canonical = [label for label in labels if label.language != "en"]
        assert len(canonical) == 1 and len(labels) - len(canonical) <= 1, (e, labels)
        assert set(g.objects(e, KG.mentionedIn)), e
        assert all(str(d).startswith(str(DOC)) for d in g.objects(e, KG.mentionedIn))


def test_no_untyped_entity_nodes(built):
    g = built["graph"]
    typed = set(entities(g))
    for node in set(g.subjects(KG.mentionedIn, None)) | set(g.subjects(RDFS.label, None)):
        assert node in typed, node


def test_labels_carry_zh_only_when_chinese(built):
    g = built["graph"]
    for prop in (RDFS.label, SKOS.altLabel, DCTERMS.title):
        for _, lit in g.subject_objects(prop):
            assert isinstance(lit, Literal)
            if prop == RDFS.label and lit.language == "en":     # the English name of a Chinese one
                assert not _HAN.search(str(lit)), lit
                continue
            assert lit.language == ("zh" if _HAN.search(str(lit)) else None), (prop, lit)
    assert Literal("梁文锋", lang="zh") in set(g.objects(ENTITY["liang-wenfeng"], RDFS.label))
    assert Literal("黃仁勳", lang="zh") in set(g.objects(ENTITY["jensen-huang"], SKOS.altLabel))
    assert Literal("DeepSeek-R1") in set(g.objects(ENTITY["deepseek-r1"], RDFS.label))


def test_every_relation_has_a_statement_with_provenance(built):
    g = built["graph"]
    names = {}
    for doc in g.subjects(RDF.type, KG.Document):
        names[doc] = [str(n) for n in g.objects(doc, KG.fileName)]
    n = 0
    for rel in RELATIONS + ATTRIBUTES:
        for s, o in g.subject_objects(KG[rel]):
            sts = statements(g, s, KG[rel], o)
            assert sts, (s, rel, o)
            for st in sts:
                n += 1
                (doc,) = g.objects(st, PROV.wasDerivedFrom)
                assert doc in names
                (ev,) = g.objects(st, KG.evidence)
                (start,) = g.objects(st, KG.charStart)
                (end,) = g.objects(st, KG.charEnd)
                for name in names[doc]:
                    assert built["texts"][name][start.toPython():end.toPython()] == str(ev), (name, rel)
                (by,) = g.objects(st, KG.extractedBy)
                assert str(by)
                (conf,) = g.objects(st, KG.confidence)
                assert conf.datatype == XSD_DECIMAL
                assert 0 < float(conf) <= 1
                if rel != "affiliatedWith":
                    assert not set(g.objects(st, KG.role))
    assert n >= 10


def test_every_statement_is_asserted(built):
    g = built["graph"]
    for st in g.subjects(RDF.type, RDF.Statement):
        (s,) = g.objects(st, RDF.subject)
        (p,) = g.objects(st, RDF.predicate)
        (o,) = g.objects(st, RDF.object)
        assert (s, p, o) in g


def test_affiliation_statement_keeps_the_role(built):
    g = built["graph"]
    (st,) = statements(g, ENTITY["jensen-huang"], KG.affiliatedWith, ENTITY["nvidia"])
    assert set(g.objects(st, KG.role)) == {Literal("执行长", lang="zh")}


def test_attributes_are_typed_literals(built):
    g = built["graph"]
    dates = list(g.objects(None, KG.releaseDate))
    assert Literal("2025-03-12", datatype=XSD_DATE) in dates
    counts = list(g.objects(None, KG.parameterCount))
    assert Literal(355000000000, datatype=XSD_INTEGER) in counts


def test_document_nodes(built):
    g = built["graph"]
    docs = set(g.subjects(RDF.type, KG.Document))
    assert len(docs) == 3                                     # a.txt and b.txt are one document
    by_files = {}
    for doc in docs:
        (title,) = g.objects(doc, DCTERMS.title)
        (sha,) = g.objects(doc, KG.sha256)
        files = sorted(str(f) for f in g.objects(doc, KG.fileName))
        by_files[tuple(files)] = doc
        text = built["texts"][files[0]]
        assert str(sha) == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert str(doc) == str(DOC) + str(sha)[:16]
        assert str(title)
    assert set(by_files) == {("a.txt", "b.txt"), ("c.txt",), ("d.txt",)}
    (title,) = g.objects(by_files["c.txt",], DCTERMS.title)
    assert title == Literal("輝達動態", lang="zh")


def test_same_input_gives_byte_identical_turtle(built, tmp_path):
    corpus = write_corpus(tmp_path / "again")
    build([corpus], tmp_path / "out", html=False)
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == built["ttl"]
    # and again into the same folder (whatever it keeps between builds)
    build([corpus], tmp_path / "out", html=False)
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == built["ttl"]


def test_the_graph_file_declares_the_prefixes_of_the_one_prefix_table():
    from kg.graph.triples import new_graph, serialize
    from kg.ontology.vocab import PREFIXES

    assert {p: str(ns) for p, ns in new_graph().namespaces() if p in PREFIXES} == PREFIXES
    head = serialize([(ENTITY["x"], RDF.type, KG.Company)]).decode("utf-8").split("\n\n")[0]
    assert head.splitlines() == [f"@prefix {p}: <{PREFIXES[p]}> ." for p in sorted(PREFIXES)]
