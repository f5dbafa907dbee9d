/// The case an exchange was sent for, and whether it was the session log-on that case needed: what a recording names
/// each exchange by, and what a replay looks its answer up by. Task-local, so that the log-on — sent from the session
/// cache's own task, which inherits it — is named too, without every layer passing the case along.
package struct ExchangeOrigin: Sendable, Hashable {
    package let caseID: String
    package let isLogon: Bool

    @TaskLocal static var current: ExchangeOrigin?

    /// The same case's log-on.
    var logon: ExchangeOrigin { ExchangeOrigin(caseID: caseID, isLogon: true) }
}
