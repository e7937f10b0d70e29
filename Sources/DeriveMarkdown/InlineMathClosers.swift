/// Where the inline math opened just before each position of a text closes, for every position
/// at once, so that a paragraph of many `$` that never close is scanned in linear time, not once
/// per `$`.
///
/// The rule (pandoc's): from the byte after the opening `$`, `\` escapes the next byte, braces
/// nest (a `}` with none open is ignored), and the closer is the first `$` outside braces that
/// follows a non-space and is not followed by a digit. Walking that rule from position `i`
/// depends only on `i`, and jumps forward (past an escape, past a whole `{...}` group), so both
/// answers are filled in from the end of the text backwards.
struct InlineMathClosers {
    /// The closer reached by the walk from each position, or -1 when it never closes.
    private var closerFrom: [Int]

    init(_ bytes: [UInt8]) {
        let count = bytes.count
        // groupEnd[j]: the `}` that closes a group whose contents start at j, or -1 (never closes).
        var groupEnd = [Int](repeating: -1, count: count + 2)
        var closerFrom = [Int](repeating: -1, count: count + 2)
        // Through buffers: every byte of every paragraph with a `$` passes here, and the indices
        // read are within the arrays by construction (at most `count + 1`).
        bytes.withUnsafeBufferPointer { bytes in
            groupEnd.withUnsafeMutableBufferPointer { groupEnd in
                closerFrom.withUnsafeMutableBufferPointer { closerFrom in
                    for i in stride(from: count - 1, through: 0, by: -1) {
                        switch bytes[i] {
                        case UInt8(ascii: "}"):
                            groupEnd[i] = i
                            closerFrom[i] = closerFrom[i + 1]
                        case UInt8(ascii: "\\"):
                            groupEnd[i] = groupEnd[min(i + 2, count)]
                            closerFrom[i] = closerFrom[min(i + 2, count)]
                        case UInt8(ascii: "{"):
                            let inner = groupEnd[i + 1]
                            groupEnd[i] = inner < 0 ? -1 : groupEnd[inner + 1]
                            closerFrom[i] = inner < 0 ? -1 : closerFrom[inner + 1]
                        case UInt8(ascii: "$") where i > 0 && !bytes[i - 1].isWhitespace && !(i + 1 < count && bytes[i + 1].isDigit):
                            groupEnd[i] = groupEnd[i + 1]
                            closerFrom[i] = i
                        default:
                            groupEnd[i] = groupEnd[i + 1]
                            closerFrom[i] = closerFrom[i + 1]
                        }
                    }
                }
            }
        }
        self.closerFrom = closerFrom
    }

    /// The closing `$` of inline math whose TeX starts at `start`, if it closes.
    func closer(from start: Int) -> Int? {
        let found = closerFrom[start]
        return found < 0 ? nil : found
    }
}
