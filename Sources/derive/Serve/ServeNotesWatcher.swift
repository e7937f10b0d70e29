import Foundation

/// Watches the notes folder by looking at the files' inodes, modification times and sizes, and
/// calls back once a change has settled (two looks in a row see the same files), so one save
/// means one rebuild. Where Linux's inotify is available, it wakes the watcher the moment a file
/// is written (`ServeFolderEvents`), and a look every quarter of a second catches what it cannot
/// see (network mounts, containers' bind mounts); elsewhere the watcher polls, at an interval that
/// follows what a look costs, so a small course is seen within tens of milliseconds and a big one
/// never takes more than a tenth of a core.
struct ServeNotesWatcher: Sendable {
    /// The folder of notes, read recursively (hidden files, like editors' swap files, are ignored).
    let notes: URL
    /// A folder never watched: the site, when it lies inside the notes folder.
    let excluding: URL
    /// The shortest time between two looks (each a stat of every note: about 1 ms for 1,000 notes).
    var interval: Duration = .milliseconds(20)
    /// How many times a look's own cost the watcher waits between looks, at least.
    var costFactor = 10
    /// How long a change must stay still before the callback runs.
    var settle: Duration = .milliseconds(10)
    /// How often the watcher looks when inotify wakes it.
    var inotifyInterval: Duration = .milliseconds(250)

    /// Each file's modification time and size, by path.
    typealias Snapshot = [String: FileStamp]

    /// What is compared between polls.
    struct FileStamp: Equatable, Sendable {
        /// The inode (a save through a rename changes it).
        var inode: UInt64
        /// The modification time, in nanoseconds since 1970.
        var modified: Int
        /// The size in bytes.
        var size: Int
    }

    /// Polls until cancelled, calling `onChange` with the paths of the files changed, added or
    /// removed after each settled change since `last` (never two at once).
    func watch(since last: Snapshot, onChange: @Sendable (_ changed: Set<String>) async -> Void) async throws {
        var last = last
        var wait = interval
        let clock = ContinuousClock()
        let events = ServeFolderEvents()
        events?.watch(look().folders)
        while true {
            if let events {
                await events.wait(timeout: inotifyInterval)
                try Task.checkCancellation()
            } else {
                try await Task.sleep(for: wait)
            }
            let started = clock.now
            var (current, folders) = look()
            wait = max(interval, (clock.now - started) * costFactor)
            guard current != last else { continue }
            while true {
                try await Task.sleep(for: settle)
                let again = look()
                if again.files == current { break }
                (current, folders) = again
            }
            events?.watch(folders)
            let changed = Set(current.keys).union(last.keys).filter { current[$0] != last[$0] }
            last = current
            await onChange(changed)
        }
    }

    /// The files of the notes folder now: its regular files and links to them, in every folder
    /// but hidden ones and the excluded one (a stat of each, with no URL made: about 1 ms for
    /// 1,000 notes).
    func snapshot() -> Snapshot {
        look().files
    }

    /// The files of the notes folder, and the folders read to find them.
    private func look() -> (files: Snapshot, folders: [String]) {
        let skipped = excluding.standardizedFileURL.path
        var result = Snapshot()
        var seen: [String] = []
        var folders = [notes.standardizedFileURL.path]
        while let folder = folders.popLast() {
            seen.append(folder)
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
                guard !name.hasPrefix(".") else { continue }  // hidden files, editors' swap files, . and ..
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    if path != skipped { folders.append(path) }
                    continue
                }
                if info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) != 0 { continue }
                guard info.st_mode & S_IFMT == S_IFREG else { continue }
                result[path] = FileStamp(
                    inode: UInt64(info.st_ino), modified: info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec, size: Int(info.st_size))
            }
        }
        return (result, seen)
    }
}
