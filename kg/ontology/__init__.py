"""The vocabulary: the closed ``KG`` namespace and the schema read from ``kg/data/kg.ttl``
(classes, class groups, domains and ranges)."""
