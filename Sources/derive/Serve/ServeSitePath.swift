import Foundation

/// Where a request path leads inside the site folder; nothing outside the folder is reachable.
enum ServeSitePath: Equatable {
    /// A file inside the site.
    case file(URL)
    /// A folder asked for without its trailing slash: redirect, so relative links resolve.
    case folder(redirectTo: String)
    /// Nothing there.
    case missing
    /// A path that tries to leave the site (`..`, a backslash, a NUL, a link pointing out).
    case refused

    /// Resolves `path` (already percent-decoded, as FlyingFox gives it) against `site`.
    init(path: String, site: URL) {
        guard path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else { self = .refused; return }
        let components = path.split(separator: "/").map(String.init)
        guard !components.contains(where: { $0 == ".." || $0 == "." }) else { self = .refused; return }
        var candidate = components.reduce(site) { $0.appendingPathComponent($1) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder) else { self = .missing; return }
        if isFolder.boolValue {
            guard path.hasSuffix("/") else { self = .folder(redirectTo: path + "/"); return }
            candidate.appendPathComponent("index.html")
        }
        let root = site.resolvingSymlinksInPath().path
        let real = candidate.resolvingSymlinksInPath().path
        guard real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { self = .refused; return }
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue else {
            self = .missing
            return
        }
        self = .file(URL(fileURLWithPath: real))
    }
}
