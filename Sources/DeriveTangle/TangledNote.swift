/// The Swift a note tangles into: its module code and its test code, each a whole source file.
public struct TangledNote: Codable, Hashable, Sendable {
    /// The note's path (`Notes/01-intro.md`).
    public var notePath: String
    /// The file name both sources take in their folders (`01-intro.swift`).
    public var fileName: String
    /// The module code: every compiled block that is not a test or a chunk definition.
    public var moduleSource: String
    /// The test code: every `test` block.
    public var testSource: String

    /// Creates a tangled note.
    public init(notePath: String, fileName: String, moduleSource: String, testSource: String) {
        self.notePath = notePath
        self.fileName = fileName
        self.moduleSource = moduleSource
        self.testSource = testSource
    }
}
