// The course's notes compile into this module: Derive's build plugin tangles each note in Notes/
// into a source of its own. Importing Course gives the notes' code and the runtime they use.
@_exported import DeriveRuntime
