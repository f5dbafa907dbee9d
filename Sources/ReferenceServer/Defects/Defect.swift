/// A single, realistic deviation the reference server can be told to make, so every kind of check the suite
/// makes is shown to fail on a server that breaks its rule. `expectedFailures` names (as globs over case ids)
/// exactly the cases that must fail, and no others, when the defect is on.
public enum Defect: String, CaseIterable, Sendable, Hashable, Codable {
    case cloudcontrolEventTimeAsString = "cloudcontrol.eventtime-as-string"
    case cloudcontrolAcceptsLongToken = "cloudcontrol.accepts-129-char-token"
    case cloudcontrolAcceptsUnsigned = "cloudcontrol.accepts-unsigned-requests"
    case cloudcontrolMalformedJSONAs500 = "cloudcontrol.malformed-json-as-500"
    case cloudcontrolUnavailableAsHTML200 = "cloudcontrol.unavailable-as-html-200"
    case cloudcontrolDropsConnectionWhenInProgress = "cloudcontrol.drops-connection-when-in-progress"
    case cloudcontrolTricklesXMLWhenFailed = "cloudcontrol.trickles-xml-when-failed"
    case cloudcontrolInternalFailureAs502 = "cloudcontrol.internal-failure-as-502"
    case cloudcontrolIgnoresActionAndVersion = "cloudcontrol.ignores-action-and-version"
    case cloudcontrolRefusesPresigned = "cloudcontrol.refuses-presigned-requests"
    case centurylinkAcceptsDecimalID = "centurylink.accepts-decimal-id"
    case centurylinkSuccessWithErrorStatus = "centurylink.success-with-nonzero-status"
    case centurylinkXMLAsTextPlain = "centurylink.xml-as-text-plain"
    case centurylinkAcceptsUnknownSession = "centurylink.accepts-unknown-session"
    case centurylinkAcceptsEmptySession = "centurylink.accepts-empty-session-cookie"
    case centurylinkServesUnsupportedFormat = "centurylink.serves-unsupported-format"
    case centurylinkRefusesStringID = "centurylink.refuses-request-id-as-string"
    case centurylinkXMLStatusDateLocal = "centurylink.xml-status-date-local"
    case s3controlWrongNamespace = "s3control.wrong-namespace"
    case s3controlIgnoresMissingAccountId = "s3control.ignores-missing-account-id"
    case s3controlEchoesOtherToken = "s3control.echoes-other-token-on-failure"
    case s3controlEntityBomb = "s3control.entity-bomb-when-in-progress"
    case s3controlSucceededAnswersFailed = "s3control.succeeded-answers-failed"
    case s3controlRequestStatusRepeated = "s3control.request-status-repeated"
    case s3controlNameInCapitals = "s3control.mrap-name-in-capitals"
    case s3controlAcceptsAnyDigits = "s3control.accepts-any-digit-account-id"
    case codecatalystAcceptsLongSpaceName = "codecatalyst.accepts-long-spaceName"
    case codecatalystAcceptsConsecutiveSeparators = "codecatalyst.accepts-consecutive-separators"
    case codecatalystAcceptsBracedUUID = "codecatalyst.accepts-braced-uuid"
    case codecatalystConflictWrongCode = "codecatalyst.conflict-as-ResourceConflictException"
    case codecatalystAccessDeniedAsNotFound = "codecatalyst.access-denied-as-not-found"
    case codecatalystInProgressWrongOnce = "codecatalyst.in-progress-wrong-once"
    case codecatalystAcceptsAnyToken = "codecatalyst.accepts-any-bearer-token"
    case codecatalystLowercaseInProgress = "codecatalyst.in-progress-in-lower-case"
    case codecatalystOmitsWorkflowIdOnFailure = "codecatalyst.omits-workflowId-on-failure"
    case codecatalystEndBeforeStart = "codecatalyst.end-before-start"
    case codecatalystNeverFinishes = "codecatalyst.lifecycle-never-finishes"
    case codecatalystStallsWhenInProgress = "codecatalyst.stalls-when-in-progress"
    case codecatalystPatternAllowsTrailingNewline = "codecatalyst.pattern-allows-trailing-newline"
    case codecatalystLocalTimeOffset = "codecatalyst.times-with-local-offset"
    case oracle404As500 = "oracle.404-as-500"
    case oracle412WithoutCode = "oracle.412-without-code"
    case oracleSucceededBelow100 = "oracle.succeeded-below-100"
    case oracleResourceIdAsNumber = "oracle.resource-id-as-number"
    case oracleAcceptsMalformedBearer = "oracle.accepts-malformed-bearer"
    case oracleProgressGoesBackwards = "oracle.progress-goes-backwards"
    case oracleHugeBodyWhenInProgress = "oracle.huge-body-when-in-progress"
    case oracleTrailingCommaWhenFailed = "oracle.trailing-comma-when-failed"
    case oracleMarkupInConflict = "oracle.markup-in-conflict-answer"
    case oracleStatusGivenTwice = "oracle.status-given-twice"
    case oracleResourcesAsStrings = "oracle.resources-as-strings"
    case oracleOmitsOperationType = "oracle.omits-operation-type"

