/// KaTeX's answer for one piece of TeX.
enum RenderedMath: Hashable {
    /// The HTML (and MathML) to put in the page, with any warnings KaTeX's strict mode raised.
    case html(String, warnings: [String])
    /// Why KaTeX rejected the TeX.
    case error(String)
}
