"""Benchmark: what linking every term costs a real MkDocs build, against plain Material and mkdocs-ezglossary.

Builds one synthetic site (default: 200 pages of 1,500 words, 1,000 terms, 15,000 uses of
them in prose) in five ways and times each build in the same run, in this process:

- plain: Material with its search plugin. The pages the infraspec plugin would generate from
  the spec are written out beforehand as ordinary Markdown, so the site is the same; the
  terms stay plain words.
- infraspec: the real plugin. It reads and checks the spec (tests/fixtures/base with the
  1,000 terms as its vocabulary), generates its pages, and links every page's terms with
  the default `glossary: {link: first}`.
- infraspec-all: the same with `glossary: {link: all}` (every use linked, as ezglossary does).
- infraspec-nolink: the same plugin build with its linking step made a pass-through: the
  control that isolates what linking costs (everything else the plugin does is in it).
- ezglossary: the same content for mkdocs-ezglossary-plugin, every use written in its markup
  (`<term:Name>`) and every definition in its definition-list syntax.

Prints each build's best and median CPU time, the linker's own time measured inside the
build, and the two ratios the issue targets: linking adds < 10% to the plain build, and
ezglossary's added time is >= 50x linking's.

    pip install -e '.[bench]'
    python benchmarks/glossary.py [--pages 200] [--words 1500] [--terms 1000] [--uses 15000] [--repeat 9]

A build runs in one thread: its CPU time is what it costs, and other processes on the
machine disturb it least (wall time is printed beside it). Builds run in rotating order,
each from a collected heap, after one warm-up build of each.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import logging
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from mkdocs_infraspec.check import check  # noqa: E402
from mkdocs_infraspec.glossary import Glossary  # noqa: E402
from mkdocs_infraspec.links import Links  # noqa: E402
from mkdocs_infraspec.plugin.glossary import Vocabulary  # noqa: E402
from mkdocs_infraspec.render import Renderer  # noqa: E402

BASE_SPEC = ROOT / "tests" / "fixtures" / "base"
STYLESHEET = ROOT / "mkdocs_infraspec" / "assets" / "infraspec.css"

# --- the synthetic content ---------------------------------------------------------------------

FILLER_SYLLABLES = ["ba", "de", "fi", "go", "lu", "ma", "ne", "pi", "ro", "su", "ta", "ve", "ol", "an"]
TERM_SYLLABLES = ["kor", "zan", "xil", "qua", "jyn", "wex", "hov", "yrm", "kel", "zod", "vix", "quo"]


def _word(rng: random.Random, syllables: list[str], low: int, high: int) -> str:
    return "".join(rng.choice(syllables) for _ in range(rng.randint(low, high)))


def make_terms(rng: random.Random, count: int, filler: set[str]) -> list[dict[str, str]]:
    """``count`` distinct terms: a fifth acronyms, half single words, the rest two words."""
    terms: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(terms) < count:
        kind = rng.random()
        if kind < 0.2:
            name = "".join(rng.choice("ABCDEFGHJKLMNPQRSTVWXYZ") for _ in range(rng.randint(3, 4)))
        elif kind < 0.7:
            name = _word(rng, TERM_SYLLABLES, 2, 3).capitalize()
        else:
            name = f"{_word(rng, TERM_SYLLABLES, 2, 3).capitalize()} {_word(rng, TERM_SYLLABLES, 2, 3)}"
        key = name.lower()
        if key in seen or any(part in filler for part in key.split()):
            continue
        seen.add(key)
        definition = " ".join(rng.choice(sorted(filler)) for _ in range(12)).capitalize() + "."
        terms.append({"term": name, "id": f"t{len(terms)}", "definition": definition})
    return terms


def make_pages(
    target: Path, pages: int, words: int, terms: list[dict[str, str]], filler_list: list[str], uses: int,
    rng: random.Random,
) -> int:
    """Write the prose pages: plain words for plain and infraspec, ``<term:...>`` for ezglossary."""
    per_page = uses // pages
    written = 0
    for page in range(pages):
        slots = set(rng.sample(range(words), per_page))
        plain: list[str] = [f"# Page {page}", ""]
        ez: list[str] = list(plain)
        paragraph_plain: list[str] = []
        paragraph_ez: list[str] = []
        for position in range(words):
            if position in slots:
                name = rng.choice(terms)["term"]
                paragraph_plain.append(name)
                paragraph_ez.append(f"<term:{name}>")
                written += 1
            else:
                word = rng.choice(filler_list)
                paragraph_plain.append(word)
                paragraph_ez.append(word)
            if len(paragraph_plain) >= 60 or position == words - 1:
                for out, paragraph in ((plain, paragraph_plain), (ez, paragraph_ez)):
                    out.extend([*textwrap.wrap(" ".join(paragraph) + ".", 88), ""])
                paragraph_plain, paragraph_ez = [], []
                if rng.random() < 0.2:
                    section = f"## Section {position} of page {page}"
                    code = ["```text", " ".join(rng.choice(filler_list) for _ in range(10)), "```", ""]
                    for out in (plain, ez):
                        out.extend([section, "", *code, "Inline `code` too.", ""])
        for variant, lines in (("plain", plain), ("infraspec", plain), ("ezglossary", ez)):
            (target / variant / "docs" / f"page-{page:03}.md").write_text("\n".join(lines), encoding="utf-8")
    return written


def make_site(target: Path, pages: int, words: int, term_count: int, uses: int, seed: int = 7) -> tuple[int, int]:
    """Write the three projects under ``target``; the uses written and the generated pages."""
    rng = random.Random(seed)
    filler_list = sorted({_word(rng, FILLER_SYLLABLES, 1, 3) for _ in range(600)})
    terms = make_terms(rng, term_count, set(filler_list))
    for variant in ("plain", "infraspec", "ezglossary"):
        (target / variant / "docs").mkdir(parents=True, exist_ok=True)
    written = make_pages(target, pages, words, terms, filler_list, uses, rng)
    # The spec: the small base fixture, with the synthetic terms as its vocabulary.
    spec = target / "infraspec" / "infra-specs"
    shutil.copytree(BASE_SPEC, spec)
    vocabulary = [{**term, "category": f"Category {index % 10}"} for index, term in enumerate(terms)]
    (spec / "vocabulary.yaml").write_text(yaml.safe_dump({"terms": vocabulary}, sort_keys=False), encoding="utf-8")
    # plain (and ezglossary): the plugin's pages as it renders them, as ordinary Markdown files.
    result = check(spec, base=spec.parent)
    if result.errors:
        raise SystemExit(f"the benchmark spec has errors: {result.errors[:3]}")
    rendered = Renderer(Links(), escape_mermaid=False).render_all(result)
    for page in rendered:
        for variant in ("plain", "ezglossary"):
            path = target / variant / "docs" / page.plan.src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page.markdown, encoding="utf-8")
        for variant in ("plain", "ezglossary"):
            css = target / variant / "docs" / "assets" / "infraspec" / "infraspec.css"
            css.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(STYLESHEET, css)
    ez_entries = ["# Vocabulary", ""]
    for term in terms:
        ez_entries += [f"term:{term['term']}", f":   {term['definition']}", ""]
    (target / "ezglossary" / "docs" / "infra-specs" / "vocabulary.md").write_text("\n".join(ez_entries), encoding="utf-8")
    return written, len(rendered)


BASE_CONFIG = """\
site_name: Glossary benchmark
theme:
  name: material
  font: false
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - def_list
  - pymdownx.details
  - pymdownx.tabbed:
      alternate_style: true
