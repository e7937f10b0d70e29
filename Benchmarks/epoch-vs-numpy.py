#!/usr/bin/env python3
"""Times one training epoch of note 04's 784-K-10 network on Fashion-MNIST: the notes' own
runtime (`train-fashion-mnist`, a release build) against the same network in numpy, in the
same run, alternating the two.

    Benchmarks/epoch-vs-numpy.py [--runs 3] [--threads 1] [--hidden 100] [--batch-size 10]
                                 [--learning-rate 1] [--seed 1] [--binary PATH] [--data DIR]

The first run makes a venv under .build/numpy-venv and installs numpy and threadpoolctl from
PyPI into it (never system-wide), then runs itself again inside it. Each run is a fresh
process on each side; each side times its own epoch (the shuffle and every mini-batch step,
not the loading of the data nor the test accuracy) and the whole process is timed as well.
It prints the median of each, the ratio Swift / numpy, the BLAS kernel and thread count of
each side, and each side's mean training loss and test accuracy, which agree because numpy
here starts from the same weights and walks the same shuffled order: the script draws them
with the runtime's generator (xoshiro256** seeded by SplitMix64, Box-Muller normals, Swift's
Fisher-Yates `shuffle(using:)`), before the clock starts.

OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which this machine may set for old OpenBLAS builds,
are unset for numpy (they slow a current numpy's OpenBLAS). The Swift side runs in the
environment as it is and, when that sets them, a second time with both unset, so that each
OpenBLAS picks its own kernel as numpy's does, and numpy runs a second time with them kept, so
that each Swift run has a numpy run on the same kind of kernel; the kernel of every side is
printed. Every side gets OPENBLAS_NUM_THREADS=--threads. Nothing here runs under `swift test`.
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = ROOT / ".build" / "numpy-venv"
DATA = "/usr/share/datasets/fashion-mnist"
BLAS_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
MASK = (1 << 64) - 1


def ensure_venv():
    """Re-executes this script inside .build/numpy-venv, creating it first when needed."""
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not python.exists():
        print(f"setting up {VENV.relative_to(ROOT)} (numpy, threadpoolctl from PyPI)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "numpy", "threadpoolctl"], check=True)
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


# The runtime's SeededGenerator, Matrix.normal and Swift's shuffle, in Python.

class SeededGenerator:
    """xoshiro256** with its state filled by SplitMix64, as Sources/DeriveRuntime/SeededGenerator.swift."""

    def __init__(self, seed):
        state, words = seed, []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            words.append(z ^ (z >> 31))
        self.s = words

    def next(self):
        s0, s1, s2, s3 = self.s
        x = (s1 * 5) & MASK
        result = ((((x << 7) | (x >> 57)) & MASK) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = ((s3 << 45) | (s3 >> 19)) & MASK
        self.s = [s0, s1, s2, s3]
        return result

    def unit(self):
        return (self.next() >> 11) * 2.0**-53

    def below(self, bound):
        """Swift's `next(upperBound:)`: Lemire's nearly divisionless method."""
        product = self.next() * bound
        if product & MASK < bound:
            threshold = ((1 << 64) - bound) % bound
            while product & MASK < threshold:
                product = self.next() * bound
        return product >> 64


def normal(np, rows, cols, deviation, rng):
    """Matrix.normal: Box-Muller pairs, row-major, scaled by `deviation`."""
    import math
    values = []
    while len(values) < rows * cols:
        u1, u2 = 1 - rng.unit(), rng.unit()
        radius = math.sqrt(-2 * math.log(u1))
        values.append(radius * math.cos(2 * math.pi * u2))
        values.append(radius * math.sin(2 * math.pi * u2))
    return np.array(values[: rows * cols]).reshape(rows, cols) * deviation


def shuffled(order, rng):
    """Swift's MutableCollection.shuffle(using:), in place."""
    amount, current = len(order), 0
    while amount > 1:
        other = current + rng.below(amount)
        amount -= 1
        order[current], order[other] = order[other], order[current]
        current += 1
    return order


# The network of note 04, in numpy.

