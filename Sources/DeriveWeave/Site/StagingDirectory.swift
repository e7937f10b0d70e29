import Foundation

/// A fresh folder beside the site where a build writes, swapped in by renaming only when the
/// build succeeds; until then the previous site stays as it was.
struct StagingDirectory {
    /// Where the build writes.
    let url: URL
    /// The site the staging folder will replace.
    let site: URL

    /// Creates `.<site>.building-<random>` next to `site` (and `site`'s parent, if missing).
    init(replacing site: URL) throws {
        self.site = site.standardizedFileURL
        let parent = self.site.deletingLastPathComponent()
        url = parent.appendingPathComponent(".\(self.site.lastPathComponent).building-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw WeaveError.fileSystem("cannot create \(url.path): \(error)")
        }
    }

    /// Puts the staged site in place of the old one, then deletes the old one.
    func commit() throws {
        let manager = FileManager.default
        let retired = url.deletingLastPathComponent()
            .appendingPathComponent(".\(site.lastPathComponent).retired-\(UUID().uuidString)")
        let hadSite = manager.fileExists(atPath: site.path)
        if hadSite { try move(site, to: retired) }
        do {
            try move(url, to: site)
        } catch {
            if hadSite { try? move(retired, to: site) }
            throw error
        }
        if hadSite { try? manager.removeItem(at: retired) }
    }

    /// Deletes the staged files (a failed build).
    func discard() {
        try? FileManager.default.removeItem(at: url)
    }

    private func move(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else {
            throw WeaveError.fileSystem("cannot rename \(source.path) to \(destination.path): \(String(cString: strerror(errno)))")
        }
    }
}
