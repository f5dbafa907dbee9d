/// The order of a report: case ids as derived (or as a plan listed them). Whatever it sorts keeps that order; an id
/// it does not know goes last, in the order it came.
struct CaseOrder {
    private let position: [String: Int]

    init(_ ids: [String]) {
        position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Each item's place is looked up once, not at every comparison.
    func sorted<Item>(_ items: [Item], id: (Item) -> String) -> [Item] {
        let places = items.map { position[id($0)] ?? Int.max }
        return items.indices.sorted { (places[$0], $0) < (places[$1], $1) }.map { items[$0] }
    }
}