def load(np, directory, prefix):
    """Images as rows (N×784, pixels in [0, 1]) and labels, from the gzipped IDX files."""
    with gzip.open(f"{directory}/{prefix}-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784) / 255
    with gzip.open(f"{directory}/{prefix}-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8).astype(np.intp)
    return images, labels


def sigmoid(np, z):
    """σ(z) as the runtime's `logistic`: 1 / (1 + e^-z) for z >= 0, e^z / (1 + e^z) below."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def numpy_side(args):
    """One epoch in numpy; prints a JSON line with the times, the loss and the accuracy."""
    import numpy as np
    from threadpoolctl import threadpool_info, threadpool_limits

    started = time.perf_counter()
    images, labels = load(np, args.data, "train")
    test_images, test_labels = load(np, args.data, "t10k")
    rng = SeededGenerator(args.seed)
    W1 = normal(np, 784, args.hidden, 1 / 784**0.5, rng)
    b1 = np.zeros((args.hidden, 1))
    W2 = normal(np, args.hidden, 10, 1 / args.hidden**0.5, rng)
    b2 = np.zeros((10, 1))
    order = np.array(shuffled(list(range(len(labels))), rng))
    identity = np.eye(10)
    eta, size = args.learning_rate, args.batch_size

    with threadpool_limits(args.threads, user_api="blas"):
        epoch_started, cpu_started = time.perf_counter(), time.process_time()
        total = 0.0
        for start in range(0, len(order), size):
            indices = order[start : start + size]
            x = images[indices].T                       # 784×m
            y = identity[:, labels[indices]]            # 10×m
            m = x.shape[1]
            z1 = W1.T @ x + b1
            a1 = sigmoid(np, z1)
            z2 = W2.T @ a1 + b2
            a2 = sigmoid(np, z2)
            r = a2 - y
            total += 0.5 * np.sum(r * r) / m * m
            delta2 = (1 / m) * (r * (a2 * (1 - a2)))
            delta1 = (W2 @ delta2) * (a1 * (1 - a1))
            W1 -= eta * (x @ delta1.T)
            b1 -= eta * delta1.sum(axis=1, keepdims=True)
            W2 -= eta * (a1 @ delta2.T)
            b2 -= eta * delta2.sum(axis=1, keepdims=True)
        epoch, cpu = time.perf_counter() - epoch_started, time.process_time() - cpu_started
        blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
        predicted = np.argmax(sigmoid(np, W2.T @ sigmoid(np, W1.T @ test_images.T + b1) + b2), axis=0)
    accuracy = float(np.mean(predicted == test_labels))
    print(json.dumps({
        "epoch": epoch, "cpu": cpu, "loss": total / len(order), "accuracy": accuracy,
        "process": time.perf_counter() - started, "numpy": np.__version__,
        "blas": [{k: i.get(k) for k in ("version", "architecture", "threading_layer", "num_threads")} for i in blas],
    }))


def swift_side(binary, args, environment):
    """One epoch of `train-fashion-mnist`; its epoch time, loss and accuracy, from its output."""
    command = [str(binary), "--epochs", "1", "--hidden", str(args.hidden), "--batch-size", str(args.batch_size),
               "--learning-rate", str(args.learning_rate), "--seed", str(args.seed), "--data", args.data]
    started = time.perf_counter()
    out = subprocess.run(command, env=environment, capture_output=True, text=True, check=True).stdout
    process = time.perf_counter() - started
    result = {"process": process}
    for line in out.splitlines():
        words = line.split()
        if line.startswith("epoch"):          # epoch  1  mean training loss 0.14300  5.31 s (CPU 5.30 s)
            result["loss"], result["epoch"] = float(words[5]), float(words[6])
            result["cpu"] = float(words[9])
        if line.startswith("test accuracy"):  # test accuracy 87.51% on ...
            result["accuracy"] = float(words[2].rstrip("%")) / 100
    if "epoch" not in result:
        sys.exit(f"no epoch time in the output of {' '.join(command)}:\n{out}")
    return result


def swift_blas(binary, environment):
    """The kernel and threads of the OpenBLAS that `binary` links, asked in its environment."""
    library = next((line.split("=>")[1].split()[0] for line in subprocess.run(
        ["ldd", str(binary)], capture_output=True, text=True).stdout.splitlines()
        if "libopenblas" in line or "libblas" in line), None)
    if library is None:
        return "no OpenBLAS found by ldd"
    probe = ("import ctypes, sys; b = ctypes.CDLL(sys.argv[1]); "
             "b.openblas_get_corename.restype = ctypes.c_char_p; b.openblas_get_config.restype = ctypes.c_char_p; "
             "print(b.openblas_get_config().decode(), '| kernel', b.openblas_get_corename().decode(), "
             "'| threads', b.openblas_get_num_threads())")
    out = subprocess.run([sys.executable, "-c", probe, library], env=environment, capture_output=True, text=True)
    return f"{os.path.realpath(library)}: {out.stdout.strip() or out.stderr.strip()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each side, alternating")
    parser.add_argument("--threads", type=int, default=1, help="OpenBLAS threads, on both sides")
    parser.add_argument("--hidden", type=int, default=100, help="K, the hidden layer's width")
    parser.add_argument("--batch-size", type=int, default=10)
    parser.add_argument("--learning-rate", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "train-fashion-mnist"))
    parser.add_argument("--numpy-side", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    ensure_venv()
    if args.numpy_side:
        return numpy_side(args)

    binary = Path(args.binary)
    if not binary.exists():
        sys.exit(f"{binary} is missing: build it with `swift build -c release --product train-fashion-mnist`")
    threads = {"OPENBLAS_NUM_THREADS": str(args.threads), "OMP_NUM_THREADS": str(args.threads)}
    unset = {k: v for k, v in os.environ.items() if k not in BLAS_ENV} | threads
    pinned = [f"{k}={os.environ[k]}" for k in BLAS_ENV if k in os.environ]
    # The Swift side in the environment as it is and, when that pins OpenBLAS's kernel, with the
    # pin lifted as for numpy; numpy always without it.
    sides = [("Swift", "Swift, environment as is" + (f" ({', '.join(pinned)})" if pinned else ""), {**os.environ, **threads})]
    numpys = [("numpy", unset)]
    if pinned:
        sides.append(("Swift unset", f"Swift, {' and '.join(BLAS_ENV)} unset", unset))
        numpys.append(("numpy pinned", {**os.environ, **threads}))
    numpy_command = [sys.executable, __file__, "--numpy-side", *sys.argv[1:]]

    print(f"784-{args.hidden}-10, batches of {args.batch_size}, η = {args.learning_rate}, seed {args.seed}, "
          f"{args.runs} runs of each side, alternating, {args.threads} BLAS thread(s) on every side")
    for _, title, environment in sides:
        print(f"{title}: {swift_blas(binary, environment)}")
    results = {name: [] for name, _, _ in sides} | {name: [] for name, _ in numpys}
    for run in range(1, args.runs + 1):
        figures = []
        for name, _, environment in sides:
            results[name].append(swift_side(binary, args, environment))
        for name, environment in numpys:
            out = subprocess.run(numpy_command, env=environment, capture_output=True, text=True, check=True).stdout
            results[name].append(json.loads(out.splitlines()[-1]))
        for name, rows in results.items():
            r = rows[-1]
            figures.append(f"{name} {r['epoch']:.2f} s (CPU {r['cpu']:.2f} s)")
        print(f"run {run}, epoch: " + ", ".join(figures), flush=True)
    for name, _ in numpys:
        how = f"{' and '.join(BLAS_ENV)} unset" if name == "numpy" else "environment as is"
        print(f"{name}: numpy {results[name][-1]['numpy']}, {how}, its BLAS by threadpoolctl: "
              + "; ".join(f"OpenBLAS {b['version']}, kernel {b['architecture']}, {b['threading_layer']}, "
                          f"threads {b['num_threads']}" for b in results[name][-1]["blas"]))

    def median(rows, key):
        return statistics.median(r[key] for r in rows)

    print(f"\nmedians of {args.runs} runs {'epoch':>9} {'epoch CPU':>10} {'process':>8}"
          f" {'mean training loss':>19} {'test accuracy':>14}")
    for name, rows in results.items():
        print(f"{name:19} {median(rows, 'epoch'):8.2f}s {median(rows, 'cpu'):9.2f}s {median(rows, 'process'):7.2f}s"
              f" {rows[-1]['loss']:19.5f} {100 * rows[-1]['accuracy']:13.2f}%")
    print()
    numpy = results["numpy"]
    pairs = [(name, "numpy") for name, _, _ in sides] + ([("Swift", "numpy pinned")] if pinned else [])
    for name, other in pairs:
        rows, others = results[name], results[other]
        ratio = {key: median(rows, key) / median(others, key) for key in ("epoch", "cpu", "process")}
        print(f"{name} / {other}: {ratio['epoch']:.2f}x an epoch, {ratio['cpu']:.2f}x its CPU time, "
              f"{ratio['process']:.2f}x the whole process")
    for name, rows in results.items():
        if abs(rows[-1]["loss"] - numpy[-1]["loss"]) > 1e-4 or abs(rows[-1]["accuracy"] - numpy[-1]["accuracy"]) > 0.002:
            print(f"warning: {name} and numpy disagree on the loss or the accuracy: not the same computation")


if __name__ == "__main__":
    main()
