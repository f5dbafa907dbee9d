/// What stands before Cloud Control's operation, and its own conforming differences.
extension CloudControlAPI {
    func throttled(_ request: WireRequest) -> Reply {
        Self.error(request.method == "POST" ? .json : .xml, 400, "ThrottlingException", "Rate exceeded")
    }

    var optionalMembers: (container: String?, names: [String])? {
        ("ProgressEvent", ["ErrorCode", "StatusMessage", "RetryAfter", "ResourceModel", "Identifier"])
    }

    /// The query protocol's names (what the server answers) and the awsJson names AWS's JSON endpoints use.
    private static let awsJsonNames = [
        ("MissingAuthenticationToken", "MissingAuthenticationTokenException"),
        ("IncompleteSignature", "IncompleteSignatureException"),
        ("InvalidClientTokenId", "UnrecognizedClientException"),
    ]

    func vary(_ tree: inout JSONTree, _ reply: inout Reply, by variations: Set<Variation>) {
        guard variations.contains(.protocolErrorNames) else { return }
        tree = tree.mappingObjects { members in
            members.map { member in
                guard member.key == "\"__type\"", case .scalar(let text) = member.value else { return member }
                for (query, json) in Self.awsJsonNames where text.hasSuffix("#\(query)\"") {
                    reply.status = 403
                    return (member.key, .scalar(text.replacingOccurrences(of: "#\(query)\"", with: "#\(json)\"")))
                }
                return member
            }
        }
    }

    func vary(xml text: inout String, by variations: Set<Variation>) {
        if variations.contains(.protocolErrorNames) {
            text = text.replacingOccurrences(
                of: "<Code>ValidationException</Code>", with: "<Code>ValidationError</Code>")
        }
        if variations.contains(.queryNamespaces) {
            text = text.replacingOccurrences(
                of: "<GetResourceRequestStatusResponse>",
                with:
                    "<GetResourceRequestStatusResponse xmlns=\"http://cloudcontrolapi.amazonaws.com/doc/2021-09-30/\">")
            text = text.replacingOccurrences(
                of: "<ErrorResponse>",
                with: "<ErrorResponse xmlns=\"http://webservices.amazon.com/AWSFault/2005-15-09\">")
        }
    }
}
