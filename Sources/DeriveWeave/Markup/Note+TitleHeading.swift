import DeriveCore

extension Note {
    /// The note's leading level-1 heading, which its page shows as its title, if it starts so.
    var titleHeading: Heading? {
        guard case .heading(let heading) = blocks.first, heading.level == 1 else { return nil }
        return heading
    }
}
