"""Find a spec folder's concern files, read them, merge concern folders, validate each concern."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import codes
from .diagnostics import Diagnostic, Location, display_path
from .models import CONCERNS, CONCERNS_BY_NAME, Concern, Spec
from .schema import closest, validate
from .source import Document, SourceNode, load_bytes

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class ConcernSource:
    """Where one concern is written: a single file or the files of a folder."""

    concern: Concern
    paths: list[Path]
    folder: Path | None = None


def discover(spec_dir: Path, base: Path | None = None) -> tuple[dict[str, ConcernSource], list[Diagnostic]]:
    """Map each concern to its files, reporting missing, ambiguous and unknown files."""
    diagnostics: list[Diagnostic] = []
    found: dict[str, ConcernSource] = {}
    shown = display_path(spec_dir, base)
    if not spec_dir.exists():
        return found, [codes.UNREADABLE(Location(shown), f"the spec folder {shown!r} does not exist",
                                        hint="create it, or point spec_dir (mkdocs.yml) or the PATH argument at the folder that holds overview.yaml")]
    if not spec_dir.is_dir():
        return found, [codes.UNREADABLE(Location(shown), f"{shown!r} is a file, not a spec folder")]

    entries = sorted(spec_dir.iterdir(), key=lambda p: p.name)
    for concern in CONCERNS:
        files = [spec_dir / f"{concern.name}{suffix}" for suffix in YAML_SUFFIXES]
        files = [f for f in files if f.is_file()]
        folder = spec_dir / concern.name
        folder_files = (
            sorted((p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file()), key=lambda p: p.name)
            if folder.is_dir()
            else []
        )
        if len(files) > 1 or (files and folder_files):
            written = [display_path(f, base) for f in files] + ([display_path(folder, base) + "/"] if folder_files else [])
            diagnostics.append(
                codes.AMBIGUOUS_CONCERN(
                    Location(written[-1], 1, 1) if not folder_files else Location(written[0], 1, 1),
                    f"the {concern.name} concern is written more than once: {', '.join(written)}",
                    hint="keep one of them (a folder's files are merged, so move the file into the folder)",
                )
            )
            continue
        if files:
            found[concern.name] = ConcernSource(concern, files)
        elif folder_files:
            found[concern.name] = ConcernSource(concern, folder_files, folder)
        elif folder.is_dir():
            diagnostics.append(
                codes.EMPTY_FILE(Location(display_path(folder, base)), f"the concern folder {concern.name}/ holds no .yaml files")
            )
        elif concern.required:
            expected = display_path(spec_dir / f"{concern.name}.yaml", base)
            folder_words = "the spec folder" if shown in (".", "") else f"the spec folder {shown}/"
            diagnostics.append(
                codes.MISSING_CONCERN(
                    Location(expected, 1, 1),
                    f"missing concern: {concern.name}.yaml is not in {folder_words}",
                    hint=f"create {concern.name}.yaml, or a folder {concern.name}/ of .yaml files that are merged",
                )
            )

    names = [c.name for c in CONCERNS]
    for entry in entries:
        stem = entry.stem if entry.is_file() else entry.name
        if entry.is_file() and entry.suffix in YAML_SUFFIXES and stem not in CONCERNS_BY_NAME:
            suggestion = closest(stem.replace("_", "-"), names)
            diagnostics.append(
                codes.UNKNOWN_FILE(
                    Location(display_path(entry, base), 1, 1),
                    f"{entry.name} is not a concern of the spec and is ignored",
                    hint=f"did you mean {suggestion}{entry.suffix}?" if suggestion else "concern files are: " + ", ".join(f"{n}.yaml" for n in names),
                )
            )
    return found, diagnostics


def read(path: Path, base: Path | None = None) -> Document:
    shown = display_path(path, base)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return Document(shown, None, None, [codes.UNREADABLE(Location(shown), f"cannot read the file: {error.strerror}")])
    return load_bytes(shown, raw)


def merge(documents: list[Document]) -> tuple[Any, SourceNode | None, list[Diagnostic]]:
    """Merge the documents of a concern folder: lists concatenate, mappings merge, scalars must agree."""
    diagnostics: list[Diagnostic] = []
    data: Any = None
    source: SourceNode | None = None
    for document in documents:
        if document.data is None or document.source is None:
            continue
        if data is None:
            data, source = document.data, document.source
            continue
        assert source is not None
        data, source = _merge_values(data, source, document.data, document.source, diagnostics)
    return data, source, diagnostics


def _merge_values(
    a: Any, a_src: SourceNode, b: Any, b_src: SourceNode, diagnostics: list[Diagnostic]
) -> tuple[Any, SourceNode]:
    if isinstance(a, dict) and isinstance(b, dict):
        merged = dict(a)
        source = SourceNode(a_src.location, a_src.key, dict(a_src.children), a_src.raw, "mapping")
        for key, value in b.items():
            if key in merged:
                merged[key], source.children[key] = _merge_values(
                    merged[key], source.children[key], value, b_src.children[key], diagnostics
                )
            else:
                merged[key] = value
                source.children[key] = b_src.children[key]
        return merged, source
    if isinstance(a, list) and isinstance(b, list):
        source = SourceNode(a_src.location, a_src.key, dict(a_src.children), None, "sequence")
        for index in range(len(b)):
            source.children[len(a) + index] = b_src.children[index]
        return a + b, source
    if a != b or type(a) is not type(b):
        first = a_src.location
        diagnostics.append(
            codes.MERGE_CONFLICT(
                b_src.location,
                f"this value conflicts with the one set in {first} ({a!r} there, {b!r} here)",
                hint="set single values in one file of the concern folder only",
                related=(first,),
            )
        )
    return a, a_src


def load_spec(spec_dir: Path, *, base: Path | None = None) -> tuple[Spec, list[Diagnostic]]:
    """Read and validate every concern of the spec in ``spec_dir``; never raises for bad input."""
    spec = Spec(root=spec_dir)
    sources, diagnostics = discover(spec_dir, base)
    # A concern that is absent cannot vouch for its ids: references to them are not judged.
    spec.invalid.update(c.name for c in CONCERNS if c.required and c.name not in sources)
    for name, concern_source in sources.items():
        spec.files[name] = concern_source.paths
        documents = [read(path, base) for path in concern_source.paths]
        for document in documents:
            diagnostics.extend(document.diagnostics)
        if any(document.data is None for document in documents):
            spec.invalid.add(name)
            continue
        data, source, merge_diagnostics = merge(documents)
        diagnostics.extend(merge_diagnostics)
        file = documents[0].path
        if not isinstance(data, dict):
            spec.invalid.add(name)
            diagnostics.append(
                codes.WRONG_TYPE(
                    source.location if source else Location(file, 1, 1),
                    f"a concern file holds a mapping of fields, but this one holds {type(data).__name__ if not isinstance(data, list) else 'a list'}",
                    hint="start the file with the concern's fields, e.g. 'components:'",
                )
            )
            continue
        model, schema_diagnostics = validate(
            concern_source.concern.model, data, source, file, what=f"{name}.yaml" if concern_source.folder is None else f"{name}/"
        )
        diagnostics.extend(schema_diagnostics)
        if model is None or merge_diagnostics:
            spec.invalid.add(name)
        spec.concerns[name] = model
    return spec, diagnostics
