/// A single, realistic deviation the reference server can be told to make, so every kind of check the suite
/// makes is shown to fail on a server that breaks its rule. Each is one entry of `spec`: what it changes, the cases
/// it fails and warns (globs over case ids, exactly those and no others), and how it is done.
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
    public var deviation: String { spec.deviation }

    /// Globs over case ids: exactly the cases that must fail with this defect on.
    public var expectedFailures: [String] { spec.fails }

    /// Globs over case ids: exactly the cases that must pass with a warning, for a defect that breaks only a
    /// recommended rule (under `--strict` these fail).
    public var expectedWarnings: [String] { spec.warns }

    public var api: String { String(rawValue.prefix { $0 != "." }) }

    /// The table: one entry per defect.
    var spec: DefectSpec {
        switch self {
        case .cloudcontrolEventTimeAsString:
            return DefectSpec(
                deviation: "awsJson answers write EventTime as an ISO 8601 string instead of epoch seconds",
                fails: [
                    "cloudcontrol.json.response.*", "cloudcontrol.json.lifecycle",
                    "cloudcontrol.json.RequestToken.sample.1", "cloudcontrol.json.RequestToken.pattern.valid",
                ], effect: .rewrite(.cloudControlEventTimeAsString))
        case .cloudcontrolAcceptsLongToken:
            return DefectSpec(
                deviation: "RequestToken length checked as ≤ 129, not ≤ 128",
                fails: ["cloudcontrol.*.RequestToken.length.max+1"], effect: .input(.oneLonger("RequestToken")))
        case .cloudcontrolAcceptsUnsigned:
            return DefectSpec(
                deviation: "requests without an Authorization header are served",
                fails: ["cloudcontrol.*.auth.missing"], effect: .auth(.acceptsUnsigned))
        case .cloudcontrolMalformedJSONAs500:
            return DefectSpec(
                deviation: "an unparsable JSON body gets 500 InternalFailure, not SerializationException", fails: [],
                warns: ["cloudcontrol.json.errors.SerializationException"],
                effect: .rewrite(.cloudControlMalformedJSONAs500))
        case .cloudcontrolUnavailableAsHTML200:
            return DefectSpec(
                deviation:
                    "a temporary failure is answered 200 with an HTML maintenance page instead of 503 ServiceUnavailable",
                fails: ["cloudcontrol.*.errors.ServiceUnavailable"], effect: .rewrite(.cloudControlUnavailableAsHTML200)
            )
        case .cloudcontrolDropsConnectionWhenInProgress:
            return DefectSpec(
                deviation: "the awsJson in-progress answer announces 4096 bytes and closes the connection after 20",
                fails: ["cloudcontrol.json.response.in-progress"],
                effect: .rewrite(.cloudControlDropsConnectionWhenInProgress))
        case .cloudcontrolTricklesXMLWhenFailed:
            return DefectSpec(
                deviation: "the query/XML answer for a failed operation arrives one byte every 100 ms",
                fails: ["cloudcontrol.xml.response.failed"], effect: .rewrite(.cloudControlTricklesXMLWhenFailed))
        case .cloudcontrolInternalFailureAs502:
            return DefectSpec(
                deviation: "an internal failure is answered 502, not 500 InternalFailure",
                fails: ["cloudcontrol.*.errors.InternalFailure"], effect: .rewrite(.cloudControlInternalFailureAs502))
        case .cloudcontrolIgnoresActionAndVersion:
            // What a Version the API lacks gets is the protocol's convention: serving it anyway only warns.
            return DefectSpec(
                deviation: "the query form serves any Action and any Version, or none, as GetResourceRequestStatus",
                fails: ["cloudcontrol.xml.errors.InvalidAction", "cloudcontrol.xml.errors.MissingAction"],
                warns: ["cloudcontrol.xml.errors.UnknownVersion", "cloudcontrol.xml.errors.MissingVersion"],
                effect: .input(.fixedParametersUnchecked))
        case .cloudcontrolRefusesPresigned:
            return DefectSpec(
                deviation: "a query signed in its query string, as the seed's example is, is refused as unsigned",
                fails: ["cloudcontrol.xml.auth.presigned"], effect: .auth(.refusesPresigned))
        case .centurylinkAcceptsDecimalID:
            return DefectSpec(
                deviation: "RequestID '1.5' is truncated and looked up instead of rejected with StatusCode 3",
                fails: ["centurylink.*.RequestID.type.decimal", "centurylink.*.RequestID.pattern.char-dot"],
                effect: .input(.truncatesDecimal("RequestID")))
        case .centurylinkSuccessWithErrorStatus:
            // The seed's table types RequestID Int and its JSON example writes a string: neither reading can fail.
            return DefectSpec(
                deviation: "success answers say Success=true with StatusCode 2",
                fails: [
                    "centurylink.*.response.*", "centurylink.*.lifecycle", "centurylink.*.RequestID.sample.1",
                    "centurylink.*.RequestID.pattern.valid", "centurylink.xml.RequestID.pattern.char-space",
                    "centurylink.xml.RequestID.pattern.trailing-newline",
                ], warns: ["centurylink.json.RequestID.sample.2"], effect: .rewrite(.centuryLinkSuccessWithErrorStatus))
        case .centurylinkXMLAsTextPlain:
            return DefectSpec(
                deviation: "XML success answers are labelled text/plain",
                fails: [
                    "centurylink.xml.response.*", "centurylink.xml.lifecycle", "centurylink.xml.RequestID.sample.1",
                    "centurylink.xml.RequestID.pattern.valid", "centurylink.xml.RequestID.pattern.char-space",
                    "centurylink.xml.RequestID.pattern.trailing-newline",
                ], effect: .rewrite(.centuryLinkXMLAsTextPlain))
        case .centurylinkAcceptsUnknownSession:
            return DefectSpec(
                deviation: "any session cookie value is accepted", fails: ["centurylink.*.auth.invalid"],
                effect: .auth(.acceptsAnySession))
        case .centurylinkAcceptsEmptySession:
            return DefectSpec(
                deviation: "a session cookie with an empty value is accepted", fails: ["centurylink.*.auth.malformed"],
                effect: .auth(.acceptsEmptySession))
        case .centurylinkServesUnsupportedFormat:
            return DefectSpec(
                deviation: "a format suffix other than XML or JSON is served as JSON",
                fails: ["centurylink.json.errors.unsupported-format"], effect: .input(.servesUnknownFormat))
        case .centurylinkRefusesStringID:
            // The seed's table types RequestID Int and its JSON example writes a string: neither reading can fail.
            return DefectSpec(
                deviation:
                    "a RequestID written as a JSON string, as the seed's JSON example writes it, is refused with StatusCode 3",
                fails: [], warns: ["centurylink.json.RequestID.sample.2"],
                effect: .input(.refusesStringWritten("RequestID")))
        case .centurylinkXMLStatusDateLocal:
            // The seed's prose says GMT and its examples differ by 7 hours: a difference only warns.
            return DefectSpec(
                deviation:
                    "the XML StatusDate is a local time 7 hours behind GMT, as the seed's XML example is against its JSON one",
                fails: [], warns: ["centurylink.response.status-date-agrees"],
                effect: .rewrite(.centuryLinkXMLStatusDateLocal))
        case .s3controlWrongNamespace:
            return DefectSpec(
                deviation: "answers use the S3 namespace (http://s3.amazonaws.com/doc/2006-03-01/)",
                fails: ["s3control.response.*", "s3control.lifecycle"], effect: .rewrite(.s3ControlWrongNamespace))
        case .s3controlIgnoresMissingAccountId:
            return DefectSpec(
                deviation: "a missing x-amz-account-id header is not rejected",
                fails: ["s3control.AccountId.required.missing"], effect: .input(.defaultWhenMissing("AccountId")))
        case .s3controlEchoesOtherToken:
            return DefectSpec(
                deviation: "the answer for a failed operation names another token ARN",
                fails: ["s3control.response.failed"], effect: .rewrite(.s3ControlEchoesOtherToken))
        case .s3controlEntityBomb:
            return DefectSpec(
                deviation: "the in-progress answer carries a billion-laughs entity expansion",
                fails: ["s3control.response.in-progress"], effect: .rewrite(.s3ControlEntityBomb))
        case .s3controlSucceededAnswersFailed:
            return DefectSpec(
                deviation: "the operation behind the succeeded fixture is reported FAILED",
                fails: ["s3control.response.succeeded"], effect: .rewrite(.s3ControlSucceededAnswersFailed))
        case .s3controlRequestStatusRepeated:
            return DefectSpec(
                deviation:
                    "an operation in progress is answered with RequestStatus twice: IN_PROGRESS (or NEW), then SUCCEEDED",
                fails: ["s3control.response.in-progress", "s3control.lifecycle"],
                effect: .rewrite(.s3ControlRequestStatusRepeated))
        case .s3controlNameInCapitals:
            return DefectSpec(
                deviation:
                    "the RequestParameters name the Multi-Region Access Point 'Conformance-MRAP', outside its pattern",
                fails: ["s3control.response.*", "s3control.lifecycle"], effect: .rewrite(.s3ControlNameInCapitals))
        case .s3controlAcceptsAnyDigits:
            return DefectSpec(
                deviation:
                    "an account id is only checked for digits: one of any length is accepted and served, not only 12 digits",
                fails: ["s3control.AccountId.pattern.shorter", "s3control.AccountId.pattern.longer"],
                effect: .input(.anyDigits("AccountId", maxLength: 64)))
        case .codecatalystAcceptsLongSpaceName:
            return DefectSpec(
                deviation: "spaceName length checked as ≤ 64, not ≤ 63", fails: ["codecatalyst.spaceName.length.max+1"],
                effect: .input(.oneLonger("spaceName")))
        case .codecatalystAcceptsConsecutiveSeparators:
            return DefectSpec(
                deviation: "names with '..' or '--' pass the pattern check",
                fails: ["codecatalyst.spaceName.pattern.dotdot", "codecatalyst.projectName.pattern.dotdot"],
                effect: .input(.pattern(["spaceName", "projectName"], "[a-zA-Z0-9]+(?:[-_.]+[a-zA-Z0-9]+)*")))
        case .codecatalystAcceptsBracedUUID:
            return DefectSpec(
                deviation: "run ids in braces {…} are unwrapped and accepted", fails: ["codecatalyst.id.uuid.braces"],
                effect: .input(.unwrapsBraces("id")))
        case .codecatalystConflictWrongCode:
            return DefectSpec(
                deviation: "409 answers name ResourceConflictException instead of ConflictException",
                fails: ["codecatalyst.errors.ConflictException"], effect: .rewrite(.codeCatalystConflictWrongCode))
        case .codecatalystAccessDeniedAsNotFound:
            return DefectSpec(
                deviation:
                    "a run the valid token may not read is answered 404 ResourceNotFoundException, not 403 AccessDeniedException",
                fails: ["codecatalyst.errors.AccessDeniedException"],
                effect: .rewrite(.codeCatalystAccessDeniedAsNotFound))
        case .codecatalystInProgressWrongOnce:
            return DefectSpec(
                deviation:
                    "the first answer giving a run IN_PROGRESS writes it in lower case, later ones right: a run with --retry-failed reports the case flaky",
                fails: ["codecatalyst.response.in-progress"], effect: .rewrite(.codeCatalystInProgressWrongOnce()))
        case .codecatalystAcceptsAnyToken:
            return DefectSpec(
                deviation: "any bearer token is accepted", fails: ["codecatalyst.auth.invalid"],
                effect: .auth(.acceptsAnyBearer))
        case .codecatalystLowercaseInProgress:
            return DefectSpec(
                deviation: "IN_PROGRESS is written in lower case",
                fails: ["codecatalyst.response.in-progress", "codecatalyst.lifecycle"],
                effect: .rewrite(.codeCatalystLowercaseInProgress))
        case .codecatalystOmitsWorkflowIdOnFailure:
            return DefectSpec(
                deviation: "failed runs are answered without the required workflowId",
                fails: ["codecatalyst.response.failed"], effect: .rewrite(.codeCatalystOmitsWorkflowIdOnFailure))
        case .codecatalystEndBeforeStart:
            return DefectSpec(
                deviation: "endTime is written one minute before startTime",
                fails: [
                    "codecatalyst.response.succeeded", "codecatalyst.response.failed", "codecatalyst.lifecycle",
                    "codecatalyst.spaceName.sample.1", "codecatalyst.spaceName.pattern.valid",
                    "codecatalyst.projectName.sample.1", "codecatalyst.projectName.pattern.valid",
                ], effect: .rewrite(.codeCatalystEndBeforeStart))
        case .codecatalystNeverFinishes:
            return DefectSpec(
                deviation: "the lifecycle fixture stays IN_PROGRESS forever", fails: ["codecatalyst.lifecycle"],
                effect: .lifecycle(.neverFinishes))
        case .codecatalystStallsWhenInProgress:
            return DefectSpec(
                deviation: "the in-progress answer is delayed for 60 seconds",
                fails: ["codecatalyst.response.in-progress"], effect: .rewrite(.codeCatalystStallsWhenInProgress))
        case .codecatalystPatternAllowsTrailingNewline:
            return DefectSpec(
                deviation: "names and ids are matched with ^…$, so a value with a trailing line break passes",
                fails: [
                    "codecatalyst.spaceName.pattern.trailing-newline",
                    "codecatalyst.projectName.pattern.trailing-newline", "codecatalyst.id.uuid.trailing-newline",
                ], effect: .input(.trailingNewline(["spaceName", "projectName", "id"])))
        case .codecatalystLocalTimeOffset:
            return DefectSpec(
                deviation: "timestamps are written with a +02:00 offset, not in UTC as documented",
                fails: [
                    "codecatalyst.response.*", "codecatalyst.lifecycle", "codecatalyst.spaceName.sample.1",
                    "codecatalyst.spaceName.pattern.valid", "codecatalyst.projectName.sample.1",
                    "codecatalyst.projectName.pattern.valid",
                ], effect: .rewrite(.codeCatalystLocalTimeOffset))
        case .oracle404As500:
            return DefectSpec(
                deviation: "unknown work requests get 500 instead of 404", fails: ["oracle.errors.404"],
                effect: .rewrite(.oracle404As500))
        case .oracle412WithoutCode:
            // The seed hides the members of Oracle's Error schema: `code` is the profile's reading, so its absence warns.
            return DefectSpec(
                deviation: "412 answers have no 'code' in the body", fails: [], warns: ["oracle.errors.412"],
                effect: .rewrite(.oracle412WithoutCode))
        case .oracleSucceededBelow100:
            return DefectSpec(
                deviation: "a SUCCEEDED work request reports percentComplete 90",
                fails: ["oracle.response.succeeded", "oracle.lifecycle", "oracle.id.sample.*"],
                effect: .rewrite(.oracleSucceededBelow100))
        case .oracleResourceIdAsNumber:
            return DefectSpec(
                deviation: "resources[].id is written as a number",
                fails: ["oracle.response.*", "oracle.lifecycle", "oracle.id.sample.*"],
                effect: .rewrite(.oracleResourceIdAsNumber))
        case .oracleAcceptsMalformedBearer:
            return DefectSpec(
                deviation: "an Authorization header 'Bearer' without a token is accepted",
                fails: ["oracle.auth.malformed"], effect: .auth(.acceptsBareBearer))
        case .oracleProgressGoesBackwards:
            return DefectSpec(
                deviation: "percentComplete goes from 40 back to 20 on the third poll of the lifecycle fixture",
                fails: ["oracle.lifecycle"], effect: .lifecycle(.goesBackwards))
        case .oracleHugeBodyWhenInProgress:
            return DefectSpec(
                deviation: "the in-progress answer streams a 64 MiB body", fails: ["oracle.response.in-progress"],
                effect: .rewrite(.oracleHugeBodyWhenInProgress))
        case .oracleTrailingCommaWhenFailed:
            return DefectSpec(
                deviation: "the failed work request's JSON ends with a trailing comma, as the seed's Example 2",
                fails: ["oracle.response.failed"], effect: .rewrite(.oracleTrailingCommaWhenFailed))
        case .oracleMarkupInConflict:
            return DefectSpec(
                deviation:
                    "the conflict is answered 500 without a code, and its message and a header carry HTML and script (a hostile server for the reports)",
                fails: ["oracle.errors.409"], effect: .rewrite(.oracleMarkupInConflict))
        case .oracleStatusGivenTwice:
            return DefectSpec(
                deviation: "the failed work request's JSON gives \"status\" twice: \"FAILED\", then \"SUCCEEDED\"",
                fails: ["oracle.response.failed"], effect: .rewrite(.oracleStatusGivenTwice))
        case .oracleResourcesAsStrings:
            return DefectSpec(
                deviation: "resources[] lists the resource types as strings, not resource objects",
                fails: ["oracle.response.*", "oracle.lifecycle", "oracle.id.sample.*"],
                effect: .rewrite(.oracleResourcesAsStrings))
        case .oracleOmitsOperationType:
            return DefectSpec(
                deviation:
                    "work requests are answered without operationType, which the seed's prose says the details include",
                fails: ["oracle.response.*", "oracle.lifecycle", "oracle.id.sample.*"],
                effect: .rewrite(.oracleOmitsOperationType))
        }
    }
}
