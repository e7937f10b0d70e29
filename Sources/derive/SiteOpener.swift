import ArgumentParser
import Foundation

/// Opens a page in the reader's browser (`xdg-open`, or `open` on macOS).
enum SiteOpener {
    /// Opens `page`; says where it is when no opener is installed.
    static func open(_ page: URL) throws {
        let opener = ["/usr/bin/xdg-open", "/usr/bin/open"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let opener else {
            print("open \(page.path) in a browser (no xdg-open here to do it)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [page.path]
        try process.run()
    }
}
