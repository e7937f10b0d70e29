import Foundation

/// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 28×28 grey images of clothing in 10 classes,
/// 60,000 for training and 10,000 for testing, read from Debian's `dataset-fashion-mnist`.
public struct FashionMNIST: Sendable {
    /// Which of the two sets to load.
    public enum Split: Sendable {
        /// The 60,000 training images.
        case training
        /// The 10,000 test images.
        case test
    }

    /// Where Debian's package puts the files.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"
    /// The Debian package that holds the files.
    public static let debianPackage = "dataset-fashion-mnist"
    /// The name of each class, by label.
    public static let classNames = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]

    /// The images, pixels scaled to [0, 1]: 784×n with one image per column, or n×784 for `.rows`.
    public var images: Matrix
    /// Each image's class, 0 to 9, in the order of the images.
    public var labels: [Int]

    /// Loads one split from `directory`, reading `<prefix>-images-idx3-ubyte.gz` and
    /// `<prefix>-labels-idx1-ubyte.gz` (or the same names without `.gz`); `limit` keeps only
    /// the first images, for quick runs.
    public static func load(
        _ split: Split, from directory: String = defaultDirectory, limit: Int? = nil,
        examples layout: ExampleLayout = .columns
    ) throws(DatasetError) -> FashionMNIST {
        let prefix = split == .training ? "train" : "t10k"
        let imageFile = try locate("\(prefix)-images-idx3-ubyte", in: directory)
        let labelFile = try locate("\(prefix)-labels-idx1-ubyte", in: directory)
        let images = try IDXArray(contentsOf: imageFile)
        let labels = try IDXArray(contentsOf: labelFile)
        guard images.dimensions.count == 3, images.dimensions[1] == 28, images.dimensions[2] == 28 else {
            throw .malformed(path: imageFile, reason: "its dimensions \(images.dimensions) are not n×28×28 images")
        }
        guard labels.dimensions == [images.dimensions[0]] else {
            throw .malformed(
                path: labelFile,
                reason: "its dimensions \(labels.dimensions) do not give one label per image (\(images.dimensions[0]))")
        }
        if let bad = labels.bytes.firstIndex(where: { $0 > 9 }) {
            throw .malformed(path: labelFile, reason: "label \(labels.bytes[bad]) of image \(bad) is not a class from 0 to 9")
        }
        let count = min(limit ?? .max, images.dimensions[0])
        return FashionMNIST(
            images: pixels(images.bytes[0..<(count * 784)], count: count, layout: layout),
            labels: labels.bytes[0..<count].map(Int.init))
    }

    /// The path of `name.gz` in `directory`, or of `name` if only that exists.
    private static func locate(_ name: String, in directory: String) throws(DatasetError) -> String {
        let gzipped = (directory as NSString).appendingPathComponent(name + ".gz")
        let plain = (directory as NSString).appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: gzipped) { return gzipped }
        if FileManager.default.fileExists(atPath: plain) { return plain }
        throw .missingFile(
            path: gzipped,
            remedy: "install Debian's \(debianPackage) package (apt-get install \(debianPackage)), or pass the folder that holds the files")
    }

    /// `count` images of 784 bytes each as a matrix of pixels in [0, 1], laid out as asked: each
    /// image's pixels stay contiguous either way (a 784×n matrix is stored column after column).
    private static func pixels(_ bytes: ArraySlice<UInt8>, count: Int, layout: ExampleLayout) -> Matrix {
        let size = 28 * 28
        let values = [Double](unsafeUninitializedCapacity: count * size) { out, initialized in
            bytes.withUnsafeBufferPointer { source in
                for index in 0..<(count * size) { out[index] = Double(source[index]) / 255 }
            }
            initialized = count * size
        }
        return layout == .rows
            ? Matrix(rows: count, cols: size, storage: values, columnMajor: false)
            : Matrix(rows: size, cols: count, storage: values, columnMajor: true)
    }
}
