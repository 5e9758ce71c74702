"""The page's own labels (``kg/data/view/labels.tsv``): heading, legend,
search and tooltip words, Chinese then English. Classes, relations and
attributes are labelled in ``styles.tsv`` (:func:`kg.view.page.load_styles`)."""

from __future__ import annotations

import functools

from kg.errors import KGError
from kg.resources import data_path

__all__ = ["Labels", "load_labels"]

LABELS = "view/labels.tsv"


class Labels:
    """key → label; a key the file lacks is an error naming the file."""

    def __init__(self, labels: dict[str, str], path):
        self._labels, self.path = labels, path

    def __getitem__(self, key: str) -> str:
        try:
            return self._labels[key]
        except KeyError:
            raise KGError(f"{self.path}: no label {key!r}; add a line '{key}<TAB>label'") from None

    def format(self, key: str, **values) -> str:
        """The label with its ``{name}`` fields filled in."""
        return self[key].format(**values)


@functools.lru_cache(maxsize=1)
def load_labels() -> Labels:
    path = data_path(LABELS)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"data file {path} cannot be read ({exc}); restore it from the repository") from exc
    labels: dict[str, str] = {}
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, label = line.partition("\t")
        if not sep or not key.strip() or not label.strip() or key.strip() in labels:
            raise KGError(f"{path}, line {n}: expected 'key<TAB>label' with a new key, got {line!r}")
        labels[key.strip()] = label.strip()
    return Labels(labels, path)
