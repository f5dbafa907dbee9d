import Foundation

/// Session cookies per API, obtained once per run: the first case that needs one logs on, every other case waits for
/// that same log-on. A lock rather than an actor: every session-cookie case asks, and an actor hop each time cost
/// more than the lookup.
package final class SessionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cookies: [String: String] = [:]
    private var logons: [String: Task<String, any Error>] = [:]

    package init() {}

    private enum Lookup {
        case known(String)
        case pending(Task<String, any Error>)
    }

    /// A failed log-on is not remembered: the next case tries again (and reports its own failure).
    func cookie(for authorizer: Authorizer, driver: any Driver) async throws -> String {
        let api = authorizer.profile.api
        let lookup: Lookup = lock.withLock {
            if let cookie = cookies[api] { return .known(cookie) }
            if let logon = logons[api] { return .pending(logon) }
            let logon = Task { try await authorizer.logon(driver: driver) }
            logons[api] = logon
            return .pending(logon)
        }
        switch lookup {
        case .known(let cookie):
            return cookie
        case .pending(let logon):
            do {
                let cookie = try await logon.value
                lock.withLock { cookies[api] = cookie }
                return cookie
            } catch {
                lock.withLock { if logons[api] == logon { logons[api] = nil } }
                throw error
            }
        }
    }

    /// Every cookie issued, for redaction.
    var all: [String] { lock.withLock { Array(cookies.values) } }
}
