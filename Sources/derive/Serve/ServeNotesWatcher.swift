import Foundation

/// Watches the notes folder by polling the files' modification times and sizes, and calls back once
/// a change has settled (two polls in a row see the same files), so one save means one rebuild.
/// Polling works on every file system (network mounts and containers' bind mounts included);
/// its interval follows what a poll costs, so a small course is seen within tens of milliseconds
/// and a big one never takes more than a tenth of a core.
struct ServeNotesWatcher: Sendable {
    /// The folder of notes, read recursively (hidden files, like editors' swap files, are ignored).
    let notes: URL
    /// A folder never watched: the site, when it lies inside the notes folder.
    let excluding: URL
    /// The shortest time between two looks (each a stat of every note: about 2 ms for 1,000 notes).
    var interval: Duration = .milliseconds(20)
    /// How many times a look's own cost the watcher waits between looks, at least.
    var costFactor = 10
    /// How long a change must stay still before the callback runs.
    var settle: Duration = .milliseconds(30)

    /// Each file's modification time and size, by path.
    typealias Snapshot = [String: FileStamp]

    /// What is compared between polls.
    struct FileStamp: Equatable, Sendable {
        /// The modification time.
        var modified: Date?
        /// The size in bytes.
        var size: Int?
    }

    /// Polls until cancelled, calling `onChange` after each settled change since `last` (never two
    /// at once).
    func watch(since last: Snapshot, onChange: @Sendable () async -> Void) async throws {
        var last = last
        var wait = interval
        let clock = ContinuousClock()
        while true {
            try await Task.sleep(for: wait)
            let started = clock.now
            var current = snapshot()
            wait = max(interval, (clock.now - started) * costFactor)
            guard current != last else { continue }
            while true {
                try await Task.sleep(for: settle)
                let again = snapshot()
                if again == current { break }
                current = again
            }
            last = current
            await onChange()
        }
    }

    /// The files of the notes folder now.
    func snapshot() -> Snapshot {
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        guard let files = FileManager.default.enumerator(
            at: notes, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [:] }
        let skipped = excluding.standardizedFileURL.path + "/"
        var result = Snapshot()
        for case let file as URL in files {
            let path = file.standardizedFileURL.path
            if (path + "/").hasPrefix(skipped) {
                files.skipDescendants()
                continue
            }
            guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            result[path] = FileStamp(modified: values.contentModificationDate, size: values.fileSize)
        }
        return result
    }
}
