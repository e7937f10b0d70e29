import DeriveMarkdown
import Foundation

/// Parsed notes kept in memory across the builds of one process (`derive serve`), each under its
/// path and bytes: a note whose bytes did not change is not parsed again.
public final class ParsedNoteMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: (bytes: Data, note: ParsedNote)] = [:]

    /// An empty memo.
    public init() {}

    /// The note at `url`, named `path`, `relativePath` in its folder: remembered when its bytes
    /// are those parsed last time.
    func parse(contentsOf url: URL, path: String, relativePath: String) -> ParsedNote {
        guard let bytes = try? Data(contentsOf: url) else { return NoteParser().parse(contentsOf: url, path: path, relativePath: relativePath) }
        if let known = lock.withLock({ parsed[path] }), known.bytes == bytes, known.note.note?.relativePath == relativePath { return known.note }
        let note = NoteParser().parse(Array(bytes), path: path, relativePath: relativePath)
        lock.withLock { parsed[path] = (bytes, note) }
        return note
    }
}
