"""Render: every output of every municipality, on every core, each file stored as made.

For each municipality and each `MunicipalityOutput` (lofte/outputs/protocol.py)
the engine derives the key of what the output reads (reuse.Keys). When every
file the output lists is in the current site under that key, it is kept
without being made; otherwise the output makes its files, which must be
exactly the ones it listed. Workers store the files themselves (write.Output
only touches the file system) and return the manifest records and the parts
for the site-wide files, combined per slice so little crosses processes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from lofte.outputs.protocol import BuildContext, MunicipalityOutput, OutputFile

from . import parallel
from .reuse import Keys, Kept, Memory
from .write import Output

MIN_PARALLEL = 16  # fewer municipalities to make than this are quicker in this process


@dataclass(frozen=True)
class Job:
    """What every worker needs, passed once when the pool starts."""
    ctx: BuildContext
    outputs: tuple[MunicipalityOutput, ...]
    keys: Keys
    previous: dict[str, str]  # the current site's manifest: path -> key
    out: Output
    kept: dict[tuple[str, str], Kept]  # what this process remembers for the current keys (dev server)
    keep: bool  # return each municipality's records and parts, for Memory

    @classmethod
    def of(cls, ctx: BuildContext, outputs: tuple[MunicipalityOutput, ...], keys: Keys, previous: dict[str, str],
           out: Output, memory: Memory) -> "Job":
        """The job for `outputs`, with what `memory` keeps under this build's keys."""
        names = {o.name for o in outputs}
        kept = {k: v for k, v in memory.kept.items()
                if k[0] in names and k[1] in keys.fingerprints and v.key == keys.municipality(*k)}
        return cls(ctx, outputs, keys, previous, out, kept, memory.keep)


def make_municipalities(job: Job, memory: Memory, jobs: int, method: str | None,
                        min_parallel: int = MIN_PARALLEL) -> dict[str, Any]:
    """Make every municipality's files into `job.out`; returns each output's combined part."""
    municipalities = job.ctx.site.municipalities
    todo = sum(1 for m in municipalities if any((o.name, m.slug) not in job.kept for o in job.outputs))
    workers = parallel.jobs(jobs) if todo >= min_parallel else 1
    combined: dict[str, list] = {o.name: [] for o in job.outputs if o.combine}
    slices = parallel.chunks(range(len(municipalities)), workers * 8)
    for records, kept, parts in parallel.map_ordered(make_slice, slices, workers, method, shared=job):
        for path, key, written in records:
            job.out.add(path, key, written)
        for (name, slug), value in kept.items():
            memory.remember(name, slug, value)
        for name, part in parts.items():
            combined[name].append(part)
    by_name = {o.name: o for o in job.outputs}
    return {name: by_name[name].combine(parts) for name, parts in combined.items()}


def make_slice(job: Job, indexes: range) -> tuple[list, dict, dict]:
    """Worker: make and store the files of some municipalities."""
    records: list[tuple[str, str, bool]] = []
    kept: dict[tuple[str, str], Kept] = {}
    parts: dict[str, list] = {o.name: [] for o in job.outputs if o.combine}
    for i in indexes:
        m = job.ctx.site.municipalities[i]
        for output in job.outputs:
            done, files = make_one(job, output, m)
            for f in files:
                records.append((f.path, f.key, job.out.store(f)))
            if output.combine:
                parts[output.name].append(done.part)
            if job.keep:
                kept[(output.name, m.slug)] = done
    return records, kept, {o.name: o.combine(parts[o.name]) for o in job.outputs if o.combine}


def make_one(job: Job, output: MunicipalityOutput, m) -> tuple[Kept, Iterable[OutputFile]]:
    """One output of one municipality: kept by key, or made (and checked against its list)."""
    key = job.keys.municipality(output.name, m.slug)
    kept = job.kept.get((output.name, m.slug))
    kept = kept if kept is not None and kept.key == key else None
    paths = kept.paths if kept is not None else output.paths(job.ctx.site, m)
    if all(job.previous.get(path) == key for path in paths):
        part = (None if output.combine is None else kept.part if kept is not None
                else output.make(job.ctx, m).part)  # only the part: its files are not looked at
        return Kept(key, paths, part), [OutputFile(path, None, key) for path in paths + _more(output, paths, job, key)]
    made = output.make(job.ctx, m)
    return Kept(key, paths, made.part), _checked(output, m, paths, made.files, key)


def _more(output: MunicipalityOutput, paths: list[str], job: Job, key: str) -> list[str]:
    """The files beyond the listed ones (`more`) that the previous build made from the same inputs."""
    found = []
    for path in paths if output.more else ():
        for extra in output.more(path):
            if job.previous.get(extra) != key:
                break
            found.append(extra)
    return found


def _checked(output: MunicipalityOutput, m, paths: list[str], files, key: str) -> Iterator[OutputFile]:
    """The files with the engine's key; an output that makes files it did not list
    (or declare as `more`) would escape the reuse check, so that is a bug to stop at once."""
    listed, seen = set(paths), set()
    allowed = listed | {extra for path in paths for extra in output.more(path)} if output.more else listed
    for f in files:
        if f.path not in allowed:
            raise RuntimeError(f"output {output.name!r} made {f.path} for {m.slug}, which its paths() do not list")
        seen.add(f.path)
        yield OutputFile(f.path, f.data, key)
    if not listed <= seen:
        raise RuntimeError(f"output {output.name!r} listed files for {m.slug} it did not make: "
                           f"{sorted(listed - seen)[:3]}")
