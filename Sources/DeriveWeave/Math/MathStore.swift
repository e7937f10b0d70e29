import DeriveCache
import Foundation

/// Rendered math kept across builds in a `CacheFile`, keyed by the TeX, display or inline, the
/// course's macros, and the KaTeX version and render script that produced it.
final class MathStore: Sendable {
    private let file: CacheFile
    /// What every answer depends on besides its TeX: KaTeX's version, the render script, the macros.
    let context: String

    /// The store in `file` for formulas rendered with `options`' macros and KaTeX by `script`.
    init(file: CacheFile, options: SiteOptions, script: URL) {
        self.file = file
        let macros = (try? JSONSerialization.data(withJSONObject: options.macros, options: [.sortedKeys])) ?? Data()
        let katex = options.nodeModules.appendingPathComponent("katex/package.json")
        let version = (try? Data(contentsOf: katex)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }?["version"]
        let scriptDigest = CacheKey([(try? Data(contentsOf: script)) ?? Data()])
        context = "katex \(version ?? "unknown") script \(scriptDigest) macros \(String(decoding: macros, as: UTF8.self))"
    }

    /// The stored answer for `request`, if any.
    func answer(for request: KaTeXRenderer.Request) -> RenderedMath? {
        file.value(for: key(request)).flatMap(RenderedMath.init(encoded:))
    }

    /// Keeps the stored answers for `requests` in the store, though this build does not read them.
    func keep(_ requests: [KaTeXRenderer.Request]) {
        for request in requests { file.keep(key(request)) }
    }

    /// Keeps `answer`, KaTeX's to `request`, for the next build.
    func add(_ answer: RenderedMath, for request: KaTeXRenderer.Request) {
        file.set(answer.encoded, for: key(request))
    }

    private func key(_ request: KaTeXRenderer.Request) -> CacheKey {
        CacheKey(context, request.display ? "display" : "inline", request.tex)
    }
}

extension RenderedMath {
    /// The answer as bytes: a kind byte, then each string as a 4-byte length and its UTF-8.
    var encoded: Data {
        var data = Data()
        func append(_ text: String) {
            let bytes = Data(text.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(bytes)
        }
        switch self {
        case .html(let html, let warnings):
            data.append(0)
            append(html)
            warnings.forEach(append)
        case .error(let message):
            data.append(1)
            append(message)
        }
        return data
    }

    /// The answer `encoded` wrote, or nil for bytes it cannot have written.
    init?(encoded data: Data) {
        var strings: [String] = []
        var offset = data.startIndex + 1
        while offset + 4 <= data.endIndex {
            let length = data[offset..<(offset + 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
            offset += 4
            guard offset + length <= data.endIndex else { return nil }
            strings.append(String(decoding: data[offset..<(offset + length)], as: UTF8.self))
            offset += length
        }
        guard offset == data.endIndex, let kind = data.first, let first = strings.first else { return nil }
        switch kind {
        case 0: self = .html(first, warnings: Array(strings.dropFirst()))
        case 1 where strings.count == 1: self = .error(first)
        default: return nil
        }
    }
}
