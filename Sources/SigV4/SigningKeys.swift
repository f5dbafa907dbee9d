import Crypto
import Foundation
import Synchronization

/// The key a scope's signatures are made with (four HMACs from the secret), derived once per secret and scope: a
/// scope lasts a day, and the suite and the server sign or check hundreds of requests in one. Kept as an HMAC already
/// keyed, which each signature copies and feeds: keying one hashes two padded blocks.
final class SigningKeys: Sendable {
    private struct Name: Hashable {
        let secret: String
        let scope: String
    }

    /// A keyed HMAC is bytes of state, copied on every use; Swift Crypto does not mark it Sendable.
    private struct KeyedMAC: @unchecked Sendable {
        let mac: HMAC<SHA256>
    }

    private let keys = Mutex<[Name: KeyedMAC]>([:])

    func mac(secret: String, scope: SigV4.Scope) -> HMAC<SHA256> {
        let name = Name(secret: secret, scope: scope.text)
        if let known = keys.withLock({ $0[name] }) { return known.mac }
        var key = SymmetricKey(data: Data("AWS4\(secret)".utf8))
        for part in [scope.date, scope.region, scope.service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        let keyed = KeyedMAC(mac: HMAC<SHA256>(key: key))
        keys.withLock { keys in
            // A long-running server sees a new scope each day and from each client's secret: keep the table small.
            if keys.count >= 64 { keys.removeAll() }
            keys[name] = keyed
        }
        return keyed.mac
    }
}