    /// What the server does wrong.
    public var deviation: String {
        switch self {
        case .cloudcontrolEventTimeAsString:
            return "awsJson answers write EventTime as an ISO 8601 string instead of epoch seconds"
        case .cloudcontrolAcceptsLongToken: return "RequestToken length checked as ≤ 129, not ≤ 128"
        case .cloudcontrolAcceptsUnsigned: return "requests without an Authorization header are served"
        case .cloudcontrolMalformedJSONAs500:
            return "an unparsable JSON body gets 500 InternalFailure, not SerializationException"
        case .cloudcontrolUnavailableAsHTML200:
            return "a temporary failure is answered 200 with an HTML maintenance page instead of 503 ServiceUnavailable"
        case .cloudcontrolDropsConnectionWhenInProgress:
            return "the awsJson in-progress answer announces 4096 bytes and closes the connection after 20"
        case .cloudcontrolTricklesXMLWhenFailed:
            return "the query/XML answer for a failed operation arrives one byte every 100 ms"
        case .centurylinkAcceptsDecimalID:
            return "RequestID '1.5' is truncated and looked up instead of rejected with StatusCode 3"
        case .centurylinkSuccessWithErrorStatus: return "success answers say Success=true with StatusCode 2"
        case .centurylinkXMLAsTextPlain: return "XML success answers are labelled text/plain"
        case .centurylinkAcceptsUnknownSession: return "any session cookie value is accepted"
        case .centurylinkAcceptsEmptySession: return "a session cookie with an empty value is accepted"
        case .centurylinkServesUnsupportedFormat: return "a format suffix other than XML or JSON is served as JSON"
        case .centurylinkXMLStatusDateLocal:
            return
                "the XML StatusDate is a local time 7 hours behind GMT, as the seed's XML example is against its JSON one"
        case .centurylinkRefusesStringID:
            return
                "a RequestID written as a JSON string, as the seed's JSON example writes it, is refused with StatusCode 3"
        case .s3controlWrongNamespace: return "answers use the S3 namespace (http://s3.amazonaws.com/doc/2006-03-01/)"
        case .s3controlIgnoresMissingAccountId: return "a missing x-amz-account-id header is not rejected"
        case .s3controlEchoesOtherToken: return "the answer for a failed operation names another token ARN"
        case .s3controlEntityBomb: return "the in-progress answer carries a billion-laughs entity expansion"
        case .s3controlSucceededAnswersFailed: return "the operation behind the succeeded fixture is reported FAILED"
        case .cloudcontrolInternalFailureAs502: return "an internal failure is answered 502, not 500 InternalFailure"
        case .cloudcontrolIgnoresActionAndVersion:
            return "the query form serves any Action and any Version, or none, as GetResourceRequestStatus"
        case .cloudcontrolRefusesPresigned:
            return "a query signed in its query string, as the seed's example is, is refused as unsigned"
        case .s3controlNameInCapitals:
            return "the RequestParameters name the Multi-Region Access Point 'Conformance-MRAP', outside its pattern"
        case .s3controlAcceptsAnyDigits:
            return
                "an account id is only checked for digits: one of any length is accepted and served, not only 12 digits"
        case .oracleResourcesAsStrings: return "resources[] lists the resource types as strings, not resource objects"
        case .oracleOmitsOperationType:
            return "work requests are answered without operationType, which the seed's prose says the details include"
        case .s3controlRequestStatusRepeated:
            return "an operation in progress is answered with RequestStatus twice: IN_PROGRESS (or NEW), then SUCCEEDED"
        case .codecatalystAcceptsLongSpaceName: return "spaceName length checked as ≤ 64, not ≤ 63"
        case .codecatalystAcceptsConsecutiveSeparators: return "names with '..' or '--' pass the pattern check"
        case .codecatalystAcceptsBracedUUID: return "run ids in braces {…} are unwrapped and accepted"
        case .codecatalystConflictWrongCode:
            return "409 answers name ResourceConflictException instead of ConflictException"
        case .codecatalystInProgressWrongOnce:
            return
                "the first answer giving a run IN_PROGRESS writes it in lower case, later ones right: a run with --retry-failed reports the case flaky"
        case .codecatalystAccessDeniedAsNotFound:
            return
                "a run the valid token may not read is answered 404 ResourceNotFoundException, not 403 AccessDeniedException"
        case .codecatalystAcceptsAnyToken: return "any bearer token is accepted"
        case .codecatalystLowercaseInProgress: return "IN_PROGRESS is written in lower case"
        case .codecatalystOmitsWorkflowIdOnFailure: return "failed runs are answered without the required workflowId"
        case .codecatalystEndBeforeStart: return "endTime is written one minute before startTime"
        case .codecatalystNeverFinishes: return "the lifecycle fixture stays IN_PROGRESS forever"
        case .codecatalystStallsWhenInProgress: return "the in-progress answer is delayed for 60 seconds"
        case .codecatalystPatternAllowsTrailingNewline:
            return "names and ids are matched with ^…$, so a value with a trailing line break passes"
        case .codecatalystLocalTimeOffset:
            return "timestamps are written with a +02:00 offset, not in UTC as documented"
        case .oracle404As500: return "unknown work requests get 500 instead of 404"
        case .oracle412WithoutCode: return "412 answers have no 'code' in the body"
        case .oracleSucceededBelow100: return "a SUCCEEDED work request reports percentComplete 90"
        case .oracleResourceIdAsNumber: return "resources[].id is written as a number"
        case .oracleAcceptsMalformedBearer: return "an Authorization header 'Bearer' without a token is accepted"
        case .oracleProgressGoesBackwards:
            return "percentComplete goes from 40 back to 20 on the third poll of the lifecycle fixture"
        case .oracleHugeBodyWhenInProgress: return "the in-progress answer streams a 64 MiB body"
        case .oracleTrailingCommaWhenFailed:
            return "the failed work request's JSON ends with a trailing comma, as the seed's Example 2"
        case .oracleStatusGivenTwice:
            return "the failed work request's JSON gives \"status\" twice: \"FAILED\", then \"SUCCEEDED\""
        case .oracleMarkupInConflict:
            return
                "the conflict is answered 500 without a code, and its message and a header carry HTML and script (a hostile server for the reports)"
        }
    }

