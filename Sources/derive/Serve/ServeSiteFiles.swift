import Foundation

/// Every file of a site with its inode, modification time and size, to tell which files a build
/// changed (a file carried over keeps all three).
struct ServeSiteFiles: Sendable {
    private var stamps: [String: String] = [:]

    /// The files of `site` now (none when it does not exist).
    init(_ site: URL) {
        guard let files = FileManager.default.enumerator(atPath: site.path) else { return }
        for case let path as String in files {
            var info = stat()
            guard lstat(site.appendingPathComponent(path).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            stamps[path] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_size)"
        }
    }

    /// The pages that differ in `later` (changed, added or removed), for the live-reload script;
    /// nil when a file every page may use changed (a stylesheet, a script, an image).
    func pagesChanged(in later: ServeSiteFiles) -> Set<String>? {
        var pages = Set<String>()
        for path in Set(stamps.keys).union(later.stamps.keys) where stamps[path] != later.stamps[path] {
            if path.hasSuffix(".html") {
                pages.insert(path)
            } else if path.hasPrefix("search-index"), path.hasSuffix(".js"), !path.contains("/") {
                pages.insert("search.html")  // the only page that loads the index and its shards
            } else if path != "sitemap.xml" {
                return nil
            }
        }
        return pages
    }
}
