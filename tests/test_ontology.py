"""ontology/kg.ttl agrees with kg.ontology.vocab.KG, and kg.ontology.schema reads it right."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg.errors import KGError
from kg.ontology.schema import load_schema
from kg.resources import ONTOLOGY_FILE
from kg.ontology.vocab import ATTRIBUTES, ENTITY_CLASSES, KG, RECORD_CLASSES, RECORD_LINKS, RELATIONS

NS = str(KG._NS)
KG_TERMS = tuple(name for name in KG.__annotations__ if not name.startswith("_"))
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


def expected_kind(name: str) -> URIRef:
    if name in ENTITY_CLASSES or name in RECORD_CLASSES:
        return OWL.Class
    if name in RELATIONS or name in RECORD_LINKS:
        return OWL.ObjectProperty
    return OWL.DatatypeProperty


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def schema():
    return load_schema()


def declared(graph: Graph) -> dict[str, set[URIRef]]:
    """kg: local name → the kinds it is declared as."""
    out: dict[str, set[URIRef]] = {}
    for kind in KINDS:
        for s in graph.subjects(RDF.type, kind):
            if isinstance(s, URIRef) and s.startswith(NS):
                out.setdefault(s[len(NS):], set()).add(kind)
    return out


def test_file_has_an_ontology_header(graph):
    header = URIRef(NS.rstrip("#"))
    assert (header, RDF.type, OWL.Ontology) in graph
    for prop in (RDFS.label, RDFS.comment, OWL.versionInfo):
        assert graph.value(header, prop) is not None, prop


@pytest.mark.parametrize("name", KG_TERMS)
def test_every_vocab_term_is_declared_with_its_kind(graph, name):
    assert declared(graph).get(name) == {expected_kind(name)}


def test_file_declares_no_term_missing_from_vocab(graph):
    extra = set(declared(graph)) - set(KG_TERMS)
    assert not extra, f"declared in kg.ttl but not in kg.ontology.vocab.KG: {sorted(extra)}"
    used = {str(t)[len(NS):] for t in graph.all_nodes()
            if isinstance(t, URIRef) and t.startswith(NS)}
    assert used <= set(KG_TERMS)


@pytest.mark.parametrize("name", KG_TERMS)
def test_every_term_has_labels_and_a_comment(graph, name):
    term = KG[name]
    langs = {o.language for o in graph.objects(term, RDFS.label) if isinstance(o, Literal)}
    assert {"en", "zh"} <= langs
    comments = [o for o in graph.objects(term, RDFS.comment) if isinstance(o, Literal)]
    assert any(c.language == "en" and c.strip() for c in comments)


def test_exactly_ten_entity_classes_and_twelve_relations(graph, schema):
    kinds = declared(graph)
    classes = {n for n, k in kinds.items() if OWL.Class in k} - set(RECORD_CLASSES)
    relations = {n for n, k in kinds.items() if OWL.ObjectProperty in k} - set(RECORD_LINKS)
    assert len(classes) == 10 and classes == set(ENTITY_CLASSES)
    assert len(relations) == 12 and relations == set(RELATIONS)
    assert sorted(schema.classes) == sorted(ENTITY_CLASSES)
    for prop in RELATIONS:
        schema.domain(prop)  # raises for an unknown relation


def test_attributes_are_datatype_properties_with_ranges(graph):
    for name in ATTRIBUTES:
        assert (KG[name], RDF.type, OWL.DatatypeProperty) in graph
        assert graph.value(KG[name], RDFS.range) is not None, name


def test_compared_to_is_symmetric_and_outperforms_is_not(graph, schema):
    assert schema.symmetric == {"comparedTo"}
    assert schema.subproperty_of == {"outperforms": "comparedTo"}
    assert (KG.comparedTo, RDF.type, OWL.SymmetricProperty) in graph
    assert (KG.outperforms, RDFS.subPropertyOf, KG.comparedTo) in graph


@pytest.mark.parametrize("cls, expected", [
    ("Company", ("Company", "Organization")),
    ("GovernmentBody", ("GovernmentBody", "Organization")),
    ("Organization", ("Organization",)),
    ("Country", ("Country", "Place")),
    ("City", ("City", "Place")),
    ("AIModel", ("AIModel",)),
])
def test_superclasses(schema, cls, expected):
    assert schema.superclasses(cls) == expected


@pytest.mark.parametrize("prop, subject, obj, expected", [
    ("released", "Company", "AIModel", True),
    ("released", "Organization", "Hardware", True),
    ("released", "Person", "AIModel", False),
    ("released", "Company", "Country", False),
    ("founded", "Person", "Company", True),
    ("founded", "Company", "Company", False),
    ("affiliatedWith", "Person", "Country", True),
    ("affiliatedWith", "Person", "GovernmentBody", True),
    ("affiliatedWith", "Person", "City", False),
    ("banned", "Country", "Product", True),
    ("banned", "GovernmentBody", "Company", True),
    ("banned", "City", "Product", False),
    ("banned", "Country", "Hardware", False),
    ("usesHardware", "AIModel", "Hardware", True),
    ("usesHardware", "Person", "Hardware", False),
    ("praised", "Person", "Country", True),        # range "anything": unrestricted
    ("criticized", "Company", "Person", True),
    ("praised", "AIModel", "Person", False),
    ("comparedTo", "AIModel", "AIModel", True),
    ("outperforms", "AIModel", "Product", False),
    ("locatedIn", "Company", "City", True),
    ("locatedIn", "Company", "Person", False),
    ("subsidiaryOf", "Company", "Company", True),
    ("integrated", "Product", "AIModel", True),
    ("integrated", "Person", "AIModel", False),
])
def test_accepts(schema, prop, subject, obj, expected):
    assert schema.accepts(prop, subject, obj) is expected


def test_anything_range_is_empty(schema):
    assert schema.range("praised") == frozenset()
    assert schema.range("criticized") == frozenset()
    assert schema.domain("banned") == {"Country", "GovernmentBody", "Organization", "Person"}


@pytest.mark.parametrize("term, lang, expected", [
    ("released", "zh", "发布"),
    ("affiliatedWith", "zh", "任职于"),
    ("Company", "en", "Company"),
    ("Hardware", "zh", "硬件"),
])
def test_label(schema, term, lang, expected):
    assert schema.label(term, lang) == expected


def test_unknown_names_raise_kgerror(schema):
    with pytest.raises(KGError, match="unknown relation 'relesed'"):
        schema.domain("relesed")
    with pytest.raises(KGError, match="unknown class 'Compnay'"):
        schema.superclasses("Compnay")
    with pytest.raises(KGError, match="no @fr label"):
        schema.label("Company", "fr")


def test_load_schema_is_cached():
    assert load_schema() is load_schema(ONTOLOGY_FILE)


def test_missing_file_names_the_path(tmp_path: Path):
    missing = tmp_path / "nope.ttl"
    with pytest.raises(KGError, match="not found") as info:
        load_schema(missing)
    assert str(missing) in str(info.value)


def test_unparsable_file_is_a_kgerror(tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/kgnews/ontology#> .\nkg:Company a", encoding="utf-8")
    with pytest.raises(KGError, match="cannot parse") as info:
        load_schema(bad)
    assert str(bad) in str(info.value)


def test_file_without_the_vocabulary_is_a_kgerror(tmp_path: Path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("@prefix kg: <https://w3id.org/kgnews/ontology#> .\n", encoding="utf-8")
    with pytest.raises(KGError, match="does not declare the class kg:AIModel"):
        load_schema(empty)
