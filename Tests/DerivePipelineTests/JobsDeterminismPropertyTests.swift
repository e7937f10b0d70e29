import DeriveCore
import DeriveDriver
import DerivePipeline
import Foundation
import NoteGenerators
import PropertyBased
import Testing

/// Tangling and weaving generated courses give the same result whatever `--jobs` says: the
/// parallel parse and the parallel pages and KaTeX pool change nothing but the time.
// The time limit bounds a hang, not the speed: alone these run in seconds, but in the whole
// parallel suite on a loaded 2-core machine one waited 332 s for a thread.
@Suite("Properties: tangle and weave are deterministic across --jobs", .serialized, .timeLimit(.minutes(10)))
struct JobsDeterminismPropertyTests {
    private func run(_ goal: Driver.Goal, _ root: URL, jobs: Int, site: URL) throws -> Course {
        var course = Course.open(root: root)
        try Driver(derivePackage: DriverTests.repository, siteDirectory: site, jobs: jobs).pipeline(for: goal).run(&course)
        return course
    }

    @Test func tanglingIsTheSameWithOneJobAndWithFour() async {
        await propertyCheck(count: 40, input: GeneratedCourse.generator) { generated in
            guard let root = try? generated.write() else { Issue.record("could not write the course"); return }
            defer { try? FileManager.default.removeItem(at: root) }
            do {
                let site = root.appendingPathComponent("Site")
                let one = try run(.tangle, root, jobs: 1, site: site)
                let four = try run(.tangle, root, jobs: 4, site: site)
                #expect(one.tangled == four.tangled)
                #expect(one.diagnostics.map(\.description) == four.diagnostics.map(\.description))
                #expect(one.tangled.count == generated.notes.count)
            } catch {
                Issue.record("the pipeline failed: \(error)")
            }
        }
    }

    /// Renderable courses (every formula one KaTeX accepts) woven with one job and with four give
    /// byte-identical sites; each page holds every formula's TeX as KaTeX received it (its
    /// MathML annotation), so the TeX reached the renderer byte for byte.
    @Test func weavingIsTheSameWithOneJobAndWithFour() async {
        let courses = GeneratedNote.renderableGenerator.array(of: 1...4).map(GeneratedCourse.init(notes:))
        await propertyCheck(count: 8, input: courses) { generated in
            guard let root = try? generated.write() else { Issue.record("could not write the course"); return }
            defer { try? FileManager.default.removeItem(at: root) }
            do {
                let siteOne = root.appendingPathComponent("Site-1"), siteFour = root.appendingPathComponent("Site-4")
                let one = try run(.weave, root, jobs: 1, site: siteOne)
                let four = try run(.weave, root, jobs: 4, site: siteFour)
                #expect(!one.diagnostics.containsErrors, "\(one.diagnostics.prefix(3))")
                let treeOne = try FileSnapshot(siteOne), treeFour = try FileSnapshot(siteFour)
                #expect(!treeOne.files.isEmpty)
                #expect(treeOne == treeFour, "pages that differ: \(treeOne.differences(from: treeFour))")
                #expect(one.diagnostics.map(\.description) == four.diagnostics.map(\.description))
                for (name, note) in zip(generated.fileNames, generated.notes) {
                    let page = try #require(treeOne.files[name.replacingOccurrences(of: ".md", with: ".html")])
                    let html = String(decoding: page, as: UTF8.self)
                    for tex in note.inlineMathOnOneLine + note.displayMath {
                        #expect(html.contains("<annotation encoding=\"application/x-tex\">\(Self.escaped(tex))</annotation>"), "\(tex)")
                    }
                }
            } catch {
                Issue.record("the pipeline failed: \(error)")
            }
        }
    }

    /// TeX as KaTeX escapes it in its annotation.
    private static func escaped(_ tex: String) -> String {
        tex.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#x27;")
    }
}
