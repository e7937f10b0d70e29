import CZlib

/// The whole content of a file, gunzipped if it is gzip data and read as it is otherwise, through
/// zlib's `gzopen`/`gzread`. The only place the runtime touches zlib.
func readPossiblyGzipped(path: String) throws(DatasetError) -> [UInt8] {
    guard let file = gzopen(path, "rb") else { throw .unreadable(path: path, reason: "cannot be opened") }
    defer { gzclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let read = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
        if read < 0 {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "zlib error \(code)"
            throw .unreadable(path: path, reason: message)
        }
        if read == 0 { return bytes }
        bytes.append(contentsOf: chunk[0..<Int(read)])
    }
}
