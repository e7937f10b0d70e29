#!/usr/bin/env python3
"""Writes a course of N generated notes shaped like the shipped ones, for the benchmark.

Each note has about 250 lines: prose with inline math (about 60 spans), a dozen display
equations (`aligned`, `bmatrix`, `\\frac`, labelled and cited), and 6 Swift blocks, two of them
chunks that a third expands. Names are unique per note, so the whole course tangles cleanly into
one module. The same N and seed give the same bytes.

    Benchmarks/corpus.py DIR N     # writes DIR/Notes/0001-....md ... and DIR/derive.yml
"""
import random
import sys
from pathlib import Path

WORDS = (
    "the gradient of each layer follows from the chain rule applied to the values just above it "
    "so that every weight receives the error signal scaled by the activation that fed it and the "
    "bias receives the error itself summed over the examples of the batch which keeps the shapes "
    "consistent with the forward pass and lets one matrix product replace a loop over units"
).split()

ACTIVATIONS = [r"\sigma", r"\tanh", r"\operatorname{ReLU}", r"\operatorname{softplus}"]


def sentence(rng, note, k):
    """A sentence of prose with two or three inline formulas, some shared across notes."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 18))]
    layer = rng.randint(1, 4)
    spans = [
        f"$W^{{[{layer}]}}$",
        f"$\\delta^{{[{layer}]}}_{{{k % 7 + 1}}}$",
        f"$z^{{[{layer}]}} = W^{{[{layer}]}} a^{{[{layer - 1}]}} + b^{{[{layer}]}}$",
        f"$\\partial J / \\partial w_{{{note % 13}{k}}}$",
        f"$n_{{{layer}}} \\times {note % 50 + k}$",
        "$x$",
        "$\\hat y$",
    ]
    for _ in range(rng.randint(1, 3)):
        words.insert(rng.randrange(len(words)), rng.choice(spans))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, note, k):
    """About five lines of prose wrapped at 100 columns."""
    text = " ".join(sentence(rng, note, k + i) for i in range(rng.randint(3, 4)))
    lines, line = [], ""
    for word in text.split(" "):
        if len(line) + len(word) + 1 > 100:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def display(rng, note, k):
    """A display equation in one of the shipped notes' shapes."""
    act = ACTIVATIONS[(note + k) % len(ACTIVATIONS)]
    l = k % 3 + 1
    shapes = [
        f"\\frac{{\\partial J}}{{\\partial W^{{[{l}]}}}} = \\frac{{1}}{{m}} \\sum_{{i=1}}^{{m}} \\delta^{{[{l}](i)}} a^{{[{l - 1}](i)\\top}}, \\qquad \\frac{{\\partial J}}{{\\partial b^{{[{l}]}}}} = \\frac{{1}}{{m}} \\sum_{{i=1}}^{{m}} \\delta^{{[{l}](i)}}",
        f"\\begin{{aligned}} z^{{[{l}]}} &= W^{{[{l}]}} a^{{[{l - 1}]}} + b^{{[{l}]}}, \\\\ a^{{[{l}]}} &= {act}\\big(z^{{[{l}]}}\\big), \\\\ \\delta^{{[{l}]}} &= \\Big( W^{{[{l + 1}]\\top}} \\delta^{{[{l + 1}]}} \\Big) \\odot {act}'\\big(z^{{[{l}]}}\\big) \\end{{aligned}}",
        f"W^{{[{l}]}} = \\begin{{bmatrix}} w_{{11}} & w_{{12}} & \\cdots & w_{{1,{note % 9 + 2}}} \\\\ w_{{21}} & w_{{22}} & \\cdots & w_{{2,{note % 9 + 2}}} \\\\ \\vdots & \\vdots & \\ddots & \\vdots \\end{{bmatrix}}, \\qquad \\eta = {k + 1} \\times 10^{{-{note % 4 + 1}}}",
        f"\\mathcal{{L}}(\\hat y, y) = -\\sum_{{c=1}}^{{{note % 10 + 2}}} y_c \\log \\frac{{e^{{z_c}}}}{{\\sum_{{j}} e^{{z_j}}}}, \\qquad \\frac{{\\partial \\mathcal{{L}}}}{{\\partial z_c}} = \\hat y_c - y_c",
    ]
    return shapes[k % len(shapes)]


def note_text(note, rng):
    ns = f"Note{note:04d}"
    out = [
        "---",
        f'title: "Generated note {note}: a {ACTIVATIONS[note % 4][1:].replace("operatorname{", "").rstrip("}")} network, derived"',
        f"summary: Generated for the benchmark; note {note} of the corpus.",
        "---",
        "",
        f"# Generated note {note}",
        "",
    ]
    labels = []
    k = 0
    for section in range(4):
        out += [f"## Part {section + 1}", ""]
        for _ in range(3):
            out += [paragraph(rng, note, k), ""]
            label = f"eq-n{note}-{k}"
            labels.append(label)
            out += ["$$", display(rng, note, k), f"$$ {{#{label}}}", ""]
            cited = " and ".join(f"@{l}" for l in labels[-2:])
            out += [f"This is {cited}; the shapes agree with $({note % 7 + 1} \\times m)$.", ""]
            k += 1
    blocks = [
        f"```swift\n/// The parameters of generated note {note}.\nenum {ns} {{\n    struct Parameters {{\n        var w: [Double]\n        var b: Double\n    }}\n}}\n```",
        f"```swift forward implements={labels[0]}\nextension {ns} {{\n    /// The forward pass of @{labels[0]}.\n    static func forward(_ p: Parameters, _ x: [Double]) -> Double {{\n        zip(p.w, x).reduce(p.b) {{ $0 + $1.0 * $1.1 }}\n    }}\n}}\n```",
        f"```swift delta #delta-{note} implements={labels[1]}\nlet delta = forward(p, x) - y\n```",
        f"```swift gradient #gradient-{note} implements={labels[4]}\nlet gradient = Parameters(w: x.map {{ $0 * delta }}, b: delta)\n```",
        f"```swift gradient\nextension {ns} {{\n    /// The gradient of the squared loss, by @{labels[1]} and @{labels[2]}.\n    static func gradient(_ p: Parameters, x: [Double], y: Double) -> Parameters {{\n        <<delta-{note}>>\n        <<gradient-{note}>>\n        return gradient\n    }}\n}}\n```",
        f"```swift test\n@Test func note{note:04d}GradientOfTheBias() {{\n    let p = {ns}.Parameters(w: [1, 2], b: 0.5)\n    #expect({ns}.gradient(p, x: [1, 1], y: 0).b == {ns}.forward(p, [1, 1]))\n}}\n\n@Test func note{note:04d}GradientMatchesFiniteDifferences() {{\n    checkDerivation(at: {ns}.Parameters(w: [1, 2], b: 0.5), loss: {{ _ in 0 }}, gradients: {{ $0 }})\n}}\n```",
    ]
    for position, block in enumerate(blocks):
        out += [paragraph(rng, note, 100 + position), "", block, ""]
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: corpus.py DIR N")
    root, count = Path(sys.argv[1]), int(sys.argv[2])
    notes = root / "Notes"
    notes.mkdir(parents=True, exist_ok=True)
    (root / "derive.yml").write_text(f"title: A generated course of {count} notes\n")
    for note in range(1, count + 1):
        rng = random.Random(note)
        (notes / f"{note:04d}-generated.md").write_text(note_text(note, rng))


if __name__ == "__main__":
    main()
