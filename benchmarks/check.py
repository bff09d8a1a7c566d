"""Benchmark: how long `infraspec check` takes, against just parsing the same YAML.

Prints, measured in the same run on this machine:
- the baseline: parsing every spec file with PyYAML's fastest safe loader (no checks);
- the full check in-process (load with positions, schema, index, references, rules);
- the full check as users run it (`infraspec check`, a new Python process each time);
for the example project and for a synthetic spec of N components (default 500).

    python benchmarks/check.py [--components 500] [--repeat 5]
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs_infraspec.check import check  # noqa: E402

EXAMPLE = ROOT / "example-project" / "infra-specs"
BASE = ROOT / "tests" / "fixtures" / "base"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def best(repeat: int, func: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def synthetic(target: Path, components: int) -> Path:
    """The base spec grown to ``components`` components, each with dependencies and coverage."""
    shutil.copytree(BASE, target)
    lines = (target / "responsibilities.yaml").read_text().splitlines()
    extra = []
    for i in range(components):
        deps = ", ".join(f"svc-{j}" for j in range(max(0, i - 3), i)) or "vpc"
        extra += [
            f"  - id: svc-{i}",
            f"    name: Service {i}",
            "    layer: compute",
            "    owner: team",
            "    responsibilities:",
            f"      provides: [Capability {i}]",
            f"    dependencies: [{deps}]",
            "    lifecycle: {provisioner: Terraform, update_strategy: rolling, destruction: Automatic}",
        ]
    (target / "responsibilities.yaml").write_text("\n".join(lines + extra) + "\n")
    return target


def measure(label: str, spec: Path, repeat: int) -> None:
    files = sorted(spec.rglob("*.y*ml"))
    size = sum(f.stat().st_size for f in files)

    def parse() -> None:
        for f in files:
            yaml.load(f.read_bytes(), Loader=Loader)

    baseline = best(repeat, parse)
    full = best(repeat, lambda: check(spec))
    cli = best(max(1, repeat // 2), lambda: subprocess.run(
        [sys.executable, "-m", "mkdocs_infraspec.cli", "check", str(spec), "--quiet"],
        capture_output=True, check=False,
    ))
    result = check(spec)
    print(f"\n{label}: {len(files)} files, {size / 1024:.0f} KiB, {sum(1 for _ in result.index)} items, {len(result.diagnostics)} findings")
    print(f"  baseline, YAML parse only     {baseline * 1000:8.1f} ms")
    print(f"  infraspec check, in-process   {full * 1000:8.1f} ms   ({full / baseline:.1f}x the bare parse)")
    print(f"  infraspec check, CLI process  {cli * 1000:8.1f} ms   (includes Python start-up and imports)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--components", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"libyaml: {Loader.__name__.startswith('C')}, date: {time.strftime('%Y-%m-%d')}")
    if EXAMPLE.is_dir():
        measure("example project", EXAMPLE, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        measure(f"synthetic spec, {args.components} extra components", synthetic(Path(tmp) / "spec", args.components), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
