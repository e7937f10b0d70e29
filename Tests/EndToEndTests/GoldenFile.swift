import Foundation
import Testing

/// Compares text with a reviewed file; `DERIVE_RECORD=1` rewrites the file instead (and fails, so
/// a recording run is never mistaken for a passing one). A mismatch is shown as a line diff.
enum GoldenFile {
    /// Checks `actual` against the file at `url`.
    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["DERIVE_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(url.path); review it, then run again without DERIVE_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file at \(url.path); record it with DERIVE_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let diff = LineDiff(expected: expected, actual: actual).description
        Issue.record("output differs from \(url.lastPathComponent) (- expected, + actual):\n\(diff)", sourceLocation: sourceLocation)
    }
}

/// A line diff of two texts, from their longest common subsequence of lines.
struct LineDiff: CustomStringConvertible {
    /// The lines, each prefixed by "  " (both), "- " (expected only) or "+ " (actual only).
    let lines: [String]

    /// The diff from `expected` to `actual`.
    init(expected: String, actual: String) {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var lines: [String] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append("  " + old[i]); i += 1; j += 1
            } else if i < old.count, j == new.count || common[i + 1][j] >= common[i][j + 1] {
                lines.append("- " + old[i]); i += 1
            } else {
                lines.append("+ " + new[j]); j += 1
            }
        }
        self.lines = lines
    }

    var description: String { lines.joined(separator: "\n") }
}
