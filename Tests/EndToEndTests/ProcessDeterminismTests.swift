import Foundation
import NoteGenerators
import PropertyBased
import Testing

/// Generated courses woven and tangled by separate `derive` processes (one with one job, one with
/// the default) give byte-identical sites and sources: nothing depends on the process (hash
/// seeds, addresses, thread timing).
// The time limit bounds a hang, not the speed: alone these run in seconds, but in the whole
// parallel suite on a loaded 2-core machine one waited 332 s for a thread.
@Suite("Properties: tangle and weave are deterministic across processes", .timeLimit(.minutes(10)))
struct ProcessDeterminismTests {
    @Test func separateProcessesWeaveAndTangleGeneratedCoursesTheSame() async {
        let courses = GeneratedNote.renderableGenerator.array(of: 1...4).map(GeneratedCourse.init(notes:))
        await propertyCheck(count: 3, input: courses) { generated in
            do {
                let first = try generated.write(), second = try generated.write()
                defer {
                    try? FileManager.default.removeItem(at: first)
                    try? FileManager.default.removeItem(at: second)
                }
                var trees: [[FolderTree]] = []
                for (root, jobs) in [(first, "1"), (second, "4")] {
                    let weave = try await DeriveRun.run(["weave", "--jobs", jobs], in: root, timeout: .seconds(120))
                    #expect(weave.status == 0, "\(weave.stderr)")
                    let tangle = try await DeriveRun.run(["tangle", "--output", "Tangled"], in: root, timeout: .seconds(120))
                    #expect(tangle.status == 0, "\(tangle.stderr)")
                    trees.append([try FolderTree(root.appendingPathComponent("Site")), try FolderTree(root.appendingPathComponent("Tangled"))])
                }
                #expect(!trees[0][0].files.isEmpty && !trees[0][1].files.isEmpty)
                #expect(trees[0][0].differences(from: trees[1][0]) == [], "the sites differ")
                #expect(trees[0][1].differences(from: trees[1][1]) == [], "the tangled sources differ")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
