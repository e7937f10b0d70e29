import DeriveCore
import Foundation

extension Course {
    /// The course rooted at `root`: its `derive.yml` read (defaults where there is none), then
    /// `adjust` applied (command-line flags win over the file). Problems with the file are in
    /// the course's diagnostics.
    public static func open(root: URL, adjust: (inout CourseConfiguration) -> Void = { _ in }) -> Course {
        let file = root.appendingPathComponent(CourseConfiguration.fileName)
        var configuration = CourseConfiguration()
        var diagnostics: [Diagnostic] = []
        if let yaml = try? String(contentsOf: file, encoding: .utf8) {
            (configuration, diagnostics) = ConfigurationReader(path: CourseConfiguration.fileName).read(yaml)
        }
        adjust(&configuration)
        let notes = Self.folder(configuration.notes, in: root)
        var course = Course(
            root: root, configuration: configuration, directory: NoteDirectory(url: notes, displayPath: configuration.notes))
        course.diagnostics = diagnostics
        return course
    }

    /// The site folder the configuration names.
    public var siteDirectory: URL { Self.folder(configuration.site, in: root) }

    /// The cache kept across builds, in the course's build folder: safe to delete.
    public var cacheDirectory: URL { root.appendingPathComponent(".build/derive/cache") }

    /// `path` as written in `derive.yml` or a flag: absolute, or relative to the course's root.
    private static func folder(_ path: String, in root: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)).standardizedFileURL
    }
}
