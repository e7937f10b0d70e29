import DeriveCore
import Foundation
import Testing

/// Listing a notes folder: nothing outside the course is ever read through a symbolic link.
@Suite("The notes folder and its symbolic links")
struct NoteDirectoryTests {
    /// A course folder `<tmp>/course` with `Notes/01-a.md` and `Notes/images/net.svg`, and a
    /// folder `<tmp>/outside` beside it holding `secret.txt` and `keys/id`.
    private struct Layout {
        let base: URL
        var course: URL { base.appendingPathComponent("course") }
        var notes: URL { course.appendingPathComponent("Notes") }
        var outside: URL { base.appendingPathComponent("outside") }

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("derive-notes-\(UUID().uuidString)")
            let files = [
                "course/Notes/01-a.md": "# A\n", "course/Notes/images/net.svg": "<svg/>",
                "course/shared/figure.svg": "<svg/>", "outside/secret.txt": "secret", "outside/keys/id": "key",
            ]
            for (path, text) in files {
                let url = base.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        func link(_ path: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: notes.appendingPathComponent(path).path, withDestinationPath: destination)
        }

        func contents() throws -> NoteDirectory.Contents {
            try NoteDirectory(url: notes, displayPath: "Notes").contents(within: course)
        }

        func remove() { try? FileManager.default.removeItem(at: base) }
    }

    @Test func aFolderWithoutLinksListsItsNotesAndOtherFiles() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let contents = try layout.contents()
        #expect(contents.notes.map(\.relativePath) == ["01-a.md"])
        #expect(contents.otherFiles.map(\.relativePath) == ["images/net.svg"])
        #expect(contents.refusedLinks.isEmpty)
    }

    @Test(arguments: [
        ("leak.txt", "/etc/passwd"), ("secret.txt", "OUTSIDE/secret.txt"), ("relative.txt", "../../outside/secret.txt"),
        ("keys", "OUTSIDE/keys"), ("keys-relative", "../../outside/keys"), ("02-leak.md", "OUTSIDE/secret.txt"),
    ])
    func aLinkOutOfTheCourseIsRefusedAndNotFollowed(name: String, destination: String) throws {
        let layout = try Layout()
        defer { layout.remove() }
        let target = destination.replacingOccurrences(of: "OUTSIDE", with: layout.outside.path)
        try layout.link(name, to: target)
        let contents = try layout.contents()
        #expect(contents.refusedLinks == [NoteDirectory.RefusedLink(
            relativePath: name,
            reason: "a symbolic link to '\(target)', outside the course: not followed (Derive reads nothing from outside the course)")])
        #expect(contents.notes.map(\.relativePath) == ["01-a.md"])
        #expect(contents.otherFiles.map(\.relativePath) == ["images/net.svg"])
    }

    @Test func aDanglingLinkIsRefusedAndTheRestIsListed() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.link("images/gone.svg", to: "missing.svg")
        let contents = try layout.contents()
        #expect(contents.refusedLinks == [NoteDirectory.RefusedLink(
            relativePath: "images/gone.svg", reason: "a symbolic link to 'missing.svg', which does not exist: not followed")])
        #expect(contents.otherFiles.map(\.relativePath) == ["images/net.svg"])
    }

    @Test func aLinkInsideTheCourseIsFollowedAndALoopIsListedOnce() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.link("figure.svg", to: "../shared/figure.svg")
        try layout.link("shared", to: "../shared")
        try layout.link("images/loop", to: "..")
        let contents = try layout.contents()
        #expect(contents.refusedLinks.isEmpty)
        #expect(contents.notes.map(\.relativePath) == ["01-a.md"])
        #expect(contents.otherFiles.map(\.relativePath) == ["figure.svg", "images/net.svg", "shared/figure.svg"])
    }

    @Test func theNotesFolderItselfMayBeALink() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let linked = layout.course.appendingPathComponent("Linked")
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: layout.notes)
        let contents = try NoteDirectory(url: linked, displayPath: "Linked").contents(within: layout.course)
        #expect(contents.notes.map(\.relativePath) == ["01-a.md"])
        #expect(contents.refusedLinks.isEmpty)
    }
}
