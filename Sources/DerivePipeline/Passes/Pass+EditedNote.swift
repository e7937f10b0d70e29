import DeriveCore
import DeriveMarkdown
import DeriveResolve
import DeriveTangle
import Foundation

extension Pass {
    /// parse, one note: the note at `relativePath` read again, the rest of the course as its last
    /// build left it (`derive serve`, when one note was saved).
    /// - Throws: `EditedNoteMissing` when the course has no such note.
    public static func parse(editedNote relativePath: String, memo: ParsedNoteMemo? = nil) -> Pass {
        Pass(.parse) { course, _ in
            let position = try course.position(ofNote: relativePath)
            guard let file = course.noteFiles.first(where: { $0.relativePath == relativePath }) else { throw EditedNoteMissing(relativePath: relativePath) }
            let path = course.directory.displayPath(of: file)
            let parsed = memo?.parse(contentsOf: file.url, path: path, relativePath: relativePath)
                ?? NoteParser().parse(contentsOf: file.url, path: path, relativePath: relativePath)
            course.diagnostics += parsed.diagnostics
            guard let note = parsed.note else { return "\(path) could not be read" }
            course.notes[position] = note
            return "\(path), \(note.codeBlocks.count) code blocks"
        }
    }

    /// resolve, one note: the note at `relativePath` against the others as they were resolved
    /// (`Resolver.resolve(noteAt:of:resolutions:assets:)`).
    public static func resolve(editedNote relativePath: String) -> Pass {
        Pass(.resolve) { course, _ in
            let position = try course.position(ofNote: relativePath)
            let (resolution, diagnostics) = Resolver().resolve(
                noteAt: position, of: course.notes, resolutions: course.resolutions, assets: course.assets.map(\.relativePath))
            course.resolutions[position] = resolution
            course.diagnostics += diagnostics
            return "\(resolution.equations.count) numbered equations, \(resolution.chunks.count) chunks"
        }
    }

    /// tangle, one note: the Swift the note at `relativePath` tangles into, in place of what it
    /// tangled into before; when that changed, the course's reports (of the code before) go.
    public static func tangle(editedNote relativePath: String, moduleName: String) -> Pass {
        Pass(.tangle) { course, _ in
            let position = try course.position(ofNote: relativePath)
            let tangled = Tangler(moduleName: moduleName).tangle(course.notes[position], resolution: course.resolutions[position])
            guard tangled != course.tangled[position] else { return "1 Swift file, as before" }
            course.tangled[position] = tangled
            course.reports = nil
            return "1 Swift file, changed"
        }
    }
}

/// A pass for one edited note was given a note the course does not have.
public struct EditedNoteMissing: Error, CustomStringConvertible {
    /// The note's path in the notes folder.
    public var relativePath: String

    /// `no note Notes/x.md in the course's last build`.
    public var description: String { "the course's last build has no note \(relativePath)" }
}

extension Course {
    /// Where the note at `relativePath` is among the course's notes, resolutions and tangled files.
    public func position(ofNote relativePath: String) throws(EditedNoteMissing) -> Int {
        guard let position = notes.firstIndex(where: { $0.relativePath == relativePath }),
              position < resolutions.count, position < tangled.count
        else { throw EditedNoteMissing(relativePath: relativePath) }
        return position
    }
}
