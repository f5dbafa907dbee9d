import ConformanceModel

/// The identifiers the embedded server knows, by fixture role, and the fixed test credentials it accepts.
/// `conformance serve --fixtures` prints them; the suite's default target config is built from them.
public enum ReferenceFixtures {
    public static let region = "us-east-1"
    public static let awsAccessKeyId = "AKIDCONFORMANCE00001"
    /// A test-only secret: the embedded server is its only verifier.
    public static let awsSecretAccessKey = "conformance/secret/EXAMPLEKEY+0001"
    public static let bearerToken = "conformance-bearer-token-0001"
    public static let centuryLinkAPIKey = "conformance-api-key"
    public static let centuryLinkPassword = "conformance-password"
    public static let accountId = "123456789012"

    static func s3Token(_ suffix: String) -> String {
        "arn:aws:s3:\(region):\(accountId):async-request/mrap/createmultiregionaccesspoint/\(suffix)"
    }

    /// API → (default inputs, role → values).
    public static let tables: [String: (defaults: [String: String], roles: [String: [String: String]])] = [
        "cloudcontrol": (
            [:],
            [
                "succeeded": ["RequestToken": "b4a1cc5a-a2ae-4dec-9e1e-150123456789"],
                "in-progress": ["RequestToken": "11111111-2222-4333-8444-000000000002"],
                "failed": ["RequestToken": "11111111-2222-4333-8444-000000000003"],
                "lifecycle": ["RequestToken": "11111111-2222-4333-8444-000000000004"],
                "throttled": ["RequestToken": "11111111-2222-4333-8444-000000000429"],
                "server-error": ["RequestToken": "11111111-2222-4333-8444-000000000500"],
                "access-denied": ["RequestToken": "11111111-2222-4333-8444-000000000403"],
                "unavailable": ["RequestToken": "11111111-2222-4333-8444-000000000503"],
            ]
        ),
        "centurylink": (
            [:],
            [
                "succeeded": ["RequestID": "50"], "in-progress": ["RequestID": "51"], "failed": ["RequestID": "52"],
                "lifecycle": ["RequestID": "53"], "server-error": ["RequestID": "99"],
            ]
        ),
        "s3control": (
            ["AccountId": accountId],
            [
                "succeeded": ["RequestTokenARN": s3Token("0000000000000001")],
                "in-progress": ["RequestTokenARN": s3Token("0000000000000002")],
                "failed": ["RequestTokenARN": s3Token("0000000000000003")],
                "lifecycle": ["RequestTokenARN": s3Token("0000000000000004")],
                "throttled": ["RequestTokenARN": s3Token("0000000000000503")],
                "server-error": ["RequestTokenARN": s3Token("0000000000000500")],
            ]
        ),
        "codecatalyst": (
            ["spaceName": "ExampleCorp", "projectName": "MyDemoProject"],
            [
                "succeeded": ["id": "a1b2c3d4-5678-90ab-cdef-000000000001"],
                "in-progress": ["id": "a1b2c3d4-5678-90ab-cdef-000000000002"],
                "failed": ["id": "a1b2c3d4-5678-90ab-cdef-000000000003"],
                "lifecycle": ["id": "a1b2c3d4-5678-90ab-cdef-000000000004"],
                "conflict": ["id": "a1b2c3d4-5678-90ab-cdef-000000000409"],
                "quota": ["id": "a1b2c3d4-5678-90ab-cdef-000000000402"],
                "throttled": ["id": "a1b2c3d4-5678-90ab-cdef-000000000429"],
                "access-denied": ["id": "a1b2c3d4-5678-90ab-cdef-000000000403"],
            ]
        ),
        "oracle": (
            [:],
            [
                "succeeded": ["id": "lfc-ab:1-cd:2"], "in-progress": ["id": "wr-in-progress-0001"],
                "failed": ["id": "wr-failed-0001"],
                "lifecycle": ["id": "wr-lifecycle-0001"], "bad-request": ["id": "wr-bad-request-0001"],
                "forbidden": ["id": "wr-forbidden-0001"],
                "conflict": ["id": "wr-conflict-0001"], "precondition": ["id": "wr-precondition-0001"],
                "server-error": ["id": "wr-server-error-0001"],
            ]
        ),
    ]

    /// Ids the server knows beyond the roles (the documents' other samples).
    static let extraSucceeded: [String: Set<String>] = ["oracle": ["bidr-1E309E468A4518E149438E31294EB54"]]

    /// The role whose identifying value is `value`, if any.
    static func role(api: String, input: String, value: String) -> String? {
        if extraSucceeded[api]?.contains(value) == true { return "succeeded" }
        return tables[api]?.roles.first { $0.value[input] == value }?.key
    }

    /// A target config that points every API at a server on `baseURL`.
    public static func targetConfig(baseURL: String) -> TargetConfig {
        var apis: [String: TargetEntry] = [:]
        for (api, table) in tables {
            apis[api] = TargetEntry(
                baseURL: baseURL, region: region, auth: AuthConfig(), inputs: table.defaults, fixtures: table.roles)
        }
        return TargetConfig(name: "embedded reference server", apis: apis)
    }

    /// The environment a suite run elsewhere reads this server's credentials from, as `sharedConfig` names them.
    public static let credentialEnvironment = [
        "REFERENCE_AWS_ACCESS_KEY_ID": awsAccessKeyId, "REFERENCE_AWS_SECRET_ACCESS_KEY": awsSecretAccessKey,
        "REFERENCE_TOKEN": bearerToken, "REFERENCE_API_KEY": centuryLinkAPIKey,
        "REFERENCE_PASSWORD": centuryLinkPassword,
    ]

    /// A target config for a server at `baseURL` that another process runs against (`conformance serve
    /// --write-config`, the benchmark): credentials named as the variables of `credentialEnvironment`, each API's as
    /// its profile's scheme needs them.
    public static func sharedConfig(baseURL: String, profiles: [Profile]) -> TargetConfig {
        var config = targetConfig(baseURL: baseURL)
        config.apis = config.apis.filter { api, _ in profiles.contains { $0.api == api } }
        for profile in profiles where config.apis[profile.api] != nil {
            let api = profile.api
            switch profile.auth.scheme {
            case .sigv4:
                config.apis[api]?.auth = AuthConfig(
                    accessKeyIdEnv: "REFERENCE_AWS_ACCESS_KEY_ID", secretAccessKeyEnv: "REFERENCE_AWS_SECRET_ACCESS_KEY"
                )
            case .sessionCookie:
                config.apis[api]?.auth = AuthConfig(apiKeyEnv: "REFERENCE_API_KEY", passwordEnv: "REFERENCE_PASSWORD")
            case .bearer: config.apis[api]?.auth = AuthConfig(tokenEnv: "REFERENCE_TOKEN")
            }
        }
        config.name = "reference server at \(baseURL)"
        return config
    }

    /// The credentials the embedded server accepts for `profile`'s API, handed to the driver in memory.
    public static func credentials(for profile: Profile) -> Credentials {
        switch profile.auth.scheme {
        case .sigv4: return Credentials(accessKeyId: awsAccessKeyId, secretAccessKey: awsSecretAccessKey)
        case .sessionCookie: return Credentials(apiKey: centuryLinkAPIKey, password: centuryLinkPassword)
        case .bearer: return Credentials(token: bearerToken)
        }
    }
}
