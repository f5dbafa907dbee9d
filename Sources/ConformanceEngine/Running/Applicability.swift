import ConformanceModel

/// Whether a case can run on a target, decided without sending anything: the suite leaves out cases that cannot
/// (and lists them with the reason) instead of passing or failing them. Made once per API: it builds each case's
/// request with the one request builder the API's target needs.
package struct Applicability {
    private let builder: RequestBuilder?
    private let api: String

    package init(profile: Profile, target: TargetEntry?) {
        api = profile.api
        builder = target.map {
            RequestBuilder(
                profile: profile,
                target: ResolvedTarget(
                    api: profile.api, target: $0, credentials: Credentials(), label: $0.baseURL,
                    pacing: .live($0, config: nil)))
        }
    }

    /// Nil when the case applies; otherwise why not.
    package func skipReason(_ item: DerivedCase) -> String? {
        guard let builder else { return "the target config does not configure \(api)" }
        do {
            _ = try builder.build(item)
            return nil
        } catch RequestBuilder.Refusal.skip(let reason) {
            return reason
        } catch {
            return "\(error)"
        }
    }
}
