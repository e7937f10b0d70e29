import DeriveCore
import DeriveDriver
import DerivePipeline
import Foundation
import Testing

/// A site build whose inputs and site are those of the last build does nothing, and any change to
/// either makes it build again.
@Suite("Build records: nothing changed, nothing done")
struct BuildRecordTests {
    private let fixture = DriverTests.repository.appendingPathComponent("Tests/Fixtures/clean/Notes")

    /// A temporary course holding a copy of the clean fixture.
    private func course() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("derive-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: root.appendingPathComponent("Notes"))
        return root
    }

    /// Weaves the course at `root` with its build cache; returns the course and the stages that ran.
    private func weave(_ root: URL) throws -> (course: Course, ran: [Stage], unchanged: [Stage]) {
        var course = Course.open(root: root)
        let log = EventLog()
        try Driver(derivePackage: DriverTests.repository, siteDirectory: course.siteDirectory, cacheDirectory: course.cacheDirectory)
            .pipeline(for: .weave).run(&course, observer: log.record)
        return (course, log.ran, log.unchanged)
    }

    /// Every file of the site with its inode and modification time: a rewritten file changes both.
    private func stamps(_ site: URL) throws -> [String: String] {
        var stamps: [String: String] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: site.path))
        while let path = walker.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            stamps[path] = "\(attributes[.systemFileNumber] ?? "") \(attributes[.modificationDate] ?? "")"
        }
        return stamps
    }

    @Test func aSecondWeaveOfTheSameNotesParsesNothingAndWritesNothing() throws {
        let root = try course()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("# Warned\n\n```swift gradient\nfunc gradientOfNothing() -> Double { 1 }\n```\n".utf8).write(to: root.appendingPathComponent("Notes/03-warned.md"))
        let first = try weave(root)
        #expect(first.ran.contains(.parse) && first.ran.contains(.weave))
        let warnings = first.course.diagnostics.filter { $0.severity == .warning }
        #expect(!warnings.isEmpty)
        let site = try stamps(root.appendingPathComponent("Site"))

        let second = try weave(root)
        #expect(second.course.isUnchanged)
        #expect(second.ran == [.load, .load])
        #expect(second.unchanged == [.parse, .resolve, .tangle, .check, .weave])
        #expect(second.course.pages == first.course.pages)
        #expect(second.course.diagnostics == first.course.diagnostics)
        #expect(try stamps(root.appendingPathComponent("Site")) == site)
    }

    @Test func anEditedNoteMakesTheNextWeaveBuild() throws {
        let root = try course()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try weave(root)
        let note = root.appendingPathComponent("Notes/01-sigmoid-neuron.md")
        try (try String(contentsOf: note, encoding: .utf8) + "\nOne more sentence.\n").write(to: note, atomically: true, encoding: .utf8)
        let again = try weave(root)
        #expect(!again.course.isUnchanged)
        #expect(again.ran.contains(.weave))
        let page = try String(contentsOf: root.appendingPathComponent("Site/01-sigmoid-neuron.html"), encoding: .utf8)
        #expect(page.contains("One more sentence."))
    }

    @Test func aSiteChangedByHandIsBuiltAgain() throws {
        let root = try course()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try weave(root)
        let page = root.appendingPathComponent("Site/02-chain-rule.html")
        let woven = try Data(contentsOf: page)
        try Data("edited".utf8).write(to: page)
        let again = try weave(root)
        #expect(!again.course.isUnchanged)
        #expect(try Data(contentsOf: page) == woven)
        try FileManager.default.removeItem(at: page)
        #expect(try !weave(root).course.isUnchanged)
        #expect(try Data(contentsOf: page) == woven)
    }

    @Test func aDamagedRecordIsAWarningAndTheWeaveBuilds() throws {
        let root = try course()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try weave(root)
        let record = root.appendingPathComponent(".build/derive/cache/builds")
        var bytes = try Data(contentsOf: record)
        bytes[bytes.count - 2] ^= 0x55
        try bytes.write(to: record)
        let again = try weave(root)
        #expect(!again.course.isUnchanged)
        #expect(again.course.diagnostics.contains { $0.id == .cacheDamaged })
        #expect(try weave(root).course.isUnchanged)
    }
}

/// The stages a pipeline ran and those it found nothing to do for, in order.
private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [Pipeline.Event] = []

    func record(_ event: Pipeline.Event) { lock.withLock { events.append(event) } }

    var ran: [Stage] {
        lock.withLock { events.compactMap { if case .finished(let stage, _, _) = $0 { stage } else { nil } } }
    }

    var unchanged: [Stage] {
        lock.withLock { events.compactMap { if case .unchanged(let stage) = $0 { stage } else { nil } } }
    }
}
