// libFuzzer target: any bytes as a note, through parse, resolve and tangle (scripts/fuzz).
// The stages may diagnose anything; they must never crash, hang, or emit a Swift line that maps
// to no line of the note.
import DeriveCore
import DeriveMarkdown
import DeriveResolve
import DeriveTangle

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParseResolveTangle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = NoteParser().parse(bytes, path: "Notes/01-fuzz.md")
    guard let note = parsed.note else { return 0 }
    let resolved = Resolver().resolve(note)
    let tangled = Tangler().tangle(note, resolution: resolved.resolution)
    // Lines end at \n, \r\n or \r, as cmark and the parser count them.
    let noteLines = zip(bytes, bytes.dropFirst() + [0]).count(where: { byte, next in
        byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && next != UInt8(ascii: "\n"))
    }) + 1
    for source in [tangled.moduleSource, tangled.testSource] {
        for line in source.split(separator: "\n") where line.hasPrefix("#sourceLocation(file:") {
            guard let number = line.split(separator: "line: ").last.flatMap({ Int($0.dropLast()) }),
                  number >= 1, number <= noteLines
            else { fatalError("tangled line \(line) maps to no line of a note of \(noteLines) lines") }
        }
    }
    return 0
}
