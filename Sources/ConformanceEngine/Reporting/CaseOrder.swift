/// The order of a report: case ids as derived (or as a plan listed them). Whatever it sorts keeps that order; an id
/// it does not know goes last, in the order it came.
struct CaseOrder {
    private let position: [String: Int]

    init(_ ids: [String]) {
        position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func sorted<Item>(_ items: [Item], id: (Item) -> String) -> [Item] {
        items.enumerated().sorted {
            (position[id($0.element)] ?? Int.max, $0.offset) < (position[id($1.element)] ?? Int.max, $1.offset)
        }.map(\.element)
    }
}
