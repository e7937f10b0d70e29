// The notes in Notes/ compile into this module: the TangleNotes plugin tangles each note into a
// source of its own. Importing Notes gives the notes' code and the runtime they are written with.
@_exported import DeriveRuntime
