"""Benchmark: what linking every term costs a real MkDocs build, against plain Material and mkdocs-ezglossary.

Builds one synthetic site (default: 200 pages of 1,500 words, 1,000 terms, 15,000 uses of
them in prose) three ways and times each build in the same run, in this process:

- (a) plain: Material (with its search plugin), the terms left as plain words;
- (b) infraspec: the same Markdown, every page's HTML linked by this project's glossary in an
  ``on_page_content`` hook (a real build: the hook runs where the plugin will), in the
  default mode (first use per page) and in ``all`` mode (every use, as ezglossary does);
- (c) ezglossary: the same content for mkdocs-ezglossary-plugin, every use written in its
  markup (``<term:Name>``) and every definition in its definition-list syntax.

Prints each build's best and median time, the added time of (b) and (c) over (a), the
linker's own time measured inside the hook, and the two ratios the issue targets:
linking overhead < 10% of the plain build, ezglossary's added time >= 50x ours.

    pip install -e '.[bench]'
    python benchmarks/glossary.py [--pages 200] [--words 1500] [--terms 1000] [--uses 15000] [--repeat 9]

Times are CPU times of the building process (a build runs in one thread), best of the
repeats: other processes on the machine then disturb them least.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import json
import logging
import os
import platform
import random
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

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


def make_site(
    target: Path, pages: int, words: int, term_count: int, uses: int, seed: int = 7
) -> tuple[list[dict[str, str]], int]:
    """Write the three sites' docs under ``target``; return the terms and the uses written."""
    rng = random.Random(seed)
    filler_list = sorted({_word(rng, FILLER_SYLLABLES, 1, 3) for _ in range(600)})
    filler = set(filler_list)
    terms = make_terms(rng, term_count, filler)
    per_page = uses // pages
    written = 0
    for variant in ("plain", "infraspec", "ezglossary"):
        (target / variant / "docs" / "infra-specs").mkdir(parents=True, exist_ok=True)
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
    entries = ["# Vocabulary", ""]
    ez_entries = ["# Vocabulary", ""]
    for term in terms:
        entries += [
            f'<div class="infraspec-term-entry" data-term="{term["id"]}" markdown>',
            "",
            f'### {term["term"]} {{ #term-{term["id"]} }}',
            "",
            term["definition"],
            "",
            "</div>",
            "",
        ]
        ez_entries += [f"term:{term['term']}", f":   {term['definition']}", ""]
    for variant in ("plain", "infraspec"):
        (target / variant / "docs" / "infra-specs" / "vocabulary.md").write_text("\n".join(entries), encoding="utf-8")
    (target / "ezglossary" / "docs" / "infra-specs" / "vocabulary.md").write_text("\n".join(ez_entries), encoding="utf-8")
    (target / "terms.json").write_text(json.dumps(terms), encoding="utf-8")
    return terms, written


HOOK = '''\
"""Benchmark hook: link every page with mkdocs_infraspec.glossary, as the plugin will."""

import json
import time
from pathlib import Path

from mkdocs_infraspec.glossary import Glossary, UseIndex, link_html, place, unused_terms
from mkdocs_infraspec.links import Links
from mkdocs_infraspec.models.vocabulary import Term

MODE = "{mode}"
DEFERRED = {deferred}
STATS = {{"link": 0.0, "setup": 0.0, "uses": 0, "links": 0, "misses": 0}}
_state = {{}}
# The spec is loaded by the plugin whether it links or not: not part of linking's cost.
TERMS = [Term.model_validate(t) for t in json.loads(Path("{terms}").read_text())]


def on_pre_build(config):
    start = time.process_time()
    _state["glossary"] = Glossary(TERMS)
    _state["links"] = Links(use_directory_urls=config["use_directory_urls"])
    _state["uses"] = UseIndex()
    STATS["setup"] += time.process_time() - start


def on_page_content(html, page, config, files):
    start = time.process_time()
    result = link_html(html, page.file.src_uri, _state["glossary"], _state["links"], mode=MODE)
    _state["uses"].record(page.file.src_uri, result.uses)
    STATS["link"] += time.process_time() - start
    STATS["uses"] += sum(use.occurrences for use in result.uses)
    STATS["links"] += result.linked
    if DEFERRED:  # the search index and every other plugin see the content without links
        _state.setdefault("linked", {{}})[page.file.src_uri] = result.html
        return html
    return result.html


def on_post_page(output, page, config):
    linked = _state.get("linked", {{}}).pop(page.file.src_uri, None)
    if linked is None:
        return output
    start = time.process_time()
    placed = place(output, page.content, linked)
    if placed is not None:
        output = placed
    else:
        STATS["misses"] += 1
    STATS["link"] += time.process_time() - start
    return output


def on_env(env, config, files):
    start = time.process_time()
    _state["unused"] = unused_terms(_state["glossary"].terms, _state["uses"])
    STATS["setup"] += time.process_time() - start
    return env
'''

BASE_CONFIG = """\
site_name: Glossary benchmark
theme:
  name: material
  font: false
markdown_extensions:
  - attr_list
  - md_in_html
  - def_list
"""


