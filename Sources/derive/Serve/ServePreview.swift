import Foundation

/// A page of the site written ahead of the site's build (`ServeBuild.preview`), with the page it
/// replaced kept aside (hard-linked, in a folder beside the site) until that build says whether
/// the site moves on (`discard`) or stays as it was (`restore`).
struct ServePreview: Sendable {
    /// The page, relative to the site folder.
    let page: String
    private let site: URL
    private let aside: URL

    /// Keeps the site's `page` aside; nil when the site has no such file or it cannot be kept.
    init?(page: String, site: URL) {
        // Named like FolderSwap's staging folders, so that one left by a killed serve is cleared.
        let aside = site.deletingLastPathComponent().appendingPathComponent(
            ".\(site.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)-preview-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
            try FileManager.default.linkItem(at: site.appendingPathComponent(page), to: aside.appendingPathComponent("page"))
        } catch {
            try? FileManager.default.removeItem(at: aside)
            return nil
        }
        (self.page, self.site, self.aside) = (page, site, aside)
    }

    /// Forgets the page replaced: the site's build went through.
    func discard() {
        try? FileManager.default.removeItem(at: aside)
    }

    /// Puts the page replaced back (the site's build failed, so the site stays as it was).
    func restore() {
        _ = rename(aside.appendingPathComponent("page").path, site.appendingPathComponent(page).path)
        discard()
    }
}
