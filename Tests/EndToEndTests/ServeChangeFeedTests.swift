import Testing

@testable import derive

@Suite("serve's change feed")
struct ServeChangeFeedTests {
    @Test("says which pages changed since a generation, and everything for one it no longer remembers")
    func remembersTheRecentGenerations() async {
        let feed = ServeChangeFeed()
        for page in 1...(ServeChangeFeed.remembered + 5) { await feed.recordPages(["\(page).html"]) }
        let last = ServeChangeFeed.remembered + 5
        #expect(await feed.state(after: last - 2).changed == ["\(last - 1).html", "\(last).html"])
        #expect(await feed.state(after: last - ServeChangeFeed.remembered).changed?.count == ServeChangeFeed.remembered)
        #expect(await feed.state(after: 1).changed == nil, "a forgotten generation reloads every page")
    }

    @Test("a build whose changes are not known reloads every page built before it")
    func anUnknownChangeReloadsEverything() async {
        let feed = ServeChangeFeed()
        await feed.recordPages(["a.html"])
        await feed.record(succeeded: true, changed: nil)
        await feed.recordPages(["b.html"])
        #expect(await feed.state(after: 2).changed == ["b.html"])
        #expect(await feed.state(after: 1).changed == nil)
        await feed.record(succeeded: false, changed: ["c.html"])
        #expect(await feed.state(after: nil).generation == 3, "a failed build is not a generation")
    }
}
