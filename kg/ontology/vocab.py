"""The project's vocabulary as closed rdflib namespaces.

``KG`` mirrors ``ontology/kg.ttl`` term by term (a test keeps the two in
step); ``ENTITY``, ``DOC`` and ``STATEMENT`` are the stable IRI bases for
the nodes the build writes; ``PREFIXES`` is the one prefix table (the
graph files, query answers, ``--bind`` values, queries sent to endpoints).
"""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

BASE = "https://w3id.org/kgnews/"


class KG(DefinedNamespace):
    """Classes and properties of the kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Organization: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    Person: URIRef
    Place: URIRef
    Country: URIRef
    City: URIRef
    AIModel: URIRef
    Product: URIRef
    Hardware: URIRef
    Document: URIRef
    Conflict: URIRef
    Addition: URIRef
    Removal: URIRef

    # relations (object properties)
    released: URIRef
    praised: URIRef
    criticized: URIRef
    banned: URIRef
    integrated: URIRef
    founded: URIRef
    affiliatedWith: URIRef
    comparedTo: URIRef
    outperforms: URIRef
    locatedIn: URIRef
    subsidiaryOf: URIRef
    usesHardware: URIRef

    # attributes (datatype properties)
    releaseDate: URIRef
    parameterCount: URIRef
    activeParameterCount: URIRef
    trainingCostUSD: URIRef
    foundedYear: URIRef

    # provenance and document properties
    mentionedIn: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    extractedBy: URIRef
    confidence: URIRef
    role: URIRef
    anchoredTo: URIRef
    conflictAbout: URIRef
    conflictProperty: URIRef
    claim: URIRef
    fileName: URIRef
    sha256: URIRef
    fetched: URIRef


ENTITY = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")
STATEMENT = Namespace(BASE + "st/")
#: the SHACL shapes of ``kg validate`` (``kg/data/shapes.ttl``); not a prefix of the graph files
SHAPES = Namespace(BASE + "shapes#")

#: prefix → namespace IRI, for every namespace kg writes or reads.
PREFIXES = {
    "kg": str(KG._NS), "kgr": str(ENTITY), "kgd": str(DOC), "kgs": str(STATEMENT),
    "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS), "prov": str(PROV),
    "dcterms": str(DCTERMS), "xsd": str(XSD),
}

ENTITY_CLASSES = (
    "Organization", "Company", "GovernmentBody", "Person", "Place",
    "Country", "City", "AIModel", "Product", "Hardware",
)
#: classes of the records kg writes beside the entities (documents, conflicts, diff changes)
RECORD_CLASSES = ("Document", "Conflict", "Addition", "Removal")
#: object properties of those records
RECORD_LINKS = ("mentionedIn", "conflictAbout", "conflictProperty", "claim")
RELATIONS = (
    "released", "praised", "criticized", "banned", "integrated", "founded",
    "affiliatedWith", "comparedTo", "outperforms", "locatedIn",
    "subsidiaryOf", "usesHardware",
)
ATTRIBUTES = (
    "releaseDate", "parameterCount", "activeParameterCount",
    "trainingCostUSD", "foundedYear",
)
