import Testing

@testable import ConformanceEngine

@Suite("A report's case order")
struct CaseOrderTests {
    @Test("items take the order of their ids; ids it does not know go last, in the order they came")
    func order() {
        let order = CaseOrder(["c", "a", "b", "a"])
        #expect(order.sorted(["x", "b", "a", "y", "c"]) { $0 } == ["c", "a", "b", "x", "y"])
        #expect(order.sorted([String]()) { $0 }.isEmpty)
    }
}
