import Foundation
import Testing

/// `derive tangle`: the same notes give the same bytes, and an error writes nothing.
@Suite("derive tangle")
struct TangleTests {
    @Test("tangling twice gives byte-identical output")
    func deterministic() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(fixture: "clean")
        let first = try await DeriveRun.run(["tangle", "--notes", "Notes", "--output", "out"], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        let tree = try FolderTree(folder("out"))
        #expect(tree.paths == [
            "Sources/Notes/01-sigmoid-neuron.swift", "Sources/Notes/02-chain-rule.swift",
            "Tests/NotesTests/01-sigmoid-neuron.swift", "Tests/NotesTests/02-chain-rule.swift",
        ])
        let second = try await DeriveRun.run(["tangle", "--notes", "Notes", "--output", "out"], in: folder.url)
        #expect(second.status == 0)
        #expect(try FolderTree(folder("out")).differences(from: tree) == [])
    }

    @Test("a note with an error leaves the previous output untouched")
    func errorWritesNothing() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(fixture: "clean")
        let good = try await DeriveRun.run(["tangle", "--notes", "Notes", "--output", "out"], in: folder.url)
        #expect(good.status == 0, "\(good.stderr)")
        let before = try FolderTree(folder("out"))

        try folder.write("# Broken\n\n```swift\nfunc f() {\n    <<nowhere>>\n}\n```\n", to: "Notes/03-broken.md")
        try folder.write("# Also changed\n", to: "Notes/01-sigmoid-neuron.md")
        let bad = try await DeriveRun.run(["tangle", "--notes", "Notes", "--output", "out"], in: folder.url)
        #expect(bad.status != 0)
        #expect(bad.stderr.hasPrefix("Notes/03-broken.md:5:5: error: '<<nowhere>>' refers to a chunk"))
        #expect(try FolderTree(folder("out")).differences(from: before) == [])
        #expect(try folder.names() == ["Notes", "out"], "a staging folder was left behind")
    }
}
