import ConformanceModel
import Foundation

/// What stands before CenturyLink's operation, and its own conforming differences.
extension CenturyLinkAPI {
    func throttled(_ request: WireRequest) -> Reply {
        Reply(status: 503, headers: [("Content-Type", "text/plain")], body: Array("Server busy\n".utf8))
    }

    var optionalMembers: (container: String?, names: [String])? {
        ("RequestDetails", ["ProgressDesc", "RequestTitle", "StepNumber"])
    }

    /// An unknown format suffix refused by the router with a plain page (`plain-refusals`).
    func vary(_ reply: inout Reply, by variations: Set<Variation>, request: WireRequest) {
        let parts = request.segments
        if variations.contains(.plainRefusals), parts.count == 4, parts[1] == "Queue",
            WireFormat(suffix: parts[3]) == nil
        {
            reply = Reply(status: 404, headers: [("Content-Type", "text/plain")], body: Array("Not Found\n".utf8))
        }
    }

    func vary(_ tree: inout JSONTree, _ reply: inout Reply, by variations: Set<Variation>) {
        if variations.contains(.dotNetDates) {
            tree = tree.mappingScalars {
                $0.replacingOccurrences(of: #"Date\((-?[0-9]+)\)"#, with: "Date($1-0700)", options: .regularExpression)
            }
        }
    }

    func vary(xml text: inout String, by variations: Set<Variation>) {
        if variations.contains(.paddedIntegers) {
            text = text.replacingOccurrences(
                of: #"(RequestID|PercentComplete|StepNumber|StatusCode)="(-?[0-9]+)""#, with: "$1=\" $2 \"",
                options: .regularExpression)
        }
        if variations.contains(.exampleForms) {
            text = text.replacingOccurrences(
                of: #"StatusDate="([^"Z]+)""#, with: "StatusDate=\"$1Z\"", options: .regularExpression)
        }
    }
}