"""


def write_configs(target: Path) -> dict[str, Path]:
    configs: dict[str, Path] = {}
    plain_css = "extra_css:\n  - assets/infraspec/infraspec.css\n"
    plain = target / "plain" / "mkdocs.yml"
    plain.write_text(BASE_CONFIG + plain_css + "plugins:\n  - search\n", encoding="utf-8")
    configs["plain"] = plain
    for variant, options in (
        ("infraspec", ""),
        ("infraspec-all", "      glossary: {link: all}\n"),
        ("infraspec-nolink", "      glossary: {unused_terms: 'off'}\n"),
    ):
        config = target / "infraspec" / f"mkdocs-{variant}.yml"
        plugin = "  - infraspec:\n" + options if options else "  - infraspec\n"
        config.write_text(BASE_CONFIG + "plugins:\n  - search\n" + plugin + f"site_dir: site-{variant}\n", encoding="utf-8")
        configs[variant] = config
    ez = target / "ezglossary" / "mkdocs.yml"
    ez.write_text(
        BASE_CONFIG + plain_css
        + "plugins:\n  - search\n  - ezglossary:\n      sections: [term]\n      tooltip: short\n",
        encoding="utf-8",
    )
    configs["ezglossary"] = ez
    return configs


# --- timing --------------------------------------------------------------------------------------

#: The plugin builds that link, and the control without linking.
LINKING = ("infraspec", "infraspec-all")
CONTROL = "infraspec-nolink"


def _timed(stats: dict[str, float], func: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            stats["linker"] += time.process_time() - start

    return timed


def prepare(name: str, config: Any) -> dict[str, float] | None:
    """Instrument (or, for the control, switch off) the plugin's linking; its counters."""
    plugin = config.plugins.get("infraspec")
    if plugin is None:
        return None
    # MkDocs keeps one instance of a plugin that defines on_startup for the whole process, for
    # every config loaded: give each build a fresh, unpatched vocabulary.
    vocabulary = plugin.vocabulary = Vocabulary()
    stats = {"linker": 0.0}
    if name == CONTROL:  # every page handed on as it is: no uses, no links, no backlinks
        vocabulary.link = lambda html, src: html
        vocabulary.content = lambda src, content, nav=None: None
        vocabulary.finish = lambda files: None
        return stats
    vocabulary.link = _timed(stats, vocabulary.link)
    vocabulary.content = _timed(stats, vocabulary.content)
    vocabulary.finish = _timed(stats, vocabulary.finish)
    return stats


