/// Gives headings anchors that are stable slugs of their text and unique within a note.
struct HeadingAnchors {
    private var used: [String: Int] = [:]

    /// The anchor for a heading reading `text`: the `{#id}` written after it if any, else
    /// lowercase letters and digits joined by `-`, with `-2`, `-3` ... appended when an earlier
    /// heading took the same slug.
    mutating func anchor(for text: String, explicit: String? = nil) -> String {
        if let explicit {
            used[explicit, default: 0] += 1
            return explicit
        }
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0] + 1
        used[slug] = count
        return count == 1 ? slug : "\(slug)-\(count)"
    }
}
