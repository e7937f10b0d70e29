/// Reads `{#eq-name}` after a closing `$$` (spaces allowed before it).
enum EquationLabelSyntax {
    /// The label at `offset` in `bytes`: its name, the offset of its `{`, and the offset just past
    /// its `}`; nil when no label stands there.
    static func label(in bytes: [UInt8], at offset: Int) -> (name: String, start: Int, end: Int)? {
        var index = offset
        while index < bytes.count, bytes[index].isSpaceOrTab { index += 1 }
        let start = index
        guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "#") else {
            return nil
        }
        index += 2
        let nameStart = index
        while index < bytes.count, bytes[index].isLabelCharacter { index += 1 }
        guard index > nameStart, index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
        return (String(decoding: bytes[nameStart..<index], as: UTF8.self), start, index + 1)
    }
}
