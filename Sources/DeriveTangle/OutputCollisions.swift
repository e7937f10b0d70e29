import DeriveCore

/// Finds notes that would write the same tangled file (the same stem, ignoring case, as in
/// `Notes/a/01-x.md` and `Notes/b/01-X.md`): Swift needs file names unique within a module, and a
/// case-insensitive file system would merge them.
enum OutputCollisions {
    /// One error per note whose file an earlier note already takes.
    static func diagnostics(for notes: [Note]) -> [Diagnostic] {
        var owners: [String: Note] = [:]
        var diagnostics: [Diagnostic] = []
        for note in notes {
            let key = Tangler.fileName(for: note).lowercased()
            if let owner = owners[key] {
                diagnostics.append(Diagnostic(
                    .error, .outputCollision,
                    "this note and \(owner.path) would both write '\(Tangler.fileName(for: note))'; rename one of them",
                    at: NoteLocation(file: note.path, line: 1)))
            } else {
                owners[key] = note
            }
        }
        return diagnostics
    }
}
