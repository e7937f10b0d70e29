// The `test` blocks of the notes in Notes/ compile into this target: the TangleNotes plugin
// tangles each note's tests into a source of its own, wrapped in #sourceLocation so that a
// failure names the note's file and line.
