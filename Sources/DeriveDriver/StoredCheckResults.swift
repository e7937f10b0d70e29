import DeriveCache
import DeriveCheck
import DerivePipeline
import DeriveTangle
import Foundation

/// Check results kept in the build cache, keyed by the digest of everything the notes' code
/// depends on: the tangled sources and the Derive runtime's sources and manifest.
struct StoredCheckResults: CheckResultCache {
    private struct Entry: Codable {
        var result: CheckRunner.Result
        var produced: Date
    }

    /// The cache file.
    let file: CacheFile

    func results(for tangled: [TangledNote], derivePackage: URL) -> (result: CheckRunner.Result, produced: Date)? {
        guard let data = file.value(for: key(tangled, derivePackage)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data)
        else { return nil }
        return (entry.result, entry.produced)
    }

    func keep(_ result: CheckRunner.Result, for tangled: [TangledNote], derivePackage: URL) {
        guard let data = try? JSONEncoder().encode(Entry(result: result, produced: result.reports.produced ?? Date())) else { return }
        file.set(data, for: key(tangled, derivePackage))
        try? file.save()
    }

    private func key(_ tangled: [TangledNote], _ derivePackage: URL) -> CacheKey {
        var parts: [Data] = [Data("derive check 2".utf8)]
        for note in tangled {
            parts += [note.notePath, note.fileName, note.moduleSource, note.testSource].map { Data($0.utf8) }
        }
        for path in Self.runtimePaths {
            for file in Self.files(under: derivePackage.appendingPathComponent(path)) {
                parts.append(Data(file.path.utf8))
                parts.append((try? Data(contentsOf: file)) ?? Data())
            }
        }
        return CacheKey(parts)
    }

    /// What the notes' code compiles with, relative to the Derive package: its results depend on these.
    static let runtimePaths = ["Package.swift", "Sources/DeriveRuntime", "Sources/DeriveCore", "Sources/CBLAS", "Sources/CZlib"]

    /// The regular files at or under `url`, in path order.
    private static func files(under url: URL) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [url] }
        let found = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])?
            .compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true } ?? []
        return found.sorted { $0.path < $1.path }
    }
}
