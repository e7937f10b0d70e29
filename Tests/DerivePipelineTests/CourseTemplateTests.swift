import DeriveCore
import DeriveDriver
import DerivePipeline
import Foundation
import Testing

@Suite("derive init's course template")
struct CourseTemplateTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("derive-template-\(UUID().uuidString)")
    }

    @Test func theNewCourseLintsCleanAndReadsItsTitle() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CourseTemplate(title: #"Backprop "by hand": \ and all"#, dependency: .path(DriverTests.repository)).write(to: folder)
        var course = Course.open(root: folder)
        try Pipeline([.load, .parse, .resolve, .tangle(moduleName: "Course")]).run(&course)
        #expect(course.diagnostics.isEmpty, "\(course.diagnostics)")
        #expect(course.configuration.title == #"Backprop "by hand": \ and all"#)
        #expect(course.configuration.macros == [#"\R"#: #"\mathbb{R}"#])
        #expect(course.notes.map(\.path) == ["Notes/01-linear-neuron.md"])
        #expect(course.resolutions.first?.declaresDerivationCheck == true)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("Sources/Course/Notes").path)
        #expect(link == "../../Notes")
    }

    @Test func thePackageDependsOnDeriveByPathOrByVersion() throws {
        let byPath = try CourseTemplate(title: "T", dependency: .path(URL(fileURLWithPath: "/src/Derive")))
            .files(packageName: "my-course").files["Package.swift"] ?? ""
        #expect(byPath.contains(#".package(path: "/src/Derive")"#))
        #expect(byPath.contains(#"name: "my-course""#))
        #expect(byPath.contains(#".plugin(name: "TangleNotes", package: "derive")"#))
        #expect(byPath.hasPrefix("// swift-tools-version: 6.2\n"))
        let byVersion = try CourseTemplate(title: "T", dependency: .version(url: "https://example.org/x/Derive.git", from: "0.2.0"))
            .files(packageName: "c").files["Package.swift"] ?? ""
        #expect(byVersion.contains(#".package(url: "https://example.org/x/Derive.git", from: "0.2.0")"#))
        #expect(byVersion.contains(#".product(name: "DeriveRuntime", package: "derive")"#))
    }

    @Test func initNeverWritesIntoAFolderWithFiles() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: TemplateError.notEmpty(folder.path)) {
            try CourseTemplate(title: "T", dependency: .path(DriverTests.repository)).write(to: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }
}
