/// The defects that change only an answer, applied to the finished answer in this one place, as the variations are:
/// the handlers stay the faithful answer. Each rewrite is made once, so one that keeps state keeps it for the
/// server's life.
struct WireDefects: Sendable {
    private let rewrites: [(api: String, rewrite: WireRewrite)]

    init(chosen: Set<Defect>) {
        rewrites = chosen.sorted { $0.rawValue < $1.rawValue }.compactMap { defect in
            guard case .rewrite(let rewrite) = defect.spec.effect else { return nil }
            return (defect.api, rewrite)
        }
    }

    func apply(to reply: Reply, api: String?) -> Reply {
        var reply = reply
        for (owner, rewrite) in rewrites where owner == api { rewrite.change(&reply) }
        return reply
    }
}
