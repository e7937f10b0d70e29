import Dispatch
import Foundation

extension Array {
    /// `map(transform)` on up to `jobs` threads at once, in order: the same result as `map`, and
    /// it returns only once every element is done (the first error thrown, by position, is rethrown).
    public func concurrentMap<T, Failure: Error>(jobs: Int, _ transform: (Element) throws(Failure) -> T) throws(Failure) -> [T] {
        try concurrentMap(jobs: jobs, transform, delivering: { _, _ in })
    }

    /// `concurrentMap(jobs:_:)`, handing each result to `delivered` with its position as soon as
    /// it and every result before it are done: in order, one call at a time, on the thread that
    /// finished the last of them. Nothing after a position that threw is delivered. `delivered`
    /// runs while later elements are being transformed: what it changes, `transform` must not
    /// read (not even as part of a value it copies, such as a struct's `self`).
    public func concurrentMap<T, Failure: Error>(
        jobs: Int, _ transform: (Element) throws(Failure) -> T, delivering delivered: (Int, T) -> Void
    ) throws(Failure) -> [T] {
        let workers = Swift.min(Swift.max(jobs, 1), count)
        guard workers > 1 else {
            return try enumerated().map { position, element throws(Failure) -> T in
                let result = try transform(element)
                delivered(position, result)
                return result
            }
        }
        let results = withoutActuallyEscaping(transform) { transform in
            withoutActuallyEscaping(delivered) { delivered -> [Result<T, Failure>] in
                let slots = UnsafeMutableBufferPointer<Result<T, Failure>?>.allocate(capacity: count)
                slots.initialize(repeating: nil)
                defer {
                    _ = slots.deinitialize()
                    slots.deallocate()
                }
                // Each worker writes only its own slots (every `workers`-th), so no two touch the
                // same one; the next position to deliver is read and moved under `lock`, which also
                // orders each slot's write before its delivery.
                let lock = NSLock()
                nonisolated(unsafe) var next = 0
                nonisolated(unsafe) let shared = (slots: slots, transform: transform, delivered: delivered, elements: self)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for index in stride(from: worker, to: shared.elements.count, by: workers) {
                        let result = Result { () throws(Failure) -> T in try shared.transform(shared.elements[index]) }
                        lock.withLock {
                            shared.slots[index] = result
                            while next < shared.elements.count, case .success(let value)? = shared.slots[next] {
                                shared.delivered(next, value)
                                next += 1
                            }
                        }
                    }
                }
                return slots.map { $0! }
            }
        }
        return try results.map { result throws(Failure) -> T in try result.get() }
    }
}
