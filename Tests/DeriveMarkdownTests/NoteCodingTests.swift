import DeriveCore
import DeriveMarkdown
import Foundation
import Testing

@Suite("The parsed form, as `derive dump` prints it")
struct NoteCodingTests {
    private let text = """
        ---
        title: Coding
        ---
        # A *note* with [a link](https://example.org "t") and ![alt](img.png)

        > quoted $x$ and `code`, see @eq-a\\
        > next line

        1. item

        ---

        $$a$$ {#eq-a}

        ```swift delta #c implements=eq-a
        let y = 1
        ```
        """

    @Test func encodingThenDecodingGivesTheSameNote() throws {
        let note = try #require(NoteParser().parse(text, path: "Notes/c.md").note)
        let data = try JSONEncoder().encode(note)
        #expect(try JSONDecoder().decode(Note.self, from: data) == note)
    }

    @Test func blocksAndInlinesNameTheirKind() throws {
        let note = try #require(NoteParser().parse(text, path: "Notes/c.md").note)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(note), as: UTF8.self)
        for kind in ["heading", "quote", "list", "thematicBreak", "math", "code", "text", "emphasis", "link", "image", "citation", "lineBreak"] {
            #expect(json.contains(#""kind":"\#(kind)""#), "no \(kind) in \(json)")
        }
        #expect(!json.contains("_0"))
    }
}
