import Dispatch

extension Array {
    /// `map(transform)` on up to `jobs` threads at once, in order: the same result as `map`, and
    /// it returns only once every element is done (the first error thrown, by position, is rethrown).
    public func concurrentMap<T, Failure: Error>(jobs: Int, _ transform: (Element) throws(Failure) -> T) throws(Failure) -> [T] {
        let workers = Swift.min(Swift.max(jobs, 1), count)
        guard workers > 1 else { return try map(transform) }
        let results = withoutActuallyEscaping(transform) { transform -> [Result<T, Failure>] in
            let slots = UnsafeMutableBufferPointer<Result<T, Failure>?>.allocate(capacity: count)
            slots.initialize(repeating: nil)
            defer {
                _ = slots.deinitialize()
                slots.deallocate()
            }
            // Each worker writes only its own slots (every `workers`-th), so no two touch the same one.
            nonisolated(unsafe) let shared = (slots: slots, transform: transform, elements: self)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: shared.elements.count, by: workers) {
                    shared.slots[index] = Result { () throws(Failure) -> T in try shared.transform(shared.elements[index]) }
                }
            }
            return slots.map { $0! }
        }
        return try results.map { result throws(Failure) -> T in try result.get() }
    }
}
