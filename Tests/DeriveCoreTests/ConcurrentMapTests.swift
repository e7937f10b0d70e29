import DeriveCore
import Foundation
import Testing

@Suite("concurrentMap: map's result on several threads, delivered in order as it comes")
struct ConcurrentMapTests {
    private struct Odd: Error, Equatable {
        var value: Int
    }

    @Test(arguments: [1, 2, 4])
    func givesMapsResultAndDeliversEachInOrder(jobs: Int) {
        let numbers = Array(0..<200)
        var delivered: [Int] = []
        let squares = numbers.concurrentMap(jobs: jobs) { number in
            // The first elements finish last, so later results wait for them.
            if number < 3 { usleep(20_000) }
            return number * number
        } delivering: { position, square in
            #expect(square == position * position)
            delivered.append(position)
        }
        #expect(squares == numbers.map { $0 * $0 })
        #expect(delivered == Array(numbers.indices))
    }

    @Test(arguments: [1, 2, 4])
    func rethrowsTheFirstErrorByPositionAndDeliversNothingAfterIt(jobs: Int) {
        var delivered: [Int] = []
        #expect(throws: Odd(value: 51)) {
            _ = try Array(0..<100).concurrentMap(jobs: jobs) { (number: Int) throws(Odd) -> Int in
                if number > 50 && number % 2 == 1 { throw Odd(value: number) }
                return number
            } delivering: { position, _ in
                delivered.append(position)
            }
        }
        #expect(delivered == Array(0...50))
    }
}