    /// Globs over case ids: exactly the cases that must fail with this defect on.
    public var expectedFailures: [String] {
        switch self {
        case .cloudcontrolEventTimeAsString:
            return [
                "cloudcontrol.json.response.*", "cloudcontrol.json.lifecycle",
                "cloudcontrol.json.RequestToken.sample.1",
                "cloudcontrol.json.RequestToken.pattern.valid",
            ]
        case .cloudcontrolAcceptsLongToken: return ["cloudcontrol.*.RequestToken.length.max+1"]
        case .cloudcontrolAcceptsUnsigned: return ["cloudcontrol.*.auth.missing"]
        case .cloudcontrolMalformedJSONAs500: return []
        case .cloudcontrolUnavailableAsHTML200: return ["cloudcontrol.*.errors.ServiceUnavailable"]
        case .cloudcontrolDropsConnectionWhenInProgress: return ["cloudcontrol.json.response.in-progress"]
        case .cloudcontrolTricklesXMLWhenFailed: return ["cloudcontrol.xml.response.failed"]
        case .centurylinkAcceptsDecimalID:
            return ["centurylink.*.RequestID.type.decimal", "centurylink.*.RequestID.pattern.char-dot"]
        case .centurylinkSuccessWithErrorStatus:
            return [
                "centurylink.*.response.*", "centurylink.*.lifecycle", "centurylink.*.RequestID.sample.1",
                "centurylink.*.RequestID.pattern.valid", "centurylink.xml.RequestID.pattern.char-space",
                "centurylink.xml.RequestID.pattern.trailing-newline",
            ]
        case .centurylinkXMLAsTextPlain:
            return [
                "centurylink.xml.response.*", "centurylink.xml.lifecycle", "centurylink.xml.RequestID.sample.1",
                "centurylink.xml.RequestID.pattern.valid", "centurylink.xml.RequestID.pattern.char-space",
                "centurylink.xml.RequestID.pattern.trailing-newline",
            ]
        case .centurylinkAcceptsUnknownSession: return ["centurylink.*.auth.invalid"]
        case .centurylinkAcceptsEmptySession: return ["centurylink.*.auth.malformed"]
        case .centurylinkXMLStatusDateLocal: return []
        case .centurylinkRefusesStringID: return []
        case .centurylinkServesUnsupportedFormat: return ["centurylink.json.errors.unsupported-format"]
        case .s3controlWrongNamespace: return ["s3control.response.*", "s3control.lifecycle"]
        case .s3controlIgnoresMissingAccountId: return ["s3control.AccountId.required.missing"]
        case .s3controlEchoesOtherToken: return ["s3control.response.failed"]
        case .s3controlEntityBomb: return ["s3control.response.in-progress"]
        case .s3controlSucceededAnswersFailed: return ["s3control.response.succeeded"]
        case .s3controlRequestStatusRepeated: return ["s3control.response.in-progress", "s3control.lifecycle"]
        case .cloudcontrolInternalFailureAs502: return ["cloudcontrol.*.errors.InternalFailure"]
        case .cloudcontrolIgnoresActionAndVersion:
            return ["cloudcontrol.xml.errors.InvalidAction", "cloudcontrol.xml.errors.MissingAction"]
        case .cloudcontrolRefusesPresigned: return ["cloudcontrol.xml.auth.presigned"]
        case .s3controlNameInCapitals: return ["s3control.response.*", "s3control.lifecycle"]
        case .s3controlAcceptsAnyDigits:
            return ["s3control.AccountId.pattern.shorter", "s3control.AccountId.pattern.longer"]
        case .oracleResourcesAsStrings, .oracleOmitsOperationType:
            return ["oracle.response.*", "oracle.lifecycle", "oracle.id.sample.*"]
        case .codecatalystAcceptsLongSpaceName: return ["codecatalyst.spaceName.length.max+1"]
        case .codecatalystAcceptsConsecutiveSeparators:
            return ["codecatalyst.spaceName.pattern.dotdot", "codecatalyst.projectName.pattern.dotdot"]
        case .codecatalystAcceptsBracedUUID: return ["codecatalyst.id.uuid.braces"]
        case .codecatalystConflictWrongCode: return ["codecatalyst.errors.ConflictException"]
        case .codecatalystAccessDeniedAsNotFound: return ["codecatalyst.errors.AccessDeniedException"]
        case .codecatalystInProgressWrongOnce: return ["codecatalyst.response.in-progress"]
        case .codecatalystAcceptsAnyToken: return ["codecatalyst.auth.invalid"]
        case .codecatalystLowercaseInProgress: return ["codecatalyst.response.in-progress", "codecatalyst.lifecycle"]
        case .codecatalystOmitsWorkflowIdOnFailure: return ["codecatalyst.response.failed"]
        case .codecatalystEndBeforeStart:
            return [
                "codecatalyst.response.succeeded", "codecatalyst.response.failed", "codecatalyst.lifecycle",
                "codecatalyst.spaceName.sample.1", "codecatalyst.spaceName.pattern.valid",
                "codecatalyst.projectName.sample.1", "codecatalyst.projectName.pattern.valid",
            ]
        case .codecatalystNeverFinishes: return ["codecatalyst.lifecycle"]
        case .codecatalystStallsWhenInProgress: return ["codecatalyst.response.in-progress"]
        case .codecatalystPatternAllowsTrailingNewline:
            return [
                "codecatalyst.spaceName.pattern.trailing-newline", "codecatalyst.projectName.pattern.trailing-newline",
                "codecatalyst.id.uuid.trailing-newline",
            ]
        case .codecatalystLocalTimeOffset:
            return [
                "codecatalyst.response.*", "codecatalyst.lifecycle",
                "codecatalyst.spaceName.sample.1", "codecatalyst.spaceName.pattern.valid",
                "codecatalyst.projectName.sample.1", "codecatalyst.projectName.pattern.valid",
            ]
        case .oracle404As500: return ["oracle.errors.404"]
        case .oracle412WithoutCode: return []
        case .oracleSucceededBelow100: return ["oracle.response.succeeded", "oracle.lifecycle", "oracle.id.sample.*"]
        case .oracleResourceIdAsNumber: return ["oracle.response.*", "oracle.lifecycle", "oracle.id.sample.*"]
        case .oracleAcceptsMalformedBearer: return ["oracle.auth.malformed"]
        case .oracleProgressGoesBackwards: return ["oracle.lifecycle"]
        case .oracleHugeBodyWhenInProgress: return ["oracle.response.in-progress"]
        case .oracleTrailingCommaWhenFailed: return ["oracle.response.failed"]
        case .oracleMarkupInConflict: return ["oracle.errors.409"]
        case .oracleStatusGivenTwice: return ["oracle.response.failed"]
        }
    }

    /// Globs over case ids: exactly the cases that must pass with a warning, for a defect that breaks only a
    /// recommended rule (under `--strict` these fail).
    public var expectedWarnings: [String] {
        switch self {
        case .cloudcontrolMalformedJSONAs500: return ["cloudcontrol.json.errors.SerializationException"]
        // The seed hides the members of Oracle's Error schema: `code` is the profile's reading, so its absence warns.
        case .oracle412WithoutCode: return ["oracle.errors.412"]
        // The seed's table types RequestID Int and its JSON example writes a string: neither reading can fail.
        case .centurylinkRefusesStringID, .centurylinkSuccessWithErrorStatus:
            return ["centurylink.json.RequestID.sample.2"]
        // The seed's prose says GMT and its examples differ by 7 hours: a difference only warns.
        case .centurylinkXMLStatusDateLocal: return ["centurylink.response.status-date-agrees"]
        // What a Version the API lacks gets is the protocol's convention: serving it anyway only warns.
        case .cloudcontrolIgnoresActionAndVersion:
            return ["cloudcontrol.xml.errors.UnknownVersion", "cloudcontrol.xml.errors.MissingVersion"]
        default: return []
        }
    }

    public var api: String { String(rawValue.prefix { $0 != "." }) }
}
