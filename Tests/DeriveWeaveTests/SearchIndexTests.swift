import DeriveCore
@testable import DeriveWeave
import Foundation
import Testing

@Suite("The search index: shards of bounded size, indexed again only when their pages change")
struct SearchIndexTests {
    /// Notes whose prose is long enough that a small shard size cuts the index into several.
    private static func notes(editing edited: Int? = nil) -> [Note] {
        (1...16).map { index in
            let stem = String(format: "%02d-n", index), path = "Notes/\(stem).md"
            var words = (0..<40).map { "word\($0 % 7) prose\(index)" }.joined(separator: " ")
            if index == edited { words += " an edit adds this" }
            var note = Fixtures.note(stem, title: "Note \(index)", blocks: [
                Fixtures.heading(1, "Note \(index)", anchor: "note-\(index)", path),
                Fixtures.paragraph(Fixtures.text(words), path),
            ])
            if index == edited { note.sourceDigest += "-edited" }
            return note
        }
    }

    private static let small = SearchIndex.ShardSize(typical: 1_200, most: 2_500)

    /// The shards of `notes`' prose, a document a page, as the weave cuts them.
    private func shards(of notes: [Note]) -> [SearchIndex.Shard] {
        var index = SearchIndex(size: Self.small)
        var shards: [SearchIndex.Shard] = []
        for note in notes {
            guard case .paragraph(let prose) = note.blocks[1] else { continue }
            shards += [index.append([SearchIndex.document(title: note.title, note: note.title, href: note.pagePath, text: prose.content.plainText)])]
                .compactMap { $0 }
        }
        shards += [index.finish()].compactMap { $0 }
        #expect(index.files == shards.map(\.file), "the loader names the shards cut")
        return shards
    }

    @Test func shardsHoldWholePagesInOrderNumberedFromZero() {
        let notes = Self.notes()
        let shards = shards(of: notes)
        #expect(shards.count > 2, "\(shards.map(\.documents.count))")
        #expect(shards.map(\.file) == (1...shards.count).map { "search-index-\($0).js" })
        #expect(shards.flatMap { $0.documents.map(\.href) } == notes.map(\.pagePath))
        for shard in shards {
            #expect(shard.documents.map(\.id) == shard.documents.indices.map(String.init))
            let bytes = shard.documents.dropLast().reduce(0) { $0 + $1.text.utf8.count }
            #expect(bytes < Self.small.most, "a shard goes past its most only by its last page")
        }
    }

    @Test func anEditMovesNoOtherShard() {
        let before = shards(of: Self.notes())
        let after = shards(of: Self.notes(editing: 9))
        #expect(before.map { $0.documents.map(\.href) } == after.map { $0.documents.map(\.href) })
        let changed = zip(before, after).filter { $0.documents.map(\.text) != $1.documents.map(\.text) }.map(\.0.file)
        let edited = before.first { $0.documents.contains { $0.href == "09-n.html" } }?.file
        #expect(changed == [edited].compactMap { $0 })
    }

    @Test func theSiteLoadsEveryShardAndARebuildIndexesOnlyWhatChanged() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        var options = SiteOptions(cacheDirectory: workspace.appendingPathComponent(".build/derive/cache"))
        options.searchShardSize = Self.small
        let cold = try BuiltSite(Self.notes(), options: options, in: workspace)
        let shards = cold.summary.searchShards
        #expect(shards.total > 2 && shards.indexed == shards.total)
        let found = try search(for: "prose9", in: cold.site)
        #expect(found.hrefs == ["09-n.html"], "\(found)")
        #expect(found.shards == shards.total, "the loader names every shard")
        #expect(try search(for: "word3", in: cold.site).hrefs.count == 16, "hits come from every shard")
        let before = try stamps(cold.site)

        let same = try BuiltSite(Self.notes(), options: options, in: workspace)
        #expect(same.summary.searchShards.indexed == 0)
        #expect(try stamps(same.site) == before)

        let edited = try BuiltSite(Self.notes(editing: 9), options: options, in: workspace)
        #expect(edited.summary.searchShards == (indexed: 1, total: shards.total) as (Int, Int))
        let after = try stamps(edited.site)
        let rewritten = after.keys.filter { $0.hasPrefix("search-index") && after[$0] != before[$0] }
        #expect(rewritten.count == 1, "\(rewritten)")
        #expect(try search(for: "edit", in: edited.site).hrefs == ["09-n.html"])
    }

    @Test func anIndexerThatFailsFailsTheBuildWithWhatNodeSaidAndLeavesTheSite() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        var options = SiteOptions()
        options.searchShardSize = Self.small
        let built = try BuiltSite(Self.notes(), options: options, in: workspace)
        let before = try stamps(built.site)
        // A lunr whose lunr.js throws when node loads it (the page's lunr.min.js is fine).
        let broken = workspace.appendingPathComponent("broken-lunr")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: options.lunr.appendingPathComponent("lunr.min.js"), to: broken.appendingPathComponent("lunr.min.js"))
        try Data("throw new Error('this lunr is broken');\n".utf8).write(to: broken.appendingPathComponent("lunr.js"))
        options.lunr = broken
        #expect {
            _ = try BuiltSite(Self.notes(editing: 3), options: options, in: workspace)
        } throws: { error in
            guard case WeaveError.searchIndexFailed(let said) = error else { return false }
            return said.contains("this lunr is broken")
        }
        #expect(try stamps(built.site) == before, "a failed build leaves the site as it was")
    }

    /// Loads the site's `search-index.js` and the shards it names into node with lunr, as the
    /// search page does, and searches every shard for `query`.
    private func search(for query: String, in site: URL) throws -> (hrefs: [String], shards: Int) {
        let script = """
            const fs = require("fs"), vm = require("vm"), lunr = require(process.argv[3]);
            const site = process.argv[1], window = {};
            vm.runInNewContext(fs.readFileSync(site + "/search-index.js", "utf8"), { window });
            for (const file of window.deriveSearch.shards) vm.runInNewContext(fs.readFileSync(site + "/" + file, "utf8"), { window });
            const hrefs = [];
            for (const file of window.deriveSearch.shards) {
              const shard = window.deriveSearchShards[file];
              for (const hit of lunr.Index.load(shard.index).search(process.argv[2])) hrefs.push(shard.documents[hit.ref].href);
            }
            console.log(JSON.stringify({ hrefs: hrefs.sort(), shards: window.deriveSearch.shards.length }));
            """
        let process = Process(), output = Pipe()
        let options = SiteOptions()
        process.executableURL = options.nodeExecutable
        process.arguments = ["-e", script, site.path, query, options.lunr.appendingPathComponent("lunr.js").path]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Found: Decodable { var hrefs: [String]; var shards: Int }
        let found = try JSONDecoder().decode(Found.self, from: data)
        return (found.hrefs, found.shards)
    }

    /// Every file of `site` with its inode and modification time.
    private func stamps(_ site: URL) throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: site.path)
        return names.reduce(into: [:]) { stamps, name in stamps[name] = FileStamp.of(site.appendingPathComponent(name)) }
    }
}
