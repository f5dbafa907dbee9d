import Foundation

/// Everything the suite knows about one API's status operation: how to call it, what it accepts,
/// what it must answer, which errors it documents, and where the documents were wrong.
///
/// Profiles are data (`Conformance/<api>.json`) so that a reader can audit each rule against its source.
public struct Profile: Codable, Sendable {
    public var profileVersion: String
    public var api: String
    public var title: String
    public var operation: String
    public var documents: [String: String]
    public var formats: [FormatBinding]
    /// The documented base URL of the live service, `{region}` and input names (`{AccountId}`) filled from a target's
    /// config; a target that gives no `baseURL` is sent there. Absent where every instance has its own host (Oracle).
    public var endpoint: Endpoint?
    public var auth: AuthScheme
    public var inputs: [Input]
    public var responses: [ResponseModel]
    public var errorForms: [ErrorForm]
    public var errors: [ErrorMapping]
    /// Error mappings a valid input may legitimately meet when its value names nothing on the target
    /// (a well-formed but unknown id): a boundary case passes if it gets a 200 or one of these.
    public var acceptedOutcomes: [String]
    public var fixtures: [FixtureRole]
    public var lifecycle: Lifecycle
    /// Values that must agree across the formats (absent where the API speaks one format).
    public var agreements: [Agreement]?
    public var anomalies: [Anomaly]
    /// The file this profile was loaded from (nil when decoded from bytes): its folder holds the XSDs (`xsd/`) and
    /// the rules' line numbers come from it, so a profile copied elsewhere brings its own.
    public var origin: URL?

    private enum CodingKeys: String, CodingKey {
        case profileVersion, api, title, operation, documents, formats, endpoint, auth, inputs, responses, errorForms
        case errors
        case acceptedOutcomes, fixtures, lifecycle, agreements, anomalies
    }

    /// The XSD `name` beside this profile (`xsd/<name>`); the package's own `Conformance/xsd/` for a profile read from
    /// bytes.
    public func schemaFile(_ name: String) -> URL {
        (origin?.deletingLastPathComponent() ?? ProfileLoader.defaultDirectory).appendingPathComponent("xsd")
            .appendingPathComponent(name)
    }

    public func format(_ name: WireFormat) -> FormatBinding? { formats.first { $0.format == name } }
    public func input(_ name: String) -> Input? { inputs.first { $0.name == name } }
    public func error(_ id: String) -> ErrorMapping? { errors.first { $0.id == id } }
    public func response(_ format: WireFormat) -> ResponseModel? { responses.first { $0.format == format } }
    public func errorForm(_ format: WireFormat) -> ErrorForm? { errorForms.first { $0.format == format } }
    public func fixture(_ role: String) -> FixtureRole? { fixtures.first { $0.role == role } }
    public func anomaly(_ id: String) -> Anomaly? { anomalies.first { $0.id == id } }

    /// The level of a rule by its profile id (constraint, field, invariant, error mapping); nil for an unknown id.
    public func level(ofRule id: String) -> Level? {
        if let constraint = inputs.lazy.flatMap(\.constraints).first(where: { $0.id == id }) {
            return constraint.resolvedLevel
        }
        for response in responses {
            if let field = response.fields.first(where: { $0.id == id }) { return field.resolvedLevel }
            if let invariant = response.invariants.first(where: { $0.id == id }) { return invariant.resolvedLevel }
        }
        if let agreement = agreements?.first(where: { $0.id == id }) { return agreement.resolvedLevel }
        return error(id)?.resolvedLevel
    }
}

/// Where the live service answers.
public struct Endpoint: Codable, Sendable, Hashable {
    /// `https://cloudcontrolapi.{region}.amazonaws.com`, `https://{AccountId}.s3-control.{region}.amazonaws.com`.
    public var template: String
    public var source: Source

    /// The template filled with `region` and the `inputs`; the name of a placeholder no value fills, if any.
    public func url(region: String, inputs: [String: String]) -> Result<String, Missing> {
        var url = template.replacingOccurrences(of: "{region}", with: region)
        while let open = url.range(of: "{"), let close = url.range(of: "}", range: open.upperBound..<url.endIndex) {
            let name = String(url[open.upperBound..<close.lowerBound])
            guard let value = inputs[name], !value.isEmpty else { return .failure(Missing(name: name)) }
            url.replaceSubrange(open.lowerBound..<close.upperBound, with: value)
        }
        return .success(url)
    }

    public struct Missing: Error, Sendable { public let name: String }
}

/// A role a target must fill with a real identifier for the cases that need one
/// (a run that has succeeded, one that provokes a conflict, …).
public struct FixtureRole: Codable, Sendable, Hashable {
    public var role: String
    public var description: String
    /// The states an answer about this role's fixture may show (a `succeeded` run answering `FAILED` is wrong).
    public var states: [String]?
}

/// A mistake or gap in the documents, with what the profile does about it.
public struct Anomaly: Codable, Sendable, Hashable {
    public var id: String
    public var source: Source
    public var finding: String
    public var decision: String
    public var why: String
}

extension Profile {
    /// Every source the profile cites, for audits (every seed line exists, every document is listed).
    public var allSources: [Source] {
        var sources: [Source] = [auth.source, lifecycle.source] + (endpoint.map { [$0.source] } ?? [])
        sources += formats.map(\.source) + formats.compactMap(\.presignedExample)
        for input in inputs {
            sources += input.constraints.map(\.source)
            sources += input.samples.map(\.source)
        }
        for response in responses {
            sources += response.sources ?? []
            sources += response.fields.flatMap(\.sources)
            sources += response.invariants.map(\.source)
        }
        sources += errors.map(\.source)
        sources += errorForms.flatMap(\.sources)
        sources += (agreements ?? []).map(\.source)
        sources += anomalies.map(\.source)
        return sources
    }
}

extension [Profile] {
    /// API → profile version: what a results file or a recording says its cases were derived from.
    public var versions: [String: String] {
        Dictionary(map { ($0.api, $0.profileVersion) }, uniquingKeysWith: { first, _ in first })
    }
}
