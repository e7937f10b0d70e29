import Foundation

/// What a site build may do and where it finds its tools.
public struct SiteOptions: Sendable {
    /// Whether raw HTML written in notes reaches the pages; off by default, so no note can run script.
    public var allowsRawHTML: Bool
    /// The `node` executable that runs KaTeX.
    public var nodeExecutable: URL
    /// The folder that holds the `katex` node module, given to node as `NODE_PATH`.
    public var nodeModules: URL
    /// The folder that holds KaTeX's `katex.min.css` and `fonts/`, copied into the site.
    public var katexAssets: URL

    /// Options with Debian's node and KaTeX (`katex`, `libjs-katex`) and raw HTML omitted.
    public init(
        allowsRawHTML: Bool = false,
        nodeExecutable: URL = URL(fileURLWithPath: "/usr/bin/node"),
        nodeModules: URL = URL(fileURLWithPath: "/usr/share/nodejs"),
        katexAssets: URL = URL(fileURLWithPath: "/usr/share/javascript/katex")
    ) {
        self.allowsRawHTML = allowsRawHTML
        self.nodeExecutable = nodeExecutable
        self.nodeModules = nodeModules
        self.katexAssets = katexAssets
    }
}
