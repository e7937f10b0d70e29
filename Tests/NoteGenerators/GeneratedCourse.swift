import Foundation
import PropertyBased

/// A course of generated notes, written to a folder as `Notes/01-generated.md`, ...
public struct GeneratedCourse: Sendable, CustomStringConvertible {
    /// The notes, in file-name order.
    public var notes: [GeneratedNote]

    /// Every note, under its file name.
    public var description: String {
        zip(fileNames, notes).map { "--- \($0)\n\($1.text)" }.joined(separator: "\n")
    }

    /// The notes' file names.
    public var fileNames: [String] { notes.indices.map { String(format: "%02d-generated.md", $0 + 1) } }

    /// Courses of one to six notes.
    public static let generator = GeneratedNote.generator.array(of: 1...6).map(GeneratedCourse.init(notes:))

    /// A course of `notes`.
    public init(notes: [GeneratedNote]) { self.notes = notes }

    /// Writes the course into a new temporary folder (`Notes/` and a `derive.yml`) and returns it.
    public func write() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("derive-generated-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("Notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("title: A generated course\n".utf8).write(to: root.appendingPathComponent("derive.yml"))
        for (name, note) in zip(fileNames, notes) {
            try Data(note.text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return root
    }
}
