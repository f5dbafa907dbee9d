/// A way of answering that differs from the server's default but breaks no documented rule: the mirror of a
/// `Defect`. The suite must fail no case against any of them (warnings are allowed), which is what shows that each
/// tolerance a real client has is also the suite's.
public enum Variation: String, CaseIterable, Sendable, Hashable, Codable {
    case unknownMembers = "unknown-members"
    case routerNotFound = "router-not-found"
    case protocolErrorNames = "protocol-error-names"
    case exampleForms = "example-forms"
    case reorderedMembers = "reordered-members"
    case prettyPrinted = "pretty-printed"
    case lowercaseHeaderNames = "lowercase-header-names"
    case throttledPolls = "throttled-polls"
    case queryNamespaces = "query-namespaces"
    case plainRefusals = "plain-refusals"
    case undocumentedStates = "undocumented-states"
    case codelessNotFound = "codeless-not-found"
    case catalogueCodes = "catalogue-codes"
    case paddedIntegers = "padded-integers"
    case nullOptionalMembers = "null-optional-members"
    case dotNetDates = "dotnet-dates"
    case throttleStorm = "throttle-storm"
    case slowAnswers = "slow-answers"

    /// What the server does differently.
    public var difference: String {
        switch self {
        case .unknownMembers:
            return "every JSON object gains an unknown member, every XML element an unknown attribute and child element"
        case .routerNotFound:
            return
                "a path whose value changes the route (empty, '/', '..') is answered 404 by a router in the API's protocol, before the operation"
        case .protocolErrorNames:
            return
                "Cloud Control answers as awsJson endpoints do (MissingAuthenticationTokenException, IncompleteSignatureException 403, UnrecognizedClientException) and its query form says ValidationError"
        case .exampleForms:
            return
                "answers take the documents' own example forms: Oracle offsets '+0000' and a top-level resourceType, CenturyLink XML StatusDate in UTC with 'Z', CodeCatalyst 'application/json; charset=utf-8'"
        case .reorderedMembers: return "JSON members come in reverse order"
        case .prettyPrinted: return "JSON and XML bodies are indented over several lines"
        case .lowercaseHeaderNames: return "header names are written in lower case"
        case .throttledPolls:
            return
                "the 2nd and 3rd questions about a lifecycle fixture named in the path are throttled as documented, without Retry-After: CodeCatalyst and Oracle 429, S3 Control 503 SlowDown"
        case .queryNamespaces:
            return
                "Cloud Control's query answers are in its namespace (http://cloudcontrolapi.amazonaws.com/doc/2021-09-30/) and its query errors in AWSFault's, as AWS query services answer"
        case .plainRefusals:
            return
                "a CenturyLink format suffix other than XML or JSON is refused by the router: 404 with a plain-text page"
        case .undocumentedStates:
            return "S3 Control spells the states no document enumerates its own way: INPROGRESS for NEW and IN_PROGRESS"
        case .codelessNotFound:
            return
                "a CodeCatalyst space or project that does not exist is answered 404 by the gateway, without a protocol error code"
        case .catalogueCodes:
            return "S3 Control refuses invalid input with InvalidArgument, the other 400 code of S3's catalogue"
        case .paddedIntegers:
            return "CenturyLink's XML integers are written with white space around them (xs:int collapses it)"
        case .nullOptionalMembers:
            return
                "JSON answers give absent optional members as null (Cloud Control, CodeCatalyst, Oracle, CenturyLink)"
        case .throttleStorm:
            return
                "every fifth new request (log-ons aside) is answered with the API's own throttling answer and Retry-After: 0, before the operation runs; the request asked again is served"
        case .slowAnswers:
            return "every answer comes 50 ms late, as a distant or loaded service's do"
        case .dotNetDates:
            return "CenturyLink's JSON StatusDate carries the offset .NET writes for a local time: \\/Date(ms-0700)\\/"
        }
    }
}
