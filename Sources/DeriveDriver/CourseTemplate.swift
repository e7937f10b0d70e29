import DeriveCore
import DerivePipeline
import Foundation
import Mustache

/// A new course, as `derive init` writes it: a package that depends on Derive, one example note
/// with its test, `derive.yml`, a README, `.gitignore` and a workflow that publishes the site.
public struct CourseTemplate: Sendable {
    /// How the course's package depends on Derive.
    public enum Dependency: Sendable, Equatable {
        /// A Derive checkout on this machine, by path.
        case path(URL)
        /// A published Derive, by its git URL and the lowest version to accept.
        case version(url: String, from: String)
    }

    /// The course's title.
    public var title: String
    /// How it depends on Derive.
    public var dependency: Dependency

    /// A template for a course called `title`.
    public init(title: String, dependency: Dependency) {
        self.title = title
        self.dependency = dependency
    }

    /// The files of the course (path -> content) and the folder links (path -> destination).
    public func files(packageName: String) throws -> (files: [String: String], links: [String: String]) {
        guard let folder = Bundle.module.url(forResource: "CourseTemplate", withExtension: nil) else {
            throw TemplateError.missing("CourseTemplate")
        }
        func read(_ name: String) throws -> String {
            do {
                return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            } catch {
                throw TemplateError.missing(name)
            }
        }
        func render(_ name: String) throws -> String {
            let template = try MustacheTemplate(string: try read(name))
            return template.render(values(packageName: packageName))
        }
        return ([
            "Package.swift": try render("Package.swift.mustache"),
            "derive.yml": try render("derive.yml.mustache"),
            "README.md": try render("README.md.mustache"),
            ".gitignore": try read("gitignore"),
            ".github/workflows/site.yml": try read("site.yml"),
            "Notes/01-linear-neuron.md": try read("01-linear-neuron.md"),
            "Sources/Course/Course.swift": try read("Course.swift"),
            "Tests/CourseTests/CourseTests.swift": try read("CourseTests.swift"),
        ], ["Sources/Course/Notes": "../../Notes"])
    }

    /// Writes the course into `folder`, which must not exist or be empty; all of it or nothing.
    public func write(to folder: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.path) {
            guard (try manager.contentsOfDirectory(atPath: folder.path)).isEmpty else { throw TemplateError.notEmpty(folder.path) }
            try manager.removeItem(at: folder)
        }
        let (files, links) = try files(packageName: folder.standardizedFileURL.lastPathComponent)
        try FolderSwap.replace(folder) { staging in
            for (path, text) in files {
                let file = staging.appendingPathComponent(path)
                try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
            }
            for (path, destination) in links {
                try manager.createSymbolicLink(atPath: staging.appendingPathComponent(path).path, withDestinationPath: destination)
            }
        }
    }

    private func values(packageName: String) -> [String: Any] {
        var result: [String: Any] = [
            "title": title, "titleYAML": Self.yamlString(title), "packageNameLiteral": Self.swiftLiteral(packageName),
        ]
        switch dependency {
        case .path(let url):
            result["dependency"] = ".package(path: \(Self.swiftLiteral(url.path)))"
            result["identityLiteral"] = Self.swiftLiteral(url.lastPathComponent.lowercased())
        case .version(let url, let version):
            result["dependency"] = ".package(url: \(Self.swiftLiteral(url)), from: \(Self.swiftLiteral(version)))"
            let name = url.split(separator: "/").last.map { $0.hasSuffix(".git") ? String($0.dropLast(4)) : String($0) } ?? "derive"
            result["identityLiteral"] = Self.swiftLiteral(name.lowercased())
        }
        return result
    }

    private static func swiftLiteral(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `text` as a double-quoted YAML scalar.
    private static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Why `derive init` could not write the course.
public enum TemplateError: Error, Equatable, CustomStringConvertible {
    /// A file of Derive's course template is missing.
    case missing(String)
    /// The folder to write into has files already.
    case notEmpty(String)

    /// A sentence for the command line.
    public var description: String {
        switch self {
        case .missing(let name): "Derive's course template has no \(name) (reinstall Derive)"
        case .notEmpty(let path): "\(path) is not empty; derive init writes a new course into an empty or new folder"
        }
    }
}
