"""Scoring a graph against gold annotations (``kg eval``) and precision audits without gold (``kg audit``)."""
