"""Domain errors. Library code raises these; only ``kg.cli`` turns them
into one-line messages and exit codes. Every message says how to fix it."""


class KGError(Exception):
    """Base class of every error kg reports to a user."""


class InputError(KGError):
    """An input file cannot be read or decoded."""


class ModelNotFound(KGError):
    """A spaCy pipeline named with ``--model`` is not installed."""


class QueryError(KGError):
    """A SPARQL query is malformed, not read-only, or badly bound."""


class GraphNotFound(KGError):
    """The graph file to query, view or score does not exist."""


class GoldFormatError(KGError):
    """A gold folder does not follow the documented format."""
