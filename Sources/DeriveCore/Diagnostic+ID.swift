extension Diagnostic {
    /// The kind of a diagnostic: `subject.problem` in kebab case, and the stage that finds it.
    ///
    /// Every kind is declared once, below, and listed in `all`; tools and tests match on these
    /// names, and the note format's reference lists them.
    public struct ID: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The stable name (`chunk.undefined`).
        public let name: String
        /// The stage that reports it.
        public let stage: Stage

        private init(_ stage: Stage, _ name: String) {
            self.stage = stage
            self.name = name
        }

        /// The name.
        public var description: String { name }

        /// Encodes as its name alone.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }

        /// Decodes a name that `all` lists.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let name = try container.decode(String.self)
            guard let known = Self.all.first(where: { $0.name == name }) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown diagnostic id '\(name)'")
            }
            self = known
        }

        // config
        /// `derive.yml` is not valid YAML, or not a mapping.
        public static let configYAML = ID(.config, "config.yaml")
        /// `derive.yml` has a key Derive does not know.
        public static let configUnknownKey = ID(.config, "config.unknown-key")
        /// A value in `derive.yml` has the wrong type or form.
        public static let configValue = ID(.config, "config.value")
        /// An entry of `notation:` in `derive.yml` is not well formed (no `tex` or `meaning`, an unknown field, a bad macro).
        public static let configNotation = ID(.config, "config.notation")
        /// Two entries of `notation:` declare the same TeX or the same macro, or a macro that `math.macros` defines otherwise.
        public static let configNotationDuplicate = ID(.config, "config.notation-duplicate")

        // load
        /// The notes folder does not exist.
        public static let notesMissing = ID(.load, "notes.missing")
        /// A note or a folder of notes cannot be listed or read.
        public static let noteUnreadable = ID(.load, "note.unreadable")
        /// A symbolic link in the notes folder points outside the course, or nowhere: not followed.
        public static let linkOutsideCourse = ID(.load, "link.outside-course")

        // parse
        /// The note's bytes are not UTF-8.
        public static let noteNotUTF8 = ID(.parse, "note.not-utf8")
        /// The note is larger than Derive reads (64 MiB).
        public static let noteTooLarge = ID(.parse, "note.too-large")
        /// Front matter opened with `---` never closes.
        public static let frontMatterUnclosed = ID(.parse, "front-matter.unclosed")
        /// Front matter is not valid YAML.
        public static let frontMatterYAML = ID(.parse, "front-matter.yaml")
        /// Front matter is not a mapping.
        public static let frontMatterNotAMapping = ID(.parse, "front-matter.not-a-mapping")
        /// Front matter has a key the note format does not define.
        public static let frontMatterUnknownKey = ID(.parse, "front-matter.unknown-key")
        /// A front-matter value has the wrong type.
        public static let frontMatterType = ID(.parse, "front-matter.type")
        /// Display math opened with `$$` never closes.
        public static let mathUnclosedDisplay = ID(.parse, "math.unclosed-display")
        /// A code block's info string gives two roles.
        public static let infoTwoRoles = ID(.parse, "info.two-roles")
        /// `implements=` with no label.
        public static let infoEmptyImplements = ID(.parse, "info.empty-implements")
        /// A code block's info string names two chunks.
        public static let infoTwoChunkNames = ID(.parse, "info.two-chunk-names")
        /// A word of a `swift` block's info string that the format does not define.
        public static let infoUnknownWord = ID(.parse, "info.unknown-word")
        /// `figure=` with no label, or a label that does not start `fig-`.
        public static let infoFigureLabel = ID(.parse, "info.figure-label")
        /// `exercise=` with no name, a name Derive does not take, or two names on one block.
        public static let exerciseName = ID(.parse, "exercise.name")
        /// A code fence that is never closed.
        public static let codeUnterminatedFence = ID(.parse, "code.unterminated-fence")
        /// Markdown nested deeper than Derive reads (block quotes, lists, emphasis).
        public static let markdownTooDeep = ID(.parse, "markdown.too-deep")

        // resolve
        /// Two equations of a note carry the same label.
        public static let labelDuplicate = ID(.resolve, "label.duplicate")
        /// `@eq-name` (or `@fig-`, `@sec-`) cites a label no note of the course defines.
        public static let citationUnknownLabel = ID(.resolve, "citation.unknown-label")
        /// A citation's label is defined by several other notes, none of them the citing one.
        public static let citationAmbiguousLabel = ID(.resolve, "citation.ambiguous-label")
        /// A relative link or image names no note, page or file of the course.
        public static let linkBroken = ID(.resolve, "link.broken")
        /// A link's `#anchor` names nothing on the page it leads to.
        public static let linkUnknownAnchor = ID(.resolve, "link.unknown-anchor")
        /// `[^label]` refers to a footnote the note does not define.
        public static let footnoteUndefined = ID(.resolve, "footnote.undefined")
        /// A footnote is defined twice in one note.
        public static let footnoteDuplicate = ID(.resolve, "footnote.duplicate")
        /// A footnote no `[^label]` refers to.
        public static let footnoteUnused = ID(.resolve, "footnote.unused")
        /// `implements=eq-name` names a label the note does not define.
        public static let implementsUnknownLabel = ID(.resolve, "implements.unknown-label")
        /// `<<name>>` refers to a chunk no compiled block defines.
        public static let chunkUndefined = ID(.resolve, "chunk.undefined")
        /// Chunk references that form a cycle.
        public static let chunkCycle = ID(.resolve, "chunk.cycle")
        /// Chunk references nested deeper than Derive expands.
        public static let chunkTooDeep = ID(.resolve, "chunk.too-deep")
        /// A chunk reference whose expansion would make the note's tangled code larger than Derive writes.
        public static let chunkTooLarge = ID(.resolve, "chunk.too-large")
        /// A chunk no compiled block uses, so it is not compiled.
        public static let chunkUnused = ID(.resolve, "chunk.unused")
        /// A `delta`, `gradient` or `update` block implements an equation that is not of its kind.
        public static let implementsRoleMismatch = ID(.resolve, "implements.role-mismatch")
        /// `figure=` on a block that is not a compiled `example` block.
        public static let exampleFigureOutsideExample = ID(.resolve, "example.figure-outside-example")
        /// A note with `gradient` blocks and no derivation check.
        public static let checkMissing = ID(.resolve, "check.missing")
        /// An `exercise` or `solution` block without `exercise=name`.
        public static let exerciseUnnamed = ID(.resolve, "exercise.unnamed")
        /// `exercise=name` on a block that is neither an exercise's stub, its solution nor a test.
        public static let exerciseMisplaced = ID(.resolve, "exercise.misplaced")
        /// An exercise whose stub has no `solution` block.
        public static let exerciseNoSolution = ID(.resolve, "exercise.no-solution")
        /// A `solution` block with no `exercise` block of its name.
        public static let exerciseNoStub = ID(.resolve, "exercise.no-stub")
        /// An exercise that no `test` block grades.
        public static let exerciseNoTest = ID(.resolve, "exercise.no-test")
        /// Two exercises of the course with one name (or two stubs, or two solutions, of one exercise).
        public static let exerciseDuplicate = ID(.resolve, "exercise.duplicate")

        // tangle
        /// Two notes would write the same tangled file.
        public static let outputCollision = ID(.tangle, "output.collision")

        // check
        /// The compiler rejected a note's code.
        public static let compileError = ID(.check, "compile.error")
        /// The compiler warned about a note's code.
        public static let compileWarning = ID(.check, "compile.warning")
        /// A test of a note failed (a failing `#expect`, a derivation check that did not pass).
        public static let testFailed = ID(.check, "test.failed")
        /// The notes could not be compiled or tested, for a reason no note's line explains.
        public static let checkFailed = ID(.check, "check.failed")
        /// `derive exercise`: an exercise whose tests did not all pass, at the student's code.
        public static let exerciseNotSolved = ID(.check, "exercise.not-solved")

        // weave
        /// An `example` block did not draw a figure its `figure=` declares, or drew one it does not declare.
        public static let exampleFigureMismatch = ID(.weave, "example.figure-mismatch")
        /// KaTeX rejected a formula.
        public static let mathTeXError = ID(.weave, "math.tex-error")
        /// KaTeX accepted a formula with a warning (strict mode).
        public static let mathTeXWarning = ID(.weave, "math.tex-warning")
        /// A note's name cannot name a page.
        public static let pageName = ID(.weave, "page.name")
        /// A file of the notes folder would replace a file the site generates.
        public static let fileCollision = ID(.weave, "file.collision")
        /// Raw HTML left out of the site.
        public static let htmlOmitted = ID(.weave, "html.omitted")
        /// A symbol the course's notation declares appears in no formula of any note.
        public static let notationUnused = ID(.weave, "notation.unused")
        /// An entry of the build cache was damaged (truncated, or failing its checksum) and was rebuilt.
        public static let cacheDamaged = ID(.weave, "cache.damaged")

        /// Every kind of diagnostic, in stage order.
        public static let all: [ID] = [
            configYAML, configUnknownKey, configValue, configNotation, configNotationDuplicate,
            notesMissing, noteUnreadable, linkOutsideCourse,
            noteNotUTF8, noteTooLarge, frontMatterUnclosed, frontMatterYAML, frontMatterNotAMapping, frontMatterUnknownKey,
            frontMatterType, mathUnclosedDisplay, infoTwoRoles, infoEmptyImplements, infoTwoChunkNames,
            infoUnknownWord, infoFigureLabel, exerciseName, codeUnterminatedFence, markdownTooDeep,
            labelDuplicate, citationUnknownLabel, citationAmbiguousLabel, linkBroken, linkUnknownAnchor,
            footnoteUndefined, footnoteDuplicate, footnoteUnused, implementsUnknownLabel, chunkUndefined, chunkCycle, chunkTooDeep,
            chunkTooLarge, chunkUnused, implementsRoleMismatch, exampleFigureOutsideExample,
            checkMissing,
            exerciseUnnamed, exerciseMisplaced, exerciseNoSolution, exerciseNoStub, exerciseNoTest, exerciseDuplicate,
            outputCollision,
            compileError, compileWarning, testFailed, checkFailed, exerciseNotSolved,
            exampleFigureMismatch, mathTeXError, mathTeXWarning, pageName, fileCollision, htmlOmitted, notationUnused,
            cacheDamaged,
        ]
    }
}