def build_once(name: str, config_file: Path) -> tuple[float, float, dict[str, float] | None, Any]:
    """Build once: wall time, CPU time, the linker's counters, and the plugin (``None`` without)."""
    config = load_config(str(config_file))
    stats = prepare(name, config)
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    build(config)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return wall, cpu, stats, config.plugins.get("infraspec")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--terms", type=int, default=1000)
    parser.add_argument("--uses", type=int, default=15000)
    parser.add_argument("--repeat", type=int, default=9, help="builds of each variant (best and median are shown)")
    parser.add_argument("--ez-repeat", type=int, default=3, help="builds with ezglossary (slow, and its added time is large)")
    parser.add_argument("--skip-ezglossary", action="store_true", help="when mkdocs-ezglossary-plugin is not installed")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    load_before = load()

    with tempfile.TemporaryDirectory(prefix="glossary-bench-") as tmp:
        target = Path(tmp)
        written, generated = make_site(target, args.pages, args.words, args.terms, args.uses)
        configs = write_configs(target)
        if args.skip_ezglossary:
            configs.pop("ezglossary")
        terms = Glossary(check(target / "infraspec" / "infra-specs").spec.vocabulary.terms).terms
        setup = min(_glossary_time(terms) for _ in range(5))
        cpus: dict[str, list[float]] = {name: [] for name in configs}
        walls: dict[str, list[float]] = {name: [] for name in configs}
        linker: dict[str, list[float]] = {}
        found: dict[str, int] = {}
        for name, config in configs.items():  # warm-up: imports, template caches
            _, _, _, plugin = build_once(name, config)
            if plugin is not None and name in LINKING:
                found[name] = sum(use.occurrences for use in plugin.vocabulary.uses)
        names = list(configs)
        for round_ in range(args.repeat):
            # Rotate the order each round: a fixed order was seen to favour the first build.
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                if name == "ezglossary" and round_ >= args.ez_repeat:
                    continue
                wall, cpu, stats, _ = build_once(name, configs[name])
                walls[name].append(wall)
                cpus[name].append(cpu)
                if stats is not None and name in LINKING:
                    linker.setdefault(name, []).append(stats["linker"])
        links = {  # the links in the built pages
            name: sum(page.read_text(encoding="utf-8").count('class="infraspec-term"')
                      for page in (target / "infraspec" / f"site-{name}").rglob("*.html"))
            for name in LINKING
        }
    load_after = load()

    print(f"Glossary benchmark, {_dt.date.today().isoformat()}, {machine()}")
    print(f"load average (1, 5, 15 min) before: {load_before}; after: {load_after}")
    print(
        f"site: {args.pages} pages x {args.words} words, {args.terms} terms, {written} uses written, "
        f"{generated} pages generated from the spec; {args.repeat} in-process builds of each "
        f"({min(args.ez_repeat, args.repeat)} with ezglossary), in rotating order, after one warm-up"
    )
    print(f"  {'build':<17} {'CPU best':>9} {'CPU median':>11} {'wall best':>10} {'wall median':>12}")
    best = {name: min(values) for name, values in cpus.items()}
    for name in configs:
        print(
            f"  {name:<17} {best[name]:8.3f}s {statistics.median(cpus[name]):10.3f}s "
            f"{min(walls[name]):9.3f}s {statistics.median(walls[name]):11.3f}s"
        )
    for name in LINKING:
        inside = min(linker.get(name, [0.0]))
        print(f"  {name}: uses found {found.get(name, 0)}, links in the site {links[name]}, "
              f"linker CPU time inside the build {inside * 1000:.0f} ms (best)")
    print(f"  the glossary of {len(terms)} terms (made once per build, in every infraspec build): {setup * 1000:.0f} ms")
    plain, control = best["plain"], best[CONTROL]
    print("What linking adds, CPU, as a share of the plain build (target < 10%), measured three ways:")
    print("  (1) the build minus the control, best of each, plus the glossary;")
    print("  (2) the same, the median of the differences within each round (less sensitive to drift);")
    print("  (3) the linker's own time inside the build, plus the glossary (no other step of the build counted)")
    added_by: dict[str, float] = {}
    for name in LINKING:
        added = best[name] - control + setup
        paired = statistics.median(a - b for a, b in zip(cpus[name], cpus[CONTROL], strict=False)) + setup
        inside = min(linker.get(name, [0.0])) + setup
        added_by[name] = max(added, paired, inside)  # the ratios below use the largest
        print(
            f"  {name}: (1) {added * 1000:+.0f} ms, {added / plain * 100:+.1f}%; "
            f"(2) {paired * 1000:+.0f} ms, {paired / plain * 100:+.1f}%; "
            f"(3) {inside * 1000:+.0f} ms, {inside / plain * 100:+.1f}%"
        )
    print(f"The whole plugin (spec read and checked, {generated} pages generated, linking): "
          f"{(best['infraspec'] - plain) * 1000:+.0f} ms, {(best['infraspec'] - plain) / plain * 100:+.1f}% of the plain build")
    if "ezglossary" in best:
        ez_added = best["ezglossary"] - plain
        print(f"ezglossary adds {ez_added * 1000:+.0f} ms, {ez_added / plain * 100:+.1f}% of the plain build")
        print("ezglossary's added time / linking's (the largest of the three above); target >= 50x:")
        for name in LINKING:
            added = added_by[name]
            ratio = f"{ez_added / added:.0f}x" if added > 0 else "n/a (no measurable added time)"
            print(f"  {name}: {ratio}")
    return 0


def _glossary_time(terms: list[Any]) -> float:
    start = time.process_time()
    Glossary(terms)
    return time.process_time() - start


if __name__ == "__main__":
    raise SystemExit(main())
