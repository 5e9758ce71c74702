"""Plain data passed between the stages. No spaCy past the extraction step:
everything here is a frozen dataclass of strings and numbers, cheap to
pickle between processes and to cache on disk."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """A name in one document. Offsets are in the normalised text."""

    start: int
    end: int
    text: str
    cls: str                     # ontology class local name
    key: str                     # entity key: gazetteer id, or "" when unknown
    source: str                  # the recogniser that found it
    confidence: float = 0.8
    role: str = ""               # a title seen right before a person ("CEO")
    surface: str = ""            # the same characters in the original file, when they differ
    typed_by: str = ""           # what gave an untyped name its class: "list", "gloss", "role"
    as_company: bool = False     # a listed product the text names as its company (AI新创X)
    metonym: bool = False        # a company named where its model or product is meant (接入X)


@dataclass(frozen=True)
class Alias:
    """Two surface forms the text says name one thing (X（Y）)."""

    a: Mention
    b: Mention


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence as it stands in the original file."""

    doc_id: str
    sentence: str
    start: int                   # offsets in the original text
    end: int
    extracted_by: str
    confidence: float


@dataclass(frozen=True)
class Fact:
    """``subject predicate object`` between two mentions of one document."""

    subject: Mention
    predicate: str
    object: Mention
    evidence: Evidence
    role: str = ""               # affiliatedWith: the role as stated


@dataclass(frozen=True)
class Attribute:
    """A literal value of an entity (release date, parameter count …)."""

    subject: Mention
    prop: str
    value: str                   # lexical form: "2030-03-14", "2030-03", "7000000000"
    datatype: str                # xsd local name: date, gYearMonth, integer, gYear
    evidence: Evidence
    anchor: str = ""             # the publication date that gave the value its year or day


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: str
    sha256: str
    title: str
    files: tuple[str, ...]
    issued: str = ""             # publication date (ISO 8601: 2025-03-10), when the feed gives it
    publisher: str = ""          # the outlet
    url: str = ""
    fetched: str = ""            # when a crawler fetched it (WARC-Date, ISO 8601 date-time)
    language: str = ""           # as the source states it (BCP 47: zh, zh-TW)


@dataclass(frozen=True)
class Extraction:
    """Everything one document yields; the unit of caching and of work
    sent back from worker processes."""

    document: DocumentInfo
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[Alias, ...] = ()
    facts: tuple[Fact, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    is_traditional: bool = False
