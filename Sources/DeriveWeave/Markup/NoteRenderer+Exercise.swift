import DeriveCore

extension NoteRenderer {
    /// A solution's figure folded in `<details>`, closed until the reader opens it (no script needed).
    func foldedSolution(_ figure: String) -> String {
        "<details class=\"solution\">\n<summary>Solution</summary>\n" + figure + "</details>\n"
    }

    /// Under an exercise's stub: the command that grades it.
    func exerciseNote(_ code: CodeBlock) -> String {
        guard code.language == "swift", code.attributes.role == .exercise, let name = code.attributes.exercise else { return "" }
        return "<p class=\"exercise-command\">Fill this in, then run <code>derive exercise \(name.htmlEscaped)</code>: "
            + "its tests tell you, at your code's line, whether it is right.</p>\n"
    }

    /// The caption's word on an exercise's blocks: its name on the stub and solution, and on a
    /// test which exercise it grades.
    func exerciseCaption(_ code: CodeBlock) -> String? {
        guard code.language == "swift", let name = code.attributes.exercise else { return nil }
        let role = code.attributes.role == .test ? "grades exercise " : ""
        return "<span class=\"exercise-name\">\(role)\(name.htmlEscaped)</span>"
    }
}
