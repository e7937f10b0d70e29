import Foundation
import Testing

/// `derive serve` on a free loopback port over a temporary copy of the clean notes.
@Suite("derive serve")
struct ServeTests {
    /// What `/_derive/changes` answers.
    struct Changes: Decodable {
        /// Successful builds.
        var generation: Int
        /// Finished builds.
        var builds: Int
        /// Whether the last build failed.
        var failed: Bool
        /// The pages changed since the generation asked about, when known.
        var changed: [String]?
    }

    @Test("serves the site with live reload, refuses paths outside it, rebuilds on edits, stops on SIGINT")
    func serve() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(fixture: "clean")
        try folder.write("top secret\n", to: "secret.txt")
        let serve = try DeriveProcess(["serve", "--notes", "Notes", "--site", "Site", "--port", "0"], in: folder.url)
        let port = try #require(UInt16(try await serve.waitForOutput(#"serving Site at http://127\.0\.0\.1:(\d+)/"#, timeout: .seconds(180))))
        let http = HTTPProbe(port: port)

        let index = try await http.get("/")
        #expect(index.status == 200)
        #expect(index.headers["content-type"] == "text/html; charset=utf-8")
        #expect(index.text.contains(#"<script src="/_derive/live-reload.js" data-generation="1"></script>"#))
        #expect(index.text.contains("One sigmoid neuron"))
        #expect(!(try String(contentsOf: folder("Site/index.html"), encoding: .utf8)).contains("live-reload"), "the script reached the file on disk")
        for (path, type) in [
            ("/_derive/live-reload.js", "text/javascript; charset=utf-8"), ("/style.css", "text/css; charset=utf-8"),
            ("/katex/fonts/KaTeX_Main-Regular.woff2", "font/woff2"),
        ] {
            let response = try await http.get(path)
            #expect(response.status == 200 && response.headers["content-type"] == type, "\(path): \(response.status) \(response.headers)")
        }
        #expect(try await http.get("/no-such-page.html").status == 404)
        #expect(try await http.get("/katex").headers["location"] == "/katex/")

        for target in [
            "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/katex/..%2f..%2fsecret.txt",
            // Climbing past the file system's root stops at it, so these reach a real /etc/passwd.
            "/" + String(repeating: "../", count: 16) + "etc/passwd", "/" + String(repeating: "%2E%2E/", count: 16) + "etc/passwd",
            "/" + String(repeating: "..%2f", count: 16) + "etc/passwd", "/..\\secret.txt", "//etc/passwd",
        ] {
            let response = try await http.get(target)
            #expect([400, 403, 404].contains(response.status), "\(target) gave \(response.status)")
            #expect(!response.text.contains("top secret") && !response.text.contains("root:"), "\(target) leaked a file")
        }

        let start = try JSONDecoder().decode(Changes.self, from: try await http.get("/_derive/changes").body)
        #expect(start.generation == 1 && start.builds == 1 && !start.failed)

        // A saved note's page is written at once (generation 2), then the whole site is built (3).
        let sigmoid = "Notes/01-sigmoid-neuron.md", chainRule = "Notes/02-chain-rule.md"
        try folder.write(try String(contentsOf: folder(sigmoid), encoding: .utf8) + "\nEdited while serving, after @eq-chain.\n", to: sigmoid)
        _ = try await serve.waitForOutput(#"notes changed; 01-sigmoid-neuron\.html rewritten in \d+ ms; rebuilding the rest"#, timeout: .seconds(120))
        let previewed = try inode(folder("Site/01-sigmoid-neuron.html"))
        let rebuilt = try await waitForBuild(2, serve: serve, http: http)
        #expect(rebuilt.generation == 3 && !rebuilt.failed)
        let page = try await http.get("/01-sigmoid-neuron.html").text
        #expect(page.contains("Edited while serving, after") && page.contains("02-chain-rule.html#eq-chain"))
        #expect(try inode(folder("Site/01-sigmoid-neuron.html")) == previewed, "the whole build wrote the page other than the preview")
        let sincePreview = try #require(try await changes(since: 2, http: http).changed)
        #expect(!sincePreview.contains("01-sigmoid-neuron.html") && !sincePreview.contains("02-chain-rule.html"), "\(sincePreview)")
        #expect(sincePreview.contains("search.html"), "the search index changed: \(sincePreview)")
        #expect(try await changes(since: 1, http: http).changed?.contains("01-sigmoid-neuron.html") == true)

        // A preview the whole build then refuses (the label the other note cites is gone) is taken back.
        let chain = try String(contentsOf: folder(chainRule), encoding: .utf8)
        try folder.write(chain.replacingOccurrences(of: "eq-chain", with: "eq-renamed"), to: chainRule)
        _ = try await serve.waitForOutput(#"02-chain-rule\.html rewritten in \d+ ms"#, timeout: .seconds(120))
        let refused = try await waitForBuild(3, serve: serve, http: http)
        #expect(refused.failed && refused.generation == 5, "the preview, then the page put back")
        #expect(serve.stderr.contains("Notes/01-sigmoid-neuron.md:"), "\(serve.stderr)")
        #expect(serve.stderr.contains("error: '@eq-chain' cites a label that no note of the course defines"), "\(serve.stderr)")
        let restored = try await http.get("/02-chain-rule.html").text
        #expect(restored.contains(#"id="eq-chain""#) && !restored.contains("eq-renamed"))
        #expect(try await changes(since: 4, http: http).changed == ["02-chain-rule.html"])

        try folder.write(chain, to: chainRule)
        let mended = try await waitForBuild(4, serve: serve, http: http)
        #expect(!mended.failed && mended.generation == 6, "no preview: the page came out as the site, put back, holds it")

        try folder.write("# Bad TeX\n\nBroken: $\\frac{1}$.\n", to: "Notes/03-bad-tex.md")
        let failed = try await waitForBuild(5, serve: serve, http: http)
        #expect(failed.failed && failed.generation == 6, "a new note is not previewed")
        #expect(serve.stderr.contains("Notes/03-bad-tex.md:3:10: error: TeX error: "), "\(serve.stderr)")
        let kept = try await http.get("/01-sigmoid-neuron.html")
        #expect(kept.status == 200 && kept.text.contains("Edited while serving"))

        let second = try await DeriveRun.run(["serve", "--port", "\(port)"], in: folder.url, timeout: .seconds(30))
        #expect(second.status != 0)
        #expect(second.stderr.contains("port \(port) on 127.0.0.1 is already in use"), "\(second.stderr)")

        serve.process.interrupt()  // SIGINT, as Ctrl-C sends
        #expect(try await serve.wait(timeout: .seconds(30)) == 0)
        #expect(serve.stdout.hasSuffix("SIGINT: stopped serving\n"))
    }

    @Test("without --site, serve builds into a scratch folder and never touches the committed site")
    func servesFromAScratchFolder() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(fixture: "clean")
        try folder.write("<p>committed</p>\n", to: "Site/index.html")
        let before = try FolderTree(folder("Site"))
        let serve = try DeriveProcess(["serve", "--port", "0"], in: folder.url)
        let port = try #require(UInt16(try await serve.waitForOutput(
            #"serving \.build/derive/serve-site at http://127\.0\.0\.1:(\d+)/"#, timeout: .seconds(180))))
        #expect(try await HTTPProbe(port: port).get("/").text.contains("One sigmoid neuron"))
        #expect(FileManager.default.fileExists(atPath: folder(".build/derive/serve-site/01-sigmoid-neuron.html").path))
        #expect(try FolderTree(folder("Site")).differences(from: before) == [])
        serve.process.interrupt()
        #expect(try await serve.wait(timeout: .seconds(30)) == 0)
    }

