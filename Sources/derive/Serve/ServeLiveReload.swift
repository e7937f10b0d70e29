import Foundation

/// The live-reload script and the tag the server adds to each HTML page it serves (never to files on disk).
enum ServeLiveReload {
    /// Where the script is served.
    static let scriptPath = "/_derive/live-reload.js"
    /// Where the script long-polls for the build generation.
    static let changesPath = "/_derive/changes"

    /// `html` with the script tag, for a page built from `generation`, before its last `</body>`.
    static func inject(into html: Data, generation: Int) -> Data {
        let tag = Data("<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>\n".utf8)
        let closing = Data("</body>".utf8)
        let lowered = Data(html.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 })
        guard let range = lowered.range(of: closing, options: .backwards) else { return html + tag }
        var result = html
        result.insert(contentsOf: tag, at: range.lowerBound)
        return result
    }

    /// Waits on `/_derive/changes?since=G`: reloads the page when the generation is no longer G,
    /// unless the files changed since G are known and this page is not among them.
    static let script = """
        (function () {
          var generation = Number(document.currentScript.dataset.generation);
          var page = decodeURIComponent(location.pathname).replace(/^\\/+/, "");
          if (page === "" || page.endsWith("/")) { page += "index.html"; }
          function poll() {
            fetch("\(changesPath)?since=" + generation, { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (state) {
                if (state.generation === generation) { poll(); return; }
                if (state.changed && state.changed.indexOf(page) < 0) { generation = state.generation; poll(); return; }
                location.reload();
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();

        """
}
