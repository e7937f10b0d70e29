import Foundation

/// The `print` template rendered with a marker in place of each section's title and body HTML,
/// so that the page is rendered once, small, and each section's HTML is written into it as the
/// page is streamed to disk. The markers carry a nonce of this build, so that no text of a
/// note can pass for one.
struct PrintSkeleton {
    /// One field of a section that the skeleton leaves to be filled in.
    enum Field: String {
        case title, body
    }

    /// A run of the rendered skeleton: text as it is, or the place of a section's field.
    enum Piece: Equatable {
        case text(Substring)
        case field(section: Int, Field)
    }

    private let nonce = UUID().uuidString

    /// The marker that stands for `field` of the section at `section`.
    func marker(_ section: Int, _ field: Field) -> String {
        "\u{1}\(nonce):\(section):\(field.rawValue)\u{1}"
    }

    /// `rendered`, cut at its markers.
    func pieces(of rendered: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = rendered[...]
        let opening = "\u{1}\(nonce):"
        while let start = rest.range(of: opening) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\u{1}") else { break }
            let parts = after[..<end].split(separator: ":")
            guard parts.count == 2, let section = Int(parts[0]), let field = Field(rawValue: String(parts[1])) else { break }
            pieces.append(.text(rest[..<start.lowerBound]))
            pieces.append(.field(section: section, field))
            rest = after[after.index(after: end)...]
        }
        pieces.append(.text(rest))
        return pieces
    }
}
