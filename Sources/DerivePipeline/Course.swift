import DeriveCheck
import DeriveCore
import DeriveResolve
import DeriveTangle
import Foundation

/// The whole course as the pipeline sees it: each pass reads what the passes before it filled
/// in and adds its own part, so after any pass it shows what that stage saw (`derive dump`).
public struct Course: Codable, Sendable {
    /// The course's root folder: where `derive.yml` is, and what the notes and site folders are relative to.
    public var root: URL
    /// The course's settings.
    public var configuration: CourseConfiguration
    /// The notes folder, named as diagnostics name it.
    public var directory: NoteDirectory
    /// load: the notes' files, in path order.
    public var noteFiles: [NoteDirectory.File] = []
    /// load: the folder's other files (images, data), which the site copies.
    public var assets: [NoteDirectory.File] = []
    /// parse: the notes that could be read, in path order.
    public var notes: [Note] = []
    /// resolve: `resolutions[i]` resolves `notes[i]`.
    public var resolutions: [NoteResolution] = []
    /// tangle: the Swift each note tangles into.
    public var tangled: [TangledNote] = []
    /// check: the checks' reports; nil until the notes' tests have run.
    public var reports: CheckReports?
    /// check, grading exercises (`derive exercise`): each exercise graded, in course order; nil otherwise.
    public var exerciseGrades: [ExerciseGrade]?
    /// weave: the pages written, relative to the site folder.
    public var pages: [String] = []
    /// Whether the course's outputs are those of its last build with the same inputs, so that
    /// the passes after the one that found it out have nothing to do.
    public var isUnchanged = false
    /// Everything every pass found, in the order found.
    public var diagnostics: [Diagnostic] = []

    /// A course rooted at `root`, set up by `configuration`, with its notes in `directory`.
    public init(root: URL, configuration: CourseConfiguration, directory: NoteDirectory) {
        self.root = root
        self.configuration = configuration
        self.directory = directory
    }
}
