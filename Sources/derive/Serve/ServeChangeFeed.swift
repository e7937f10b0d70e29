import Foundation

/// The build generation the live-reload script waits on: it goes up after every successful build.
actor ServeChangeFeed {
    /// What `/_derive/changes` answers, as JSON.
    struct State: Codable, Equatable, Sendable {
        /// How many builds have succeeded; a page built from an older generation reloads.
        var generation = 0
        /// How many builds have finished, successful or not.
        var builds = 0
        /// Whether the last build failed (the previous site is still served).
        var failed = false
        /// Whether a build is under way.
        var building = false
    }

    /// The state now.
    private(set) var state = State()
    private var waiters: [UUID: CheckedContinuation<State, Never>] = [:]
    private var isClosed = false

    /// Records that a build has started.
    func begin() {
        state.building = true
    }

    /// Records a finished build and wakes every waiting request.
    func record(succeeded: Bool) {
        state.building = false
        state.builds += 1
        state.failed = !succeeded
        if succeeded { state.generation += 1 }
        resumeAll()
    }

    /// The state once its generation differs from `generation`, or after `timeout`, or at once if nil.
    func state(after generation: Int?, timeout: Duration = .seconds(10)) async -> State {
        guard let generation, generation == state.generation, !isClosed else { return state }
        let id = UUID()
        Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        return await withCheckedContinuation { waiters[id] = $0 }
    }

    /// Answers every waiting request now, and every later one at once: the server is stopping.
    func close() {
        isClosed = true
        resumeAll()
    }

    private func expire(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume(returning: state)
    }

    private func resumeAll() {
        let waiting = waiters
        waiters = [:]
        for continuation in waiting.values { continuation.resume(returning: state) }
    }
}
