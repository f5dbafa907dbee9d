/// Session cookies per API, obtained once per run.
package actor SessionCache {
    private var cookies: [String: String] = [:]

    package init() {}

    func cookie(for authorizer: Authorizer, driver: HTTPDriver) async throws -> String {
        if let cookie = cookies[authorizer.profile.api] { return cookie }
        let cookie = try await authorizer.logon(driver: driver)
        cookies[authorizer.profile.api] = cookie
        return cookie
    }

    /// Every cookie issued, for redaction.
    var all: [String] { Array(cookies.values) }
}
