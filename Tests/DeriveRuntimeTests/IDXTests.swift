import CZlib
import Foundation
import Testing
import DeriveRuntime

@Suite final class IDXTests {
    /// A fresh folder for one test's files, removed when the test ends.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("derive-idx-\(UUID())")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// An IDX file of unsigned bytes: magic 00 00 08 rank, big-endian sizes, data.
    func idx(_ dimensions: [Int], _ data: [UInt8]) -> [UInt8] {
        [0, 0, 0x08, UInt8(dimensions.count)]
            + dimensions.flatMap { d in [24, 16, 8, 0].map { UInt8((d >> $0) & 0xFF) } } + data
    }

    /// Writes `bytes` gzipped through zlib and returns the path.
    func writeGzipped(_ bytes: [UInt8], named name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let file = try #require(gzopen(path, "wb"))
        let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        #expect(gzclose(file) == Z_OK)
        #expect(Int(written) == bytes.count)
        return path
    }

    @Test func parsesAGzippedFileItWrote() throws {
        let data: [UInt8] = (0..<24).map { UInt8($0 * 10) }
        let path = try writeGzipped(idx([2, 3, 4], data), named: "small-idx3-ubyte.gz")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(2) == Data([0x1F, 0x8B]))
        let array = try IDXArray(contentsOf: path)
        #expect(array.dimensions == [2, 3, 4])
        #expect(array.bytes == data)
    }

    @Test func sizesAreBigEndian() throws {
        let array = try IDXArray(parsing: idx([258], [UInt8](repeating: 1, count: 258)), from: "x")
        #expect(array.dimensions == [258])
    }

    @Test func rejectsBadMagicTypeAndLength() {
        #expect(throws: DatasetError.self) { try IDXArray(parsing: [1, 2, 8, 1, 0, 0, 0, 1, 5], from: "x") }
        #expect(throws: DatasetError.self) { try IDXArray(parsing: [0, 0, 0x0D, 1, 0, 0, 0, 1, 5], from: "x") }
        #expect(throws: DatasetError.malformed(path: "x", reason: "dimensions [2] need 2 bytes of data, found 1")) {
            try IDXArray(parsing: idx([2], [7]), from: "x")
        }
    }

    @Test func loadsFashionMNISTShapedFilesFromAFolder() throws {
        let pixels: [UInt8] = (0..<(3 * 784)).map { UInt8($0 % 256) }
        _ = try writeGzipped(idx([3, 28, 28], pixels), named: "t10k-images-idx3-ubyte.gz")
        _ = try writeGzipped(idx([3], [9, 0, 4]), named: "t10k-labels-idx1-ubyte.gz")
        let set = try FashionMNIST.load(.test, from: folder.path)
        #expect(set.labels == [9, 0, 4])
        #expect(set.images.shape == [784, 3])
        #expect(set.images[1, 0] == 1.0 / 255)
        #expect(set.images[0, 1] == Double(784 % 256) / 255)
        let rows = try FashionMNIST.load(.test, from: folder.path, limit: 2, examples: .rows)
        #expect(rows.images.shape == [2, 784])
        #expect(rows.images == set.images.T.rows(0..<2))
    }

    @Test func aMissingFileNamesThePathAndThePackage() {
        do {
            _ = try FashionMNIST.load(.training, from: folder.path)
            Issue.record("loading from an empty folder should fail")
        } catch {
            let message = error.description
            #expect(message.contains(folder.appendingPathComponent("train-images-idx3-ubyte.gz").path))
            #expect(message.contains("dataset-fashion-mnist"))
        }
    }

    /// Needs Debian's dataset-fashion-mnist, which scripts/test installs; without it the loader's
    /// own error says what to install, and the test fails rather than skips.
    @Test func loadsTheRealTestSet() throws {
        let test = try FashionMNIST.load(.test)
        #expect(test.images.shape == [784, 10_000])
        #expect(test.labels.count == 10_000)
        #expect(test.images.values.allSatisfy { 0 <= $0 && $0 <= 1 })
        // The test set is balanced: 1,000 images of each class.
        #expect((0..<10).map { c in test.labels.filter { $0 == c }.count } == Array(repeating: 1000, count: 10))
    }
}
