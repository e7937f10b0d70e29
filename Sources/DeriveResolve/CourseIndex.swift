import DeriveCore
import Foundation

/// What every note of a course offers the others: its page, the anchors on it, and the labels
/// it defines; and the course's other files. Citations and relative links resolve against it.
/// Building it costs a dictionary entry per page and per label; a note's anchors and a label's
/// target are made only when a link or a citation asks for them, so resolving one note against
/// the course (`derive serve`) costs little more than that note.
struct CourseIndex {
    /// Where a label is defined: its note, and what it names there.
    private struct Label {
        enum Kind {
            case equation(number: Int)
            case figure(number: Int)
            case section(title: String)
        }

        var position: Int
        var kind: Kind
    }

    private let notes: [Note]
    private let resolutions: [NoteResolution]
    private let pages: [String: Int]
    private let labels: [String: [Label]]
    private let assets: Set<String>

    init(notes: [Note], resolutions: [NoteResolution], assets: [String]) {
        self.notes = notes
        self.resolutions = resolutions
        self.assets = Set(assets)
        var pages: [String: Int] = [:]
        var labels: [String: [Label]] = [:]
        for (position, (note, resolution)) in zip(notes, resolutions).enumerated() {
            pages[note.relativePath] = position
            pages[note.pagePath] = position
            for equation in resolution.equations {
                labels[equation.label, default: []].append(Label(position: position, kind: .equation(number: equation.number)))
            }
            for figure in resolution.figures {
                guard let label = figure.label else { continue }
                labels[label, default: []].append(Label(position: position, kind: .figure(number: figure.number)))
            }
            for heading in note.headings where heading.anchor.hasPrefix("sec-") {
                labels[heading.anchor, default: []].append(Label(position: position, kind: .section(title: heading.content.plainText)))
            }
        }
        self.pages = pages
        self.labels = labels
    }

    /// The anchors on the page of the note at `position`: its headings, equations, code blocks,
    /// figures, footnotes, and the sections every page has.
    private func anchors(of position: Int) -> Set<String> {
        let (note, resolution) = (notes[position], resolutions[position])
        var found: Set<String> = ["declarations", "results"]
        found.formUnion(note.headings.map(\.anchor))
        found.formUnion(resolution.equations.map(\.label))
        found.formUnion(resolution.codeBlocks.map(\.anchor))
        found.formUnion(resolution.figures.map { $0.label ?? "figure-\($0.number)" })
        found.formUnion(resolution.footnotes.flatMap { ["fn-\($0)", "fnref-\($0)"] })
        return found
    }

    /// What a citation of `label` leads to, from the label's own note or (`remote`) another.
    private func target(of label: Label, named name: String, remote: Bool) -> CitationTarget {
        let page = notes[label.position].pagePath
        let number = resolutions[label.position].noteNumber
        switch label.kind {
        case .equation(let equation):
            return CitationTarget(pagePath: page, anchor: name, text: remote ? "(\(number).\(equation))" : "(\(equation))")
        case .figure(let figure):
            return CitationTarget(pagePath: page, anchor: name, text: remote ? "Figure \(number).\(figure)" : "Figure \(figure)")
        case .section(let title):
            return CitationTarget(pagePath: page, anchor: name, text: title)
        }
    }

    /// Resolves the citations and relative links of the note at `position` into `resolution`.
    func resolveReferences(of note: Note, position: Int, into resolution: inout NoteResolution, diagnostics: inout [Diagnostic]) {
        for citation in note.citations where resolution.citations[citation.label] == nil {
            let found = labels[citation.label] ?? []
            if let own = found.first(where: { $0.position == position }) {
                resolution.citations[citation.label] = target(of: own, named: citation.label, remote: false)
            } else if found.count == 1, let other = found.first {
                resolution.citations[citation.label] = target(of: other, named: citation.label, remote: true)
            } else if found.isEmpty {
                diagnostics.append(Diagnostic(
                    .error, .citationUnknownLabel, "'@\(citation.label)' cites a label that no note of the course defines",
                    at: citation.location))
            } else {
                let where_ = found.map { notes[$0.position].path }.joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    .error, .citationAmbiguousLabel, "'@\(citation.label)' could cite the label in any of \(where_); rename all but one",
                    at: citation.location))
            }
        }
        for link in note.links {
            check(link.destination, isImage: link.isImage, from: note, position: position,
                  at: link.location ?? NoteLocation(file: note.path, line: 1), resolution: &resolution, diagnostics: &diagnostics)
        }
    }

    private func check(
        _ destination: String, isImage: Bool, from note: Note, position: Int, at location: NoteLocation,
        resolution: inout NoteResolution, diagnostics: inout [Diagnostic]
    ) {
        guard let (path, fragment) = Self.relativeParts(of: destination) else { return }
        if path.isEmpty {
            if let fragment, !anchors(of: position).contains(fragment) {
                diagnostics.append(Diagnostic(.error, .linkUnknownAnchor, "'#\(fragment)' names no anchor on this page", at: location))
            }
            return
        }
        guard let resolved = Self.normalize(path, in: note.folder) else {
            diagnostics.append(Diagnostic(.error, .linkBroken, "'\(destination)' leads out of the notes folder", at: location))
            return
        }
        if !isImage, let target = pages[resolved] ?? pages[resolved.isEmpty ? "index.md" : resolved + "/index.md"] {
            if let fragment, !anchors(of: target).contains(fragment) {
                diagnostics.append(Diagnostic(
                    .error, .linkUnknownAnchor, "'#\(fragment)' names no anchor on \(notes[target].path)'s page", at: location))
            }
            resolution.links[destination] = notes[target].pagePath + (fragment.map { "#\($0)" } ?? "")
        } else if !assets.contains(resolved) {
            let what = isImage ? "image" : resolved.hasSuffix(".md") ? "note" : "file"
            diagnostics.append(Diagnostic(
                .error, .linkBroken, "'\(destination)' names no \(what) of the course (looked for \(resolved) in the notes folder)",
                at: location))
        }
    }

    /// The path and fragment of a relative destination; nil for URLs with a scheme or a host,
    /// and for site-absolute paths, which are not checked.
    static func relativeParts(of destination: String) -> (path: String, fragment: String?)? {
        if destination.hasPrefix("/") || destination.contains("://") { return nil }
        if let colon = destination.firstIndex(of: ":"), !destination[..<colon].contains("/"), !destination[..<colon].contains("#") {
            return nil  // mailto:, data:, javascript: ...
        }
        let withoutQuery = destination.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutQuery.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        return (path, fragment.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `path` relative to `folder`, `.` and `..` resolved; nil if it leaves the notes folder.
    static func normalize(_ path: String, in folder: String) -> String? {
        var components = folder.split(separator: "/").map(String.init)
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }
}
