"""The MkDocs front of mkdocs-infraspec: the ``infraspec`` plugin and its options."""

from __future__ import annotations

from .config import InfraSpecConfig
from .plugin import InfraSpecPlugin

__all__ = ["InfraSpecConfig", "InfraSpecPlugin"]
