import DeriveCache
import Foundation
import Mustache

/// The site's page templates (`Templates/*.mustache`) and static files (`Assets/`), shipped as
/// resources of this module.
struct TemplateLibrary {
    private let library: MustacheLibrary

    /// The folder of files copied or run as they are: `style.css`, `katex-render.js`.
    let assets: URL

    /// Whether a template names the note view's `sidebar` (a theme's: Derive's own fill the
    /// sidebar from `toc.js`), which every page then has to be given.
    let namesSidebar: Bool

    /// A digest of every template and asset (the course's theme included), so that a page made
    /// with other ones is made again.
    let digest: String

    /// Loads the templates from the module's resources, then any of a course's `theme` folder,
    /// which replace Derive's of the same name (`note.mustache`, `head.mustache`, ...).
    init(theme: URL? = nil) throws {
        guard let templates = Bundle.module.url(forResource: "Templates", withExtension: nil),
              let assets = Bundle.module.url(forResource: "Assets", withExtension: nil)
        else { throw WeaveError.resourceMissing("Templates or Assets folder") }
        self.assets = assets
        var library = MustacheLibrary()
        let files = [templates, theme].compactMap { $0 }.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
        let assetFiles = ((try? FileManager.default.contentsOfDirectory(at: assets, includingPropertiesForKeys: nil)) ?? [])
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        digest = CacheKey((files + assetFiles).flatMap { [Data($0.lastPathComponent.utf8), (try? Data(contentsOf: $0)) ?? Data()] }).hex
        var namesSidebar = false
        for file in files where file.pathExtension == "mustache" {
            do {
                let source = try String(contentsOf: file, encoding: .utf8)
                namesSidebar = namesSidebar || source.range(of: #"\{\{[#^&{]?\s*sidebar\b(?!-)"#, options: .regularExpression) != nil
                try library.register(source, named: file.deletingPathExtension().lastPathComponent)
            } catch {
                throw WeaveError.resourceMissing("template \(file.lastPathComponent): \(error)")
            }
        }
        self.library = library
        self.namesSidebar = namesSidebar
    }

    /// `view` rendered with the template `name`.
    func render(_ view: Any, with name: String) throws -> String {
        guard let html = library.render(view, withTemplate: name) else {
            throw WeaveError.resourceMissing("template \(name).mustache")
        }
        return html
    }
}
