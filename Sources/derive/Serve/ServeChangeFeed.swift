import Foundation

/// The build generation the live-reload script waits on: it goes up after every successful build
/// and every page written outside one, each generation with the pages it changed, so that an open page
/// whose file did not change stays as it is.
actor ServeChangeFeed {
    /// What `/_derive/changes` answers, as JSON.
    struct State: Codable, Equatable, Sendable {
        /// How many builds have succeeded and pages been written outside one; a page built from
        /// an older generation reloads, unless `changed` leaves it out.
        var generation = 0
        /// How many builds have finished, successful or not (previews are not counted).
        var builds = 0
        /// Whether the last build failed (the previous site is still served).
        var failed = false
        /// Whether a build is under way.
        var building = false
        /// The site's files (paths relative to it) changed since the generation asked about, or
        /// nil when that is not known or a file other than a page changed (every page reloads).
        var changed: [String]?
    }

    /// The state now.
    private(set) var state = State()
    /// What each of the last `remembered` generations changed, nil when not known; a page built
    /// from an older generation reloads whatever changed.
    private var changes: [Int: Set<String>?] = [:]
    /// How many generations `changes` keeps, so that a long session's feed stays small.
    static let remembered = 100
    private var waiters: [UUID: (since: Int, continuation: CheckedContinuation<State, Never>)] = [:]
    private var isClosed = false

    /// Records that a build has started.
    func begin() {
        state.building = true
    }

    /// Records a finished build, which changed the site's files `changed` (nil when not known),
    /// and wakes every waiting request.
    func record(succeeded: Bool, changed: Set<String>?) {
        state.building = false
        state.builds += 1
        state.failed = !succeeded
        if succeeded { advance(changed) }
        resumeAll()
    }

    /// Records pages written (or put back) outside a build, and wakes every waiting request.
    func recordPages(_ pages: Set<String>) {
        advance(pages)
        resumeAll()
    }

    /// The state once its generation differs from `generation`, or after `timeout`, or at once if
    /// nil; `changed` says what changed since `generation`.
    func state(after generation: Int?, timeout: Duration = .seconds(10)) async -> State {
        guard let generation else { return state }
        guard generation == state.generation, !isClosed else { return state(since: generation) }
        let id = UUID()
        Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        return await withCheckedContinuation { waiters[id] = (generation, $0) }
    }

    /// Answers every waiting request now, and every later one at once: the server is stopping.
    func close() {
        isClosed = true
        resumeAll()
    }

    private func advance(_ changed: Set<String>?) {
        state.generation += 1
        changes[state.generation] = changed
        changes[state.generation - Self.remembered] = nil
    }

    /// The state now, with what changed since `generation`.
    private func state(since generation: Int) -> State {
        var answer = state
        guard generation >= 0, generation < state.generation else { return answer }
        var changed = Set<String>()
        for later in (generation + 1)...state.generation {
            guard let files = changes[later] ?? nil else { return answer }
            changed.formUnion(files)
        }
        answer.changed = changed.sorted()
        return answer
    }

    private func expire(_ id: UUID) {
        guard let waiter = waiters.removeValue(forKey: id) else { return }
        waiter.continuation.resume(returning: state(since: waiter.since))
    }

    private func resumeAll() {
        let waiting = waiters
        waiters = [:]
        for waiter in waiting.values { waiter.continuation.resume(returning: state(since: waiter.since)) }
    }
}
