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

    @Test func aFormulaIsSearchedByTheWordsOfItsTeX() {
        #expect(SearchText.words(ofTeX: "\\delta^{[2]}_j = \\big(W^{[3]\\top} \\delta^{[3]}\\big) \\odot \\sigma'(z)") == "delta top odot sigma")
        #expect(SearchText.words(ofTeX: "\\frac{\\partial J}{\\partial W} = \\operatorname{ReLU}(z)") == "partial ReLU")
        #expect(SearchText.words(ofTeX: "\\begin{aligned} z &= W a + b \\end{aligned}") == "", "one-letter names and layout say nothing")
        #expect(SearchText.words(ofTeX: "\\text{loss} = \\mathcal{L}(\\hat y, y)") == "loss hat")
        #expect(SearchText.words(ofTeX: "\\text{naïve} = αβ_{ij} + σ") == "naïve αβ ij", "letters beyond ASCII are letters too")
        let prose: [Inline] = [.text("The error "), .math(InlineMath(tex: "\\delta^{[l]}_j", location: Fixtures.location("Notes/01-a.md", 3))), .text(" flows back.")]
        #expect(SearchText.of(prose) == "The error delta flows back.")
    }

    /// Search finds a note by a formula's command (`delta` for `\delta^{[l]}_j`), which it
    /// could not when the TeX was indexed as written, and not by a command that lays a formula out.
    @Test func searchFindsANoteByItsFormulasWords() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let notes = [("01-a", "The error ", "\\delta^{[l]}_j"), ("02-b", "A bracket ", "\\left( z \\right)")].map { stem, prose, tex in
            let path = "Notes/\(stem).md"
            return Fixtures.note(stem, title: stem, blocks: [
                Fixtures.heading(1, stem, anchor: stem, path),
                Fixtures.paragraph([.text(prose), .math(InlineMath(tex: tex, location: Fixtures.location(path, 3))), .text(".")], path),
            ])
        }
        let site = try BuiltSite(notes, in: workspace).site
        #expect(try search(for: "delta", in: site).hrefs == ["01-a.html"])
        #expect(try search(for: "left", in: site).hrefs == [])
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

    @Test func theIndexerBuildsTheIndexLunrBuildsByItsOwnTokenizerAndPipeline() throws {
        // Words that lunr trims to nothing, stop words, hyphens, TeX, capitals, repeats, other
        // scripts, names of Object's properties, an empty field.
        let texts = [
            "The δ-rule: ∂J/∂w = δ · a. (and) the THE ... -- 'quoted' naïve",
            "W^{[2]} a^{[1]} + b^{[2]}, \\frac{\\partial J}{\\partial z} eq-delta eq-delta ——",
            "constructor __proto__ toString hasOwnProperty valueOf 3.14 1e-3 x_1,x_2",
            "",
        ]
        let documents = texts.enumerated().map { position, text in
            SearchIndex.Document(id: String(position), title: "Title \(position): Gradients' shapes", note: "N", href: "n.html", text: text)
        }
        let request = try JSONEncoder().encode(documents)
        let indexer = try TemplateLibrary().assets.appendingPathComponent("search-build.js")
        let worker = try LunrWorker(options: SiteOptions(), script: indexer)
        defer { worker.stop() }
        var script = Data()
        try worker.index(request, as: "search-index-1.js", into: { script += $0 })
        // The same fields and pipelines (the indexer's own `configure`), with lunr's tokenizer.
        let stock = """
            const vm = require("vm"), lunr = require(process.argv[2]), { configure } = require(process.argv[3]), window = {};
            vm.runInNewContext(process.argv[1], { window });
            const documents = JSON.parse(process.argv[4]);
            const index = lunr(function () {
              configure(lunr, this);
              for (const document of documents) this.add(document);
            });
            console.log(JSON.stringify(window.deriveSearchShards["search-index-1.js"].index));
            console.log(JSON.stringify(index.toJSON()));
            """
        let lines = try node([
            "-e", stock, String(decoding: script, as: UTF8.self), SiteOptions().lunr.appendingPathComponent("lunr.js").path, indexer.path,
            String(decoding: request, as: UTF8.self),
        ]).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == lines.last, "the shard's index is the one lunr builds with its own tokenizer and pipeline")
        for term in ["naïve", "rule", "constructor", "__proto__", "tostring", "valueof"] {
            #expect(lines.first?.contains("[\"\(term)\",") == true, "the index has the term \(term)")
        }
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
        let said = try node(["-e", script, site.path, query, SiteOptions().lunr.appendingPathComponent("lunr.js").path])
        struct Found: Decodable { var hrefs: [String]; var shards: Int }
        let found = try JSONDecoder().decode(Found.self, from: Data(said.utf8))
        return (found.hrefs, found.shards)
    }

    /// What node prints when run with `arguments`.
    private func node(_ arguments: [String]) throws -> String {
        let process = Process(), output = Pipe()
        process.executableURL = SiteOptions().nodeExecutable
        process.arguments = arguments
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file of `site` with its inode and modification time.
    private func stamps(_ site: URL) throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: site.path)
        return names.reduce(into: [:]) { stamps, name in stamps[name] = FileStamp.of(site.appendingPathComponent(name)) }
    }
}
