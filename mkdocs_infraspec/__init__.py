"""mkdocs-infraspec: a checked, cross-linked MkDocs site from an infrastructure spec written as YAML.

The core (models, loading, checks, rendering) knows nothing of MkDocs; :mod:`.plugin`
and :mod:`.cli` are thin fronts on it.
"""

from __future__ import annotations

__version__ = "0.1.0"
