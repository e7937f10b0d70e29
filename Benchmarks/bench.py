#!/usr/bin/env python3
"""Times a release build of `derive` on generated courses of 10, 100 and 1,000 notes, against
the `cmark` CLI, KaTeX alone and pandoc --katex (when installed) on the same files, in the
same run.

    Benchmarks/bench.py [--sizes 10,100,1000] [--runs 3] [--derive PATH] [--jobs N] [--keep DIR]

For each size it prints wall time (median of --runs whole-process runs; one run of each peer but
cmark above 100 notes), time per note, peak memory (the largest resident set of the process or
any child it waited for: node included) and the ratio to `cmark` on the same files, for: cold
weave (no site, no cache), no-change rebuild, one-note edit (one sentence added to one note,
then weave), the same edit under `derive serve` (from the file's write to the new page on disk),
tangle only and lint only; and, for the rebuilds, how many files of the site were rewritten.
pandoc is timed making a page per note (as many processes at once as --jobs, or cores) and
reading every note into one page, and the cold weave is compared with both, and with KaTeX alone
rendering every math span of the notes in one node process (`katex-alone.js`). Nothing here runs
under `swift test`.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def run(command, cwd, feed=None):
    """Runs `command`, writing `feed` (bytes) to its standard input if given; returns (seconds,
    peak resident MiB). Fails loudly on a non-zero exit."""
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as errors_file:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=null, stderr=errors_file,
                                   stdin=subprocess.PIPE if feed is not None else subprocess.DEVNULL)
        if feed is not None:
            process.stdin.write(feed)
            process.stdin.close()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        errors_file.seek(0)
        errors = errors_file.read().decode(errors="replace")
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or "warning:" in errors:
        sys.exit(f"{' '.join(map(str, command))} failed ({process.returncode}) or warned:\n{errors[:4000]}")
    return seconds, usage.ru_maxrss / 1024


def measure(runs, command, cwd, before=None, feed=None):
    """The median seconds and the largest peak MiB of `runs` runs, calling `before` ahead of each.

    Each run starts with the file system's dirty pages written back (sync), so that no run pays
    for writing out what an earlier one wrote (a cold weave of 1,000 notes writes 670 MB)."""
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        os.sync()
        seconds, peak = run(command, cwd, feed)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


class Trash:
    """Where a size's old outputs go instead of being deleted, until its measurements are over.

    On an ext4 without a journal (this machine's), a file created within seconds of deleting
    thousands makes the kernel look past every inode deleted in the last 5-10 s (ext4's
    `recently_deleted`): a cold weave started right after deleting the last one's site and cache
    spent up to a tenth of its processor time there, a cost none of the peers was charged. So a
    measurement moves what it replaces here, and `empty` deletes it all, then waits that out."""

    def __init__(self, folder):
        shutil.rmtree(folder, ignore_errors=True)  # left by a run that was stopped (--keep)
        self.folder = folder
        self.count = 0

    def discard(self, path):
        if path.exists():
            self.folder.mkdir(exist_ok=True)
            self.count += 1
            path.rename(self.folder / str(self.count))

    def empty(self):
        shutil.rmtree(self.folder, ignore_errors=True)
        time.sleep(11)


def snapshot(site):
    """Every file of the site with its inode and modification time, to count rewrites."""
    found = {}
    for path in site.rglob("*"):
        if path.is_file():
            info = path.stat()
            found[path.relative_to(site)] = (info.st_ino, info.st_mtime_ns)
    return found


def rewritten(before, after):
    return sum(1 for path, stamp in after.items() if before.get(path) != stamp)


def inode(path):
    """The file's inode, or None while it is missing (a site is being swapped in)."""
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


def serve_edit_latency(derive, course, edited, jobs, runs, trash):
    """Median seconds from a note's write to its new page on disk under `derive serve`, each
    write made once the site has been rebuilt after the one before."""
    site = course / ".bench-serve-site"
    shutil.rmtree(site, ignore_errors=True)
    page = site / (edited.stem + ".html")
    server = subprocess.Popen([derive, "serve", "--quiet", "--port", "0", "--site", site, *jobs], cwd=course,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 600
        while not page.exists():
            if time.time() > deadline or server.poll() is not None:
                sys.exit("derive serve never wrote the site")
            time.sleep(0.05)
        time.sleep(1.5)
        original = edited.read_text()
        latencies = []
        for attempt in range(runs):
            before = page.stat().st_mtime_ns, page.stat().st_ino
            whole_before = inode(site / "print.html")
            marker = f"serve edit {attempt} {time.time()}"
            started = time.perf_counter()
            edited.write_text(original.replace("\n## Part 2\n", f"\n{marker}.\n\n## Part 2\n", 1))
            while True:
                try:
                    info = page.stat()
                    if (info.st_mtime_ns, info.st_ino) != before and marker in page.read_text():
                        break
                except FileNotFoundError:
                    pass
                if time.perf_counter() - started > 120:
                    sys.exit("derive serve did not rebuild within 120 s")
                time.sleep(0.002)
            latencies.append(time.perf_counter() - started)
            # The rest of the site follows the page: the next save waits for it, as an author
            # rereading the page would (a save during that build waits for it; see the README).
            while inode(site / "print.html") in (whole_before, None):  # the whole-course page: written after every page
                if time.perf_counter() - started > 120:
                    sys.exit("derive serve did not finish the rebuild within 120 s")
                time.sleep(0.05)
            time.sleep(0.5)
        edited.write_text(original)
        return statistics.median(latencies)
    finally:
        server.terminate()
        server.wait()
        trash.discard(site)


def pandoc_results(pandoc, course, notes, runs, processes, trash):
    """pandoc --katex on the same notes, two ways: a standalone page per note, `processes` pandocs
    at once (how a site is made with pandoc, and how Quarto runs it: one process per page), and
    every note read by one process into one page (no site, but no process started per note)."""
    pages = course / ".bench-pandoc"
    pages.mkdir(exist_ok=True)
    stems = "".join(note.stem + "\n" for note in notes).encode()
    per_page = ["xargs", "-P", str(processes), "-I{}", pandoc, "--standalone", "--katex", "-f", "markdown",
                "-t", "html", "-o", f"{pages}/{{}}.html", "Notes/{}.md"]
    results = []
    for name, command, feed in [
        (f"pandoc --katex, page per note ({processes} at once)", per_page, stems),
        ("pandoc --katex, all notes in one page", [pandoc, "--katex", "-f", "markdown", "-t", "html", "-o", os.devnull, *notes], None),
    ]:
        seconds, peak = measure(runs, command, course, feed=feed)
        results.append((name, seconds, peak, None))
    trash.discard(pages)
    return results


def katex_alone(notes):
    """Every math span of the notes rendered by KaTeX in one node process, without a cache."""
    node = shutil.which("node") or sys.exit("node is missing: apt-get install nodejs")
    return ["env", "NODE_PATH=/usr/share/nodejs", node, HERE / "katex-alone.js", *notes]


def derive_binary(given):
    if given:
        return Path(given).resolve()
    subprocess.run(["swift", "build", "-c", "release", "--product", "derive"], cwd=ROOT, check=True)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return Path(bin_path) / "derive"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--derive", help="a derive binary (default: build the release one)")
    parser.add_argument("--jobs", type=int, help="passed to derive weave as --jobs")
    parser.add_argument("--keep", help="generate the courses here and keep them")
    arguments = parser.parse_args()

    cmark = shutil.which("cmark")
    if not cmark:
        sys.exit("the cmark CLI is missing: apt-get install cmark")
    pandoc = shutil.which("pandoc")
    derive = derive_binary(arguments.derive)
    jobs = ["--jobs", str(arguments.jobs)] if arguments.jobs else []
    work = Path(arguments.keep) if arguments.keep else Path(tempfile.mkdtemp(prefix="derive-bench-"))
    print(f"derive: {derive}\ncmark: {cmark}\npandoc: {pandoc or 'not installed'}\ncores: {os.cpu_count()}\n")

    rows = []
    for size in [int(s) for s in arguments.sizes.split(",")]:
        course = work / f"course-{size}"
        trash = Trash(work / f"trash-{size}")
        trash.discard(course)
        subprocess.run([sys.executable, HERE / "corpus.py", course, str(size)], check=True)
        notes = sorted((course / "Notes").glob("*.md"))
        site = course / "Site"
        cache = course / ".build"
        runs = arguments.runs
        peer_runs = runs if size <= 100 else 1  # the peers' 1,000-note runs take a minute or more

        def cold():
            trash.discard(site)
            trash.discard(cache)

        base, base_peak = measure(runs, [cmark, *notes], course)
        results = [("cmark (all files, one process)", base, base_peak, None)]
        if pandoc:
            results += pandoc_results(pandoc, course, notes, peer_runs, arguments.jobs or os.cpu_count(), trash)
        seconds, peak = measure(peer_runs, katex_alone(notes), course)
        results.append(("KaTeX alone, every span (one process)", seconds, peak, None))
        weave = [derive, "weave", "--quiet", *jobs]
        seconds, peak = measure(runs, weave, course, before=cold)
        results.append(("derive weave, cold", seconds, peak, None))

        before = snapshot(site)
        seconds, peak = measure(runs, weave, course)
        results.append(("derive weave, nothing changed", seconds, peak, rewritten(before, snapshot(site))))

        edited = notes[len(notes) // 2]
        original = edited.read_text()
        counter = [0]

        def edit():
            counter[0] += 1
            edited.write_text(original.replace("\n## Part 2\n", f"\nOne more sentence, edit {counter[0]}.\n\n## Part 2\n", 1))

        before = snapshot(site)
        seconds, peak = measure(runs, weave, course, before=edit)
        results.append(("derive weave, one note edited", seconds, peak, rewritten(before, snapshot(site))))
        edited.write_text(original)
        run(weave, course)

        seconds = serve_edit_latency(derive, course, edited, jobs, runs, trash)
        results.append(("derive serve, edit to page on disk", seconds, 0, None))
        run(weave, course)

        tangled = course / ".bench-tangled"
        seconds, peak = measure(runs, [derive, "tangle", "--quiet", "--output", tangled], course)
        results.append(("derive tangle", seconds, peak, None))
        seconds, peak = measure(runs, [derive, "lint", "--quiet"], course)
        results.append(("derive lint", seconds, peak, None))
        rows.append((size, results, base))
        trash.empty()

    for size, results, base in rows:
        print(f"== {size} notes (median of {arguments.runs} runs; ratio = time / cmark's time on the same files)")
        print(f"{'':42} {'wall':>9} {'per note':>10} {'peak':>9} {'x cmark':>8} {'rewritten':>10}")
        for name, seconds, peak, changed in results:
            ratio = f"{seconds / base:7.1f}x"
            memory = f"{peak:6.0f}MiB" if peak else "      -  "
            print(f"{name:42} {seconds:8.3f}s {seconds / size * 1000:8.2f}ms {memory} {ratio:>8} {'' if changed is None else changed:>10}")
        weave_seconds = dict((name, seconds) for name, seconds, _, _ in results)["derive weave, cold"]
        for name, seconds, _, _ in results:
            if name.startswith(("pandoc", "KaTeX")):
                ratio, than = (seconds / weave_seconds, "faster") if seconds >= weave_seconds else (weave_seconds / seconds, "slower")
                print(f"derive weave, cold: {ratio:.1f}x {than} than {name}")
        print()
    if not arguments.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
