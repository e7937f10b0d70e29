// libFuzzer target: any bytes as the text of one paragraph, through the inline math scanner
// alone (scripts/fuzz). Every span it finds must lie inside the text, in order, not overlapping.
import DeriveCore
@testable import DeriveMarkdown

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMathScanner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // As the parser hands the scanner text: valid UTF-8 (invalid bytes repaired), split into lines.
    var decoded = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = decoded.withUTF8 { SourceText(bytes: $0) }
    let text = LeafText(source, firstLine: 1, lastLine: source.lineCount)
    let spans = InlineMathScanner(text: text, claimed: [], file: "Notes/01-fuzz.md").scan().spans
    var previousEnd = ProtectedSpan.Position(line: 1, column: 1)
    for span in spans {
        guard previousEnd <= span.start, span.start < span.end,
              span.start <= span.texStart, span.texStart <= span.end,
              let lower = text.offset(of: span.start), let upper = text.offset(of: span.end), upper <= text.bytes.count
        else { fatalError("span \(span) out of order or outside the text") }
        _ = lower
        previousEnd = span.end
    }
    return 0
}
