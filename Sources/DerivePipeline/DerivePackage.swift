import Foundation

/// Where the Derive package is that this tool was built from: the notes are compiled against its
/// runtime, and `derive init` points new courses at it.
public enum DerivePackage {
    /// The environment variable that names another Derive package to use.
    public static let environmentVariable = "DERIVE_PACKAGE"

    /// The package's folder: `DERIVE_PACKAGE` if set, else the checkout this file was compiled from.
    public static var directory: URL {
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            return URL(fileURLWithPath: path).standardizedFileURL
        }
        // This file is Sources/DerivePipeline/DerivePackage.swift in the package.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Derive's version, as `derive --version` prints it and `derive init` depends on it.
    public static let version = "0.2.0"
}
