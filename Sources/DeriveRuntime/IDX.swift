import Foundation

/// An array from an IDX file (the format of MNIST and Fashion-MNIST): its dimensions and its
/// unsigned bytes in row-major order.
///
/// An IDX file is a magic number (two zero bytes, a type byte, and the number of dimensions),
/// one big-endian 32-bit size per dimension, then the data. Only the unsigned-byte type (0x08),
/// the one the MNIST family uses, is read.
public struct IDXArray: Hashable, Sendable {
    /// The size of each dimension, outermost first: `[10000, 28, 28]` for 10,000 images.
    public var dimensions: [Int]
    /// The entries, row-major.
    public var bytes: [UInt8]

    /// Reads an IDX file, gzipped (`.gz`) or not.
    public init(contentsOf path: String) throws(DatasetError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path: path, remedy: nil) }
        try self.init(parsing: try readPossiblyGzipped(path: path), from: path)
    }

    /// Parses the bytes of an IDX file; `path` names the file in errors.
    public init(parsing data: [UInt8], from path: String) throws(DatasetError) {
        guard data.count >= 4, data[0] == 0, data[1] == 0 else {
            throw .malformed(path: path, reason: "it does not start with an IDX magic number (00 00 type dimensions)")
        }
        guard data[2] == 0x08 else {
            throw .malformed(path: path, reason: "its data type 0x\(String(data[2], radix: 16)) is not unsigned bytes (0x08)")
        }
        let rank = Int(data[3])
        let headerSize = 4 + 4 * rank
        guard data.count >= headerSize else {
            throw .malformed(path: path, reason: "it ends inside the sizes of its \(rank) dimensions")
        }
        let dimensions = (0..<rank).map { d in
            data[(4 + 4 * d)..<(8 + 4 * d)].reduce(0) { $0 << 8 | Int($1) }
        }
        let expected = dimensions.reduce(1, *)
        guard data.count - headerSize == expected else {
            throw .malformed(
                path: path,
                reason: "dimensions \(dimensions) need \(expected) bytes of data, found \(data.count - headerSize)")
        }
        self.dimensions = dimensions
        self.bytes = Array(data[headerSize...])
    }
}
