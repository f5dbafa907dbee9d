import Foundation
import Synchronization

/// Session cookies per API, obtained once per run: the first case that needs one logs on, every other case waits for
/// that same log-on. A lock rather than an actor: every session-cookie case asks, and an actor hop each time cost
/// more than the lookup.
package final class SessionCache: Sendable {
    private let state = Mutex((cookies: [String: String](), logons: [String: Task<String, any Error>]()))

    package init() {}

    private enum Lookup {
        case known(String)
        case pending(Task<String, any Error>)
    }

    /// A failed log-on is not remembered: the next case tries again (and reports its own failure).
    func cookie(for authorizer: Authorizer, driver: any Driver) async throws -> String {
        let api = authorizer.profile.api
        let lookup: Lookup = state.withLock { state in
            if let cookie = state.cookies[api] { return .known(cookie) }
            if let logon = state.logons[api] { return .pending(logon) }
            let logon = Task { try await authorizer.logon(driver: driver) }
            state.logons[api] = logon
            return .pending(logon)
        }
        switch lookup {
        case .known(let cookie):
            return cookie
        case .pending(let logon):
            do {
                let cookie = try await logon.value
                state.withLock { $0.cookies[api] = cookie }
                return cookie
            } catch {
                state.withLock { if $0.logons[api] == logon { $0.logons[api] = nil } }
                throw error
            }
        }
    }

    /// Every cookie issued, for redaction.
    var all: [String] { state.withLock { Array($0.cookies.values) } }
}