    @Test("a save while the site is being built is written at once, and the build is stopped for one of the newest notes")
    func aSaveDuringABuildStopsIt() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(fixture: "clean")
        let hold = folder("hold")
        let serve = try DeriveProcess(
            ["serve", "--notes", "Notes", "--site", "Site", "--port", "0"], in: folder.url,
            environment: ["DERIVE_TEST_HOLD_AT": "page", "DERIVE_TEST_HOLD_FILE": hold.path])
        let port = try #require(UInt16(try await serve.waitForOutput(#"serving Site at http://127\.0\.0\.1:(\d+)/"#, timeout: .seconds(180))))
        let http = HTTPProbe(port: port)
        let sigmoid = "Notes/01-sigmoid-neuron.md", chainRule = "Notes/02-chain-rule.md"
        try folder.write("held\n", to: "hold")
        try folder.write(try String(contentsOf: folder(sigmoid), encoding: .utf8) + "\nFirst save.\n", to: sigmoid)
        _ = try await serve.waitForOutput(#"01-sigmoid-neuron\.html rewritten in \d+ ms"#, timeout: .seconds(120))
        _ = try await serve.waitForOutput("derive: held at page", in: .standardError, timeout: .seconds(120))

        try folder.write(try String(contentsOf: folder(chainRule), encoding: .utf8) + "\nSecond save.\n", to: chainRule)
        _ = try await serve.waitForOutput(#"02-chain-rule\.html rewritten in \d+ ms"#, timeout: .seconds(120))
        #expect(try await http.get("/02-chain-rule.html").text.contains("Second save."), "written while the build is held")
        #expect(try await http.get("/01-sigmoid-neuron.html").text.contains("First save."))
        #expect(!serve.stdout.contains("rebuilt; open pages reload"), "the held build finished: \(serve.stdout)")
        try FileManager.default.removeItem(at: hold)

        let rebuilt = try await waitForBuild(2, serve: serve, http: http)
        #expect(serve.stdout.contains("stopped that build: the notes changed again"), "\(serve.stdout)")
        #expect(!rebuilt.failed && rebuilt.builds == 2 && rebuilt.generation == 4, "\(rebuilt)")
        let print = try String(contentsOf: folder("Site/print.html"), encoding: .utf8)
        #expect(print.contains("First save.") && print.contains("Second save."), "the build that followed read the newest notes")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".Site.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        serve.process.interrupt()
        #expect(try await serve.wait(timeout: .seconds(30)) == 0)
    }

    /// What the changes endpoint says has changed since `generation` (a later one).
    private func changes(since generation: Int, http: HTTPProbe) async throws -> Changes {
        try JSONDecoder().decode(Changes.self, from: try await http.get("/_derive/changes?since=\(generation)").body)
    }

    /// The inode of the file at `url`.
    private func inode(_ url: URL) throws -> UInt64 {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return UInt64(info.st_ino)
    }

    /// Awaits the line serve prints when its `builds`th build (the first is the one before
    /// `serving ... at`) has finished, `rebuilt; ...` or `rebuild failed; ...`, then asks the
    /// changes endpoint for its state.
    private func waitForBuild(_ builds: Int, serve: DeriveProcess, http: HTTPProbe) async throws -> Changes {
        _ = try await serve.waitForOutput(
            #"(?s)(?:.*?(?:rebuilt; open pages reload|rebuild failed))"# + "{\(builds - 1)}", timeout: .seconds(120))
        return try JSONDecoder().decode(Changes.self, from: try await http.get("/_derive/changes").body)
    }
}
