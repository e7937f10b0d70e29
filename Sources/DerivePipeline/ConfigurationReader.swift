import DeriveCore
import Foundation
import Yams

/// Reads `derive.yml`: every key is known and every value well formed, or it is an error at its line.
public struct ConfigurationReader: Sendable {
    /// The file's path as diagnostics name it.
    public var path: String

    /// A reader for the file at `path`.
    public init(path: String) { self.path = path }

    /// The configuration `yaml` sets (defaults for what it leaves out), and what is wrong with it.
    public func read(_ yaml: String) -> (CourseConfiguration, [Diagnostic]) {
        var configuration = CourseConfiguration()
        var diagnostics: [Diagnostic] = []
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)  // `.default` would read the environment
        } catch let error as YamlError {
            return (configuration, [Diagnostic(.error, .configYAML, "not valid YAML: \(Self.problem(error))", at: location(Self.mark(error)))])
        } catch {
            return (configuration, [Diagnostic(.error, .configYAML, "not valid YAML: \(error)", at: location(nil))])
        }
        guard let root else { return (configuration, []) }
        guard let mapping = root.mapping else {
            return (configuration, [Diagnostic(.error, .configYAML, "\(CourseConfiguration.fileName) must be a mapping of keys to values", at: location(root.mark))])
        }
        func text(_ node: Node, _ key: String) -> String? {
            if case .scalar(let scalar) = node, node.null == nil { return scalar.string }
            diagnostics.append(Diagnostic(.error, .configValue, "'\(key)' must be text", at: location(node.mark)))
            return nil
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title": text(value, key).map { configuration.title = $0 }
            case "author": configuration.author = text(value, key)
            case "description": configuration.description = text(value, key)
            case "url":
                guard let string = text(value, key) else { break }
                if let url = URL(string: string), ["http", "https"].contains(url.scheme ?? ""), url.host != nil {
                    configuration.url = url
                } else {
                    diagnostics.append(Diagnostic(
                        .error, .configValue, "'url' must be the site's public http(s) address, like https://example.org/course/",
                        at: location(value.mark)))
                }
            case "notes": text(value, key).map { configuration.notes = $0 }
            case "site": text(value, key).map { configuration.site = $0 }
            case "theme": configuration.theme = text(value, key)
            case "print":
                if case .scalar = value, let flag = value.bool {
                    configuration.print = flag
                } else {
                    diagnostics.append(Diagnostic(.error, .configValue, "'print' must be true or false", at: location(value.mark)))
                }
            case "math": readMath(value, into: &configuration, diagnostics: &diagnostics)
            case "notation": configuration.notation = readNotation(value, diagnostics: &diagnostics)
            default:
                diagnostics.append(Diagnostic(
                    .error, .configUnknownKey,
                    "unknown key '\(key)' (known: title, author, description, url, notes, site, theme, print, math, notation)",
                    at: location(keyNode.mark)))
            }
        }
        addNotationMacros(to: &configuration, diagnostics: &diagnostics)
        return (configuration, diagnostics)
    }

    private func readMath(_ node: Node, into configuration: inout CourseConfiguration, diagnostics: inout [Diagnostic]) {
        guard let mapping = node.mapping else {
            diagnostics.append(Diagnostic(.error, .configValue, "'math' must be a mapping (macros, node, katex, katex-assets)", at: location(node.mark)))
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "macros":
                guard let macros = value.mapping else {
                    diagnostics.append(Diagnostic(.error, .configValue, "'macros' must map each macro to its TeX", at: location(value.mark)))
                    continue
                }
                for (name, definition) in macros {
                    guard let macro = name.string, macro.hasPrefix("\\"), macro.count > 1 else {
                        diagnostics.append(Diagnostic(.error, .configValue, "a macro's name starts with a backslash, like \\R", at: location(name.mark)))
                        continue
                    }
                    guard case .scalar = definition, let tex = definition.string else {
                        diagnostics.append(Diagnostic(.error, .configValue, "the macro \(macro) must be TeX text", at: location(definition.mark)))
                        continue
                    }
                    configuration.macros[macro] = tex
                }
            case "node", "katex", "katex-assets":
                guard case .scalar = value, let path = value.string, !path.isEmpty else {
                    diagnostics.append(Diagnostic(.error, .configValue, "'\(key)' must be a path", at: location(value.mark)))
                    continue
                }
                switch key {
                case "node": configuration.node = path
                case "katex": configuration.katex = path
                default: configuration.katexAssets = path
                }
            default:
                diagnostics.append(Diagnostic(
                    .error, .configUnknownKey, "unknown key 'math.\(key)' (known: macros, node, katex, katex-assets)",
                    at: location(keyNode.mark)))
            }
        }
    }

    func location(_ mark: Mark?) -> NoteLocation {
        NoteLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func mark(_ error: YamlError) -> Mark? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        default: nil
        }
    }

    private static func problem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