def write_configs(target: Path) -> dict[str, Path]:
    configs: dict[str, Path] = {}
    plain = target / "plain" / "mkdocs.yml"
    plain.write_text(BASE_CONFIG + "plugins:\n  - search\n", encoding="utf-8")
    configs["plain"] = plain
    for variant, mode, deferred in (("first", "first", False), ("all", "all", False), ("deferred", "first", True)):
        hook = target / "infraspec" / f"hook_{variant}.py"
        terms = (target / "terms.json").as_posix()
        hook.write_text(HOOK.format(mode=mode, terms=terms, deferred=deferred), encoding="utf-8")
        config = target / "infraspec" / f"mkdocs-{variant}.yml"
        config.write_text(
            BASE_CONFIG + f"plugins:\n  - search\nhooks:\n  - {hook.name}\nsite_dir: site-{variant}\n",
            encoding="utf-8",
        )
        configs[f"infraspec-{variant}"] = config
    ez = target / "ezglossary" / "mkdocs.yml"
    ez.write_text(
        BASE_CONFIG + "plugins:\n  - search\n  - ezglossary:\n      sections: [term]\n      tooltip: short\n",
        encoding="utf-8",
    )
    configs["ezglossary"] = ez
    return configs


# --- timing --------------------------------------------------------------------------------------


#: (b) in its three forms: links returned from on_page_content, in the default mode and in
#: ``all``; and "deferred": linked in on_page_content but spliced into the page in
#: on_post_page, so that Material's search plugin does not parse 15,000 more tags.
VARIANTS = ("infraspec-first", "infraspec-all", "infraspec-deferred")


def build_once(config_file: Path) -> tuple[float, float, dict[str, float] | None]:
    """Build once: wall time, CPU time, and the hook's counters (``None`` without a hook).

    A build runs in one thread, so its CPU time is what it costs, whatever else the machine
    is doing; wall time is printed beside it.
    """
    config = load_config(str(config_file))
    hook = next(iter(config.hooks.values()), None) if config.hooks else None
    stats = getattr(hook, "STATS", None)
    if stats is not None:  # MkDocs caches a hook module across loads: reset its counters
        stats.update({"link": 0.0, "setup": 0.0, "uses": 0, "links": 0, "misses": 0})
    wall, cpu = time.perf_counter(), time.process_time()
    build(config)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return wall, cpu, dict(stats) if stats is not None else None


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

    with tempfile.TemporaryDirectory(prefix="glossary-bench-") as tmp:
        target = Path(tmp)
        _, written = make_site(target, args.pages, args.words, args.terms, args.uses)
        configs = write_configs(target)
        if args.skip_ezglossary:
            configs.pop("ezglossary")
        walls: dict[str, list[float]] = {name: [] for name in configs}
        cpus: dict[str, list[float]] = {name: [] for name in configs}
        stats: dict[str, dict[str, float]] = {}
        for name, config in configs.items():  # warm-up: imports, template caches
            _, _, found = build_once(config)
            if found is not None:
                stats[name] = found
        link_runs: dict[str, list[float]] = {}
        names = list(configs)
        for round_ in range(args.repeat):
            # Rotate the order each round and start each build from a collected heap: a fixed
            # order was seen to favour whichever build came first by 100 ms or more.
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                if name == "ezglossary" and round_ >= args.ez_repeat:
                    continue
                gc.collect()
                wall, cpu, found = build_once(configs[name])
                walls[name].append(wall)
                cpus[name].append(cpu)
                if found is not None:
                    link_runs.setdefault(name, []).append(found["link"] + found["setup"])
        link_times = {name: min(values) for name, values in link_runs.items()}

    print(f"Glossary benchmark, {_dt.date.today().isoformat()}, {machine()}")
    print(
        f"site: {args.pages} pages x {args.words} words, {args.terms} terms, {written} uses written; "
        f"{args.repeat} in-process builds of each ({min(args.ez_repeat, args.repeat)} with ezglossary), "
        "in rotating order, after one warm-up"
    )
    print(f"  {'build':<17} {'CPU best':>9} {'CPU median':>11} {'wall best':>10} {'wall median':>12}")
    best = {name: min(values) for name, values in cpus.items()}
    for name in configs:
        print(
            f"  {name:<17} {best[name]:8.3f}s {statistics.median(cpus[name]):10.3f}s "
            f"{min(walls[name]):9.3f}s {statistics.median(walls[name]):11.3f}s"
        )
    for name in VARIANTS:
        if name in stats:
            print(
                f"  {name}: uses found {int(stats[name]['uses'])}, links added {int(stats[name]['links'])}, "
                f"linker CPU time inside the build {link_times.get(name, 0.0) * 1000:.0f} ms"
                + (f", PAGES NOT SPLICED: {int(stats[name]['misses'])}" if stats[name]["misses"] else "")
            )
    plain = best["plain"]
    print("Overhead of linking over the plain build (CPU, best of each); target < 10%:")
    for name in VARIANTS:
        added = best[name] - plain
        inside = link_times.get(name, 0.0)
        print(
            f"  {name}: {added / plain * 100:+.1f}% of the build ({added * 1000:.0f} ms: the linker "
            f"{inside * 1000:.0f} ms, the rest is later steps handling the added markup)"
        )
    if "ezglossary" in best:
        ez_added = best["ezglossary"] - plain
        print(f"  ezglossary: {ez_added / plain * 100:+.1f}% of the build ({ez_added * 1000:.0f} ms)")
        print("ezglossary's added time / ours; target >= 50x:")
        for name in VARIANTS:
            added = best[name] - plain
            inside = link_times.get(name, 0.0)
            by_build = f"{ez_added / added:.0f}x" if added > 0 else "n/a (no measurable added time)"
            by_linker = f"{ez_added / inside:.0f}x" if inside > 0 else "n/a"
            print(f"  {name}: {by_build} by build time, {by_linker} by the linker's own time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
