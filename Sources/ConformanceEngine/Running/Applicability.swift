import ConformanceModel

/// Whether a case can run on a target, decided without sending anything: the suite leaves out cases that cannot
/// (and lists them with the reason) instead of passing or failing them.
package enum Applicability {
    /// Nil when the case applies; otherwise why not.
    package static func skipReason(_ item: DerivedCase, profile: Profile, target: APITarget?) -> String? {
        guard let target else { return "the target config does not configure \(item.api)" }
        let resolved = ResolvedTarget(
            api: item.api, target: target, credentials: Credentials(), label: target.baseURL,
            pacing: .live(target, config: nil))
        do {
            _ = try RequestBuilder(profile: profile, target: resolved).build(item)
            return nil
        } catch RequestBuilder.Refusal.skip(let reason) {
            return reason
        } catch {
            return "\(error)"
        }
    }
}
